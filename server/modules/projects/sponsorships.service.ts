import type { z } from 'zod';
import type { SponsorshipState } from '../../../common/projects.ts';
import type {
  sponsorshipDecisionSchema,
  sponsorshipRequestSchema,
  withdrawalSchema,
} from '../../../common/schemas/project-collaboration.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext, type TxContext } from '../../lib/context.ts';
import { AppError, staleVersion } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { sponsorshipDecided, sponsorshipRequested } from '../notifications/emitters.ts';
import {
  findSponsorshipRow,
  insertSponsorship,
  listSponsorships,
  lockSponsorship,
  touchProject,
  updateSponsorshipAtVersion,
} from './collaboration.queries.ts';
import { sponsorshipQueueScope } from './projects.policy.ts';
import { findOrganisationRefs, findProjectSubject } from './projects.queries.ts';
import { accessOf, projectNotFound } from './projects.service.ts';

const CLOSED_PHASES = ['delivered', 'abandoned'];

/** The project, locked, once it is still open to collaboration. */
export async function openProject(tx: TxContext, id: string) {
  const project = await findProjectSubject(tx.db, id, { lock: true });
  if (!project) throw projectNotFound();
  if (CLOSED_PHASES.includes(project.phase))
    throw new AppError(
      'conflict',
      'Ce projet est livré ou abandonné : il ne reçoit plus de demande ni de proposition.',
    );
  return project;
}

export async function requestSponsorship(
  ctx: ServiceContext,
  authorizer: Authorizer,
  projectId: string,
  input: z.infer<typeof sponsorshipRequestSchema>,
) {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const project = await openProject(tx, projectId);
    authorizer.authorize(actor, 'project.requestSponsorship', accessOf(project));
    const directorate = (await findOrganisationRefs(tx.db, [input.directorateId])).get(input.directorateId);
    if (directorate?.type !== 'national')
      throw new AppError(
        'unprocessable',
        'Le sponsor est une direction nationale de la Cnam : choisissez-en une.',
        {
          errors: [{ field: 'directorateId', message: 'Choisissez une direction nationale de la Cnam.' }],
        },
      );
    const row = await insertSponsorship(tx.db, {
      projectId,
      directorateId: input.directorateId,
      pitch: input.pitch,
      requestedBy: actor.userId,
    });
    await recordAudit(tx, {
      action: 'sponsorship.request',
      targetType: 'project',
      targetId: projectId,
      before: null,
      after: { sponsorshipId: row.id, directorateId: row.directorateId, pitch: row.pitch, state: row.state },
    });
    await sponsorshipRequested(tx, project, input.directorateId);
    return row.id;
  });
}

/** Loads and locks a request, checks who acts, its version and that it is in one of the states given. */
async function lockForChange(
  tx: TxContext,
  authorizer: Authorizer,
  id: string,
  action: 'sponsorship.decide' | 'sponsorship.withdraw',
  version: number,
  states: readonly SponsorshipState[],
) {
  const actor = requireActor(tx);
  const request = await lockSponsorship(tx.db, id);
  if (!request) throw new AppError('notFound', 'Cette demande de sponsor est introuvable.');
  const project = await findProjectSubject(tx.db, request.projectId, { lock: true });
  if (!project) throw projectNotFound();
  authorizer.authorize(actor, action, { directorateId: request.directorateId, project: accessOf(project) });
  if (request.version !== version) throw staleVersion('sponsorship');
  if (!states.includes(request.state))
    throw new AppError(
      'conflict',
      request.state === 'pending'
        ? 'Cette demande est encore en attente de décision.'
        : `Cette demande est déjà ${request.state === 'accepted' ? 'acceptée' : request.state === 'declined' ? 'refusée' : 'retirée'}.`,
    );
  return { ...request, project };
}

export async function decideSponsorship(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: z.infer<typeof sponsorshipDecisionSchema>,
) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const request = await lockForChange(tx, authorizer, id, 'sponsorship.decide', input.version, ['pending']);
    const after = await updateSponsorshipAtVersion(tx.db, id, input.version, {
      state: input.decision,
      rationale: input.rationale,
      decidedBy: actor.userId,
      decidedAt: new Date(),
    });
    if (!after) throw staleVersion('sponsorship');
    // An accepted sponsorship opens the project's guard: a page read before it is out of date.
    if (input.decision === 'accepted') await touchProject(tx.db, request.projectId);
    await recordAudit(tx, {
      action: 'sponsorship.decide',
      targetType: 'project',
      targetId: request.projectId,
      before: { sponsorshipId: id, state: request.state },
      after: { sponsorshipId: id, state: after.state, rationale: after.rationale },
    });
    await sponsorshipDecided(tx, request.project, request, input.decision);
  });
  return id;
}

/** The holder withdraws its request, or the directorate its sponsorship: an accepted one closes the guard again. */
export async function withdrawSponsorship(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: z.infer<typeof withdrawalSchema>,
) {
  await inTransaction(ctx, async (tx) => {
    const request = await lockForChange(tx, authorizer, id, 'sponsorship.withdraw', input.version, [
      'pending',
      'accepted',
    ]);
    const after = await updateSponsorshipAtVersion(tx.db, id, input.version, {
      state: 'withdrawn',
      withdrawnAt: new Date(),
      withdrawalReason: input.rationale ?? null,
    });
    if (!after) throw staleVersion('sponsorship');
    if (request.state === 'accepted') await touchProject(tx.db, request.projectId);
    await recordAudit(tx, {
      action: 'sponsorship.withdraw',
      targetType: 'project',
      targetId: request.projectId,
      before: { sponsorshipId: id, state: request.state },
      after: { sponsorshipId: id, state: after.state, rationale: input.rationale ?? null },
    });
  });
  return id;
}

export async function getSponsorship(ctx: ServiceContext, id: string) {
  requireActor(ctx);
  const row = await findSponsorshipRow(ctx.db, id);
  if (!row) throw new AppError('notFound', 'Cette demande de sponsor est introuvable.');
  return row;
}

/** The sponsor's queue: its directorate's requests (pending by default), the oldest first. */
export async function sponsorshipQueue(
  ctx: ServiceContext,
  authorizer: Authorizer,
  state: SponsorshipState | undefined,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'sponsorship.queue');
  return listSponsorships(ctx.db, sponsorshipQueueScope(actor), state ?? 'pending');
}
