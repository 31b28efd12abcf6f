import type { z } from 'zod';
import type {
  capacityInputSchema,
  contributionInputSchema,
} from '../../../common/schemas/project-collaboration.ts';
import { trackRules } from '../../../common/tracks.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import {
  findContributionRows,
  insertContribution,
  listCapacities,
  upsertCapacity,
} from './collaboration.queries.ts';
import { findOrganisationRefs, findProjectSubject, setFollowing } from './projects.queries.ts';
import { accessOf, projectNotFound } from './projects.service.ts';

/** An office declares what it can give to others' projects in a quarter (replacing what it declared for it). */
export async function declareCapacity(
  ctx: ServiceContext,
  authorizer: Authorizer,
  input: z.infer<typeof capacityInputSchema>,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'capacity.declare', { organisationId: actor.organisationId });
  return inTransaction(ctx, async (tx) => {
    const { before, row } = await upsertCapacity(tx.db, {
      organisationId: actor.organisationId,
      quarter: input.quarter,
      personDays: input.personDays,
      skills: [...new Set(input.skills)],
      comment: input.comment,
      declaredBy: actor.userId,
    });
    await recordAudit(tx, {
      action: 'capacity.declare',
      targetType: 'organisation',
      targetId: actor.organisationId,
      before: before && { quarter: before.quarter, personDays: before.personDays, skills: before.skills },
      after: {
        quarter: row.capacity.quarter,
        personDays: row.capacity.personDays,
        skills: row.capacity.skills,
      },
    });
    return row;
  });
}

export async function capacities(ctx: ServiceContext, organisationId: string | undefined) {
  requireActor(ctx);
  return listCapacities(ctx.db, organisationId);
}

/** National participation (§2.3): a local person's contribution (office, share of time, from–to, role). */
export async function recordContribution(
  ctx: ServiceContext,
  authorizer: Authorizer,
  projectId: string,
  input: z.infer<typeof contributionInputSchema>,
) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const project = await findProjectSubject(tx.db, projectId, { lock: true });
    if (!project) throw projectNotFound();
    authorizer.authorize(actor, 'project.recordContributions', accessOf(project));
    if (!trackRules(project.track).ownedByNationalDirectorate)
      throw new AppError(
        'unprocessable',
        'Les contributions de collaborateurs locaux se déclarent sur les projets de participation nationale (§2.3).',
      );
    if (!(await findOrganisationRefs(tx.db, [input.organisationId])).has(input.organisationId))
      throw new AppError('unprocessable', 'Organisme inconnu.', {
        errors: [{ field: 'organisationId', message: 'Organisme inconnu.' }],
      });
    const row = await insertContribution(tx.db, { projectId, ...input, createdBy: actor.userId });
    await recordAudit(tx, {
      action: 'project.recordContribution',
      targetType: 'project',
      targetId: projectId,
      before: null,
      after: { contributionId: row.id, ...input },
    });
  });
  return findContributionRows(ctx.db, projectId);
}

/** Follows or stops following a project; says whether the caller follows it now. */
export async function follow(
  ctx: ServiceContext,
  authorizer: Authorizer,
  projectId: string,
  following: boolean,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'project.follow');
  const project = await findProjectSubject(ctx.db, projectId);
  if (!project) throw projectNotFound();
  await setFollowing(ctx.db, projectId, actor.userId, following);
}
