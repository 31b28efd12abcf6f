import type { z } from 'zod';
import type { offerDecisionSchema, offerInputSchema } from '../../../common/schemas/project-collaboration.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError, staleVersion } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { offerDecided, offerMade } from '../notifications/emitters.ts';
import {
  findOfferRow,
  insertOffer,
  lockOffer,
  touchProject,
  updateOfferAtVersion,
} from './collaboration.queries.ts';
import { addProjectOffice, findProjectSubject } from './projects.queries.ts';
import { accessOf, projectNotFound } from './projects.service.ts';
import { openProject } from './sponsorships.service.ts';

/** An office offers to join a project (developer capacity, co-funder, pilot site, acceptance tester). */
export async function makeOffer(
  ctx: ServiceContext,
  authorizer: Authorizer,
  projectId: string,
  input: z.infer<typeof offerInputSchema>,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'project.offer', { organisationId: actor.organisationId });
  return inTransaction(ctx, async (tx) => {
    const project = await openProject(tx, projectId);
    if (project.holderOrganisationId === actor.organisationId)
      throw new AppError(
        'unprocessable',
        'Votre organisme porte ce projet : il ne se le propose pas à lui-même.',
      );
    const row = await insertOffer(tx.db, {
      projectId,
      organisationId: actor.organisationId,
      kind: input.kind,
      message: input.message,
      personDays: input.personDays,
      offeredBy: actor.userId,
    });
    await recordAudit(tx, {
      action: 'offer.make',
      targetType: 'project',
      targetId: projectId,
      before: null,
      after: {
        offerId: row.id,
        organisationId: row.organisationId,
        kind: row.kind,
        personDays: row.personDays,
      },
    });
    await offerMade(tx, project, row);
    return row.id;
  });
}

/**
 * The holder accepts or declines. An accepted developer capacity makes the office a developer office of
 * the project (its developers become parties of the lifecycle); an accepted pilot site, a pilot office.
 */
export async function decideOffer(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: z.infer<typeof offerDecisionSchema>,
) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const offer = await lockOffer(tx.db, id);
    if (!offer) throw new AppError('notFound', 'Cette proposition est introuvable.');
    const project = await findProjectSubject(tx.db, offer.projectId, { lock: true });
    if (!project) throw projectNotFound();
    authorizer.authorize(actor, 'project.decideOffers', accessOf(project));
    if (offer.version !== input.version) throw staleVersion('offer');
    if (offer.state !== 'pending')
      throw new AppError('conflict', 'Cette proposition a déjà reçu une réponse.');
    const after = await updateOfferAtVersion(tx.db, id, input.version, {
      state: input.decision,
      rationale: input.rationale ?? null,
      decidedBy: actor.userId,
      decidedAt: new Date(),
    });
    if (!after) throw staleVersion('offer');
    if (input.decision === 'accepted') {
      if (offer.kind === 'developerCapacity')
        await addProjectOffice(tx.db, project.id, offer.organisationId, 'developer');
      if (offer.kind === 'pilotSite')
        await addProjectOffice(tx.db, project.id, offer.organisationId, 'pilot');
      await touchProject(tx.db, project.id);
    }
    await recordAudit(tx, {
      action: 'offer.decide',
      targetType: 'project',
      targetId: project.id,
      before: { offerId: id, state: offer.state },
      after: { offerId: id, state: after.state, kind: after.kind, organisationId: after.organisationId },
    });
    await offerDecided(tx, project, offer, input.decision);
  });
  return id;
}

export async function getOffer(ctx: ServiceContext, id: string) {
  requireActor(ctx);
  const row = await findOfferRow(ctx.db, id);
  if (!row) throw new AppError('notFound', 'Cette proposition est introuvable.');
  return row;
}
