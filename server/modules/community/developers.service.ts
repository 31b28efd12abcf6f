import type { UpdateDeveloperProfileInput } from '../../../common/schemas/community.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError, notFound, staleVersion } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import {
  type DirectoryFilters,
  existingLinks,
  findDirectoryEntry,
  findProfile,
  insertProfile,
  listDirectory,
  profileLinks,
  updateProfileAtVersion,
} from './developers.queries.ts';

/**
 * The developers' directory (letter §3.2.1): every developer and referent of the network with the
 * profile they keep — office, region, skills, languages and frameworks, starter-kit training date,
 * applications and projects, availability — searched with facets. Each person edits their own.
 */

export async function searchDirectory(
  ctx: ServiceContext,
  query: DirectoryFilters & { page: number; pageSize: number },
) {
  requireActor(ctx);
  const { page, pageSize, ...filters } = query;
  return listDirectory(ctx.db, filters, { page, pageSize });
}

/** One person's profile, with the names of what they work on. */
export async function getDeveloper(ctx: ServiceContext, userId: string) {
  requireActor(ctx);
  const entry = await findDirectoryEntry(ctx.db, userId);
  if (!entry) throw notFound('Développeur');
  const links = await profileLinks(ctx.db, entry.application_ids ?? [], entry.project_ids ?? []);
  return { entry, links };
}

const unprocessable = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] });

/** Case-insensitive de-duplication, first spelling kept. */
const distinctTags = (tags: string[]) => {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.toLocaleLowerCase('fr');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** The caller writes their own profile: the first time without a version, then at the version read. */
export async function updateOwnProfile(
  ctx: ServiceContext,
  authorizer: Authorizer,
  input: UpdateDeveloperProfileInput,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'developer.editProfile', actor.userId);
  const applicationIds = [...new Set(input.applicationIds)];
  const projectIds = [...new Set(input.projectIds)];
  return inTransaction(ctx, async (tx) => {
    const known = await existingLinks(tx.db, applicationIds, projectIds);
    if (applicationIds.some((id) => !known.applicationIds.has(id)))
      throw unprocessable('applicationIds', "Une des applications citées n'existe pas dans le catalogue.");
    if (projectIds.some((id) => !known.projectIds.has(id)))
      throw unprocessable('projectIds', "Un des projets cités n'existe pas sur le portail.");
    const before = await findProfile(tx.db, actor.userId);
    const values = {
      userId: actor.userId,
      headline: input.headline ?? null,
      skills: distinctTags(input.skills),
      technologies: distinctTags(input.technologies),
      applicationIds,
      projectIds,
      availableForCollaboration: input.availableForCollaboration,
      availabilityNote: input.availabilityNote ?? null,
    };
    if (!before && input.version !== undefined) throw staleVersion('developerProfile');
    if (before && input.version === undefined)
      throw new AppError(
        'badRequest',
        'La version du profil est obligatoire : votre profil existe déjà (rechargez la page).',
        { errors: [{ field: 'version', message: 'La version du profil est obligatoire.' }] },
      );
    const after = before
      ? await updateProfileAtVersion(tx.db, values, input.version as number)
      : await insertProfile(tx.db, values);
    if (!after) throw staleVersion('developerProfile');
    await recordAudit(tx, {
      action: 'developerProfile.update',
      targetType: 'developerProfile',
      targetId: actor.userId,
      before,
      after,
    });
    return after;
  });
}
