import type {
  CreateForgeProjectInput,
  ForgeCreationDto,
  ForgeProjectCreatedDto,
} from '../../../common/schemas/forge.ts';
import type { ForgeClient } from '../../integrations/gitlab.ts';
import { IntegrationError } from '../../integrations/http.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor, Authorizer } from '../../lib/policy.ts';
import {
  findOrganisationRefs,
  findProjectSubject,
  type ProjectSubject,
  updateProjectAtVersion,
} from '../projects/projects.queries.ts';
import { accessOf, projectNotFound } from '../projects/projects.service.ts';
import { findUser } from '../users/users.queries.ts';

const NOT_CONFIGURED =
  "GitLab n'est pas configuré sur ce portail : un administrateur doit renseigner MUTUALIS_GITLAB_URL. En attendant, créez le projet sur la Forge et renseignez son adresse dans la fiche du projet.";

/** The developer's group: the caller's office when it holds or develops the project, else the holder's. */
async function namespaceOf(ctx: ServiceContext, gitlab: ForgeClient, actor: Actor, project: ProjectSubject) {
  const own =
    project.holderOrganisationId === actor.organisationId ||
    project.developerOrganisationIds.includes(actor.organisationId);
  const officeId = own ? actor.organisationId : project.holderOrganisationId;
  const office = (await findOrganisationRefs(ctx.db, [officeId])).get(officeId);
  return `${gitlab.rootGroup}/${(office?.code ?? 'organisme').toLowerCase()}`;
}

/** What the project page needs to offer "Créer sur la Forge". */
export async function describeForgeCreation(
  ctx: ServiceContext,
  authorizer: Authorizer,
  gitlab: ForgeClient | null,
  id: string,
): Promise<ForgeCreationDto> {
  const actor = requireActor(ctx);
  const project = await findProjectSubject(ctx.db, id);
  if (!project) throw projectNotFound();
  const allowed = !project.forgeUrl && authorizer.can(actor, 'project.createForgeProject', accessOf(project));
  // GitLab accounts of the network are usually named after the e-mail's local part (jean.dupont).
  const local = (await findUser(ctx.db, actor.userId))?.email.split('@')[0] ?? '';
  return {
    configured: gitlab !== null,
    allowed,
    namespace: gitlab && allowed ? await namespaceOf(ctx, gitlab, actor, project) : null,
    suggestedMember: /^[a-zA-Z0-9_.][a-zA-Z0-9_.-]*$/.test(local) ? local : null,
  };
}

/**
 * Creates the project's GitLab project from the starter-kit template in the developer's group, adds the
 * team, then sets the forge address on the project (which opens the guard of development) and audits it
 * in one transaction. GitLab is called before the transaction: a slow forge holds no lock.
 */
export async function createForgeProject(
  ctx: ServiceContext,
  authorizer: Authorizer,
  gitlab: ForgeClient | null,
  id: string,
  input: CreateForgeProjectInput,
): Promise<ForgeProjectCreatedDto> {
  const actor = requireActor(ctx);
  const project = await findProjectSubject(ctx.db, id);
  if (!project) throw projectNotFound();
  authorizer.authorize(actor, 'project.createForgeProject', accessOf(project));
  if (!gitlab) throw new AppError('serviceUnavailable', NOT_CONFIGURED);
  if (project.forgeUrl)
    throw new AppError(
      'conflict',
      `Ce projet a déjà une adresse sur la Forge (${project.forgeUrl}) : il n'y a rien à créer.`,
      { errors: [{ field: 'forgeUrl', message: 'Ce projet a déjà une adresse sur la Forge.' }] },
    );
  if (project.version !== input.version) throw staleProject();
  const namespacePath = await namespaceOf(ctx, gitlab, actor, project);
  let created: Awaited<ReturnType<ForgeClient['createProjectFromTemplate']>>;
  try {
    created = await gitlab.createProjectFromTemplate({ ...input, namespacePath });
  } catch (error) {
    throw forgeRefusal(error, namespacePath, input.path);
  }
  await inTransaction(ctx, async (tx) => {
    const row = await updateProjectAtVersion(tx.db, id, input.version, { forgeUrl: created.webUrl });
    if (!row)
      throw new AppError(
        'staleVersion',
        `Le projet GitLab a été créé (${created.webUrl}), mais ce projet a été modifié entre-temps : rechargez-le et renseignez cette adresse dans sa fiche.`,
      );
    await recordAudit(tx, {
      action: 'project.createForgeProject',
      targetType: 'project',
      targetId: id,
      before: { forgeUrl: null },
      after: { forgeUrl: created.webUrl },
      details: {
        gitlabProjectId: created.id,
        namespace: namespacePath,
        visibility: input.visibility,
        defaultBranch: input.defaultBranch,
        membersAdded: created.membersAdded,
        membersNotFound: created.membersNotFound,
      },
    });
  });
  return {
    webUrl: created.webUrl,
    projectPath: created.pathWithNamespace,
    gitlabProjectId: created.id,
    membersAdded: created.membersAdded,
    membersNotFound: created.membersNotFound,
  };
}

const staleProject = () =>
  new AppError(
    'staleVersion',
    "Ce projet a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert. Rechargez-le pour voir les changements, puis recommencez.",
  );

/** GitLab's refusal as the portal answers it: the group or the path named, the rest a 502 in French. */
function forgeRefusal(error: unknown, namespacePath: string, path: string): unknown {
  if (!(error instanceof IntegrationError)) return error;
  if (error.kind === 'notFound')
    return new AppError(
      'unprocessable',
      `Le groupe ${namespacePath} n'existe pas sur GitLab, ou le modèle starter kit est introuvable : un administrateur de la Forge doit le créer.`,
    );
  if (error.kind === 'rejected' && /taken|exist/i.test(error.detail))
    return new AppError(
      'conflict',
      `Le chemin « ${path} » est déjà pris dans ${namespacePath} : choisissez-en un autre.`,
      {
        errors: [{ field: 'path', message: `Le chemin « ${path} » est déjà pris dans ${namespacePath}.` }],
      },
    );
  if (error.kind === 'rejected') return new AppError('unprocessable', error.detail);
  return new AppError('badGateway', error.detail);
}
