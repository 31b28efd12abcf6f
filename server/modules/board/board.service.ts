import type { z } from 'zod';
import type { addItemSchema, escalateSchema, SubmitRequestInput } from '../../../common/schemas/board.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext, type TxContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { followAutomatically } from '../notifications/recipients.queries.ts';
import {
  type BoardItemValues,
  findCallTitle,
  findProjectTitle,
  findSponsorshipForBoard,
  insertItem,
  listItemViews,
  officesByIds,
} from './board.queries.ts';
import { publishedDecisionsOfItem } from './decisions.service.ts';

/**
 * What waits for the governance board: requests anyone submits (an evolution of the portal, AM Cloud or
 * the Store; an arbitration between offices), sponsorship requests a sponsor escalates, and the board's
 * own items (a call's selection, a participation in a national project, a compensation question).
 * Meetings: meetings.service.ts; decisions: decisions.service.ts.
 */

export const itemNotFound = () => new AppError('notFound', "Ce point soumis à l'instance est introuvable.");
const invalid = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] });

/** Writes an item, its audit event, and has its author follow it (the decision reaches them). */
/** A new item among what waits for the board; its submitter follows it. */
export async function createItem(
  tx: TxContext,
  action: string,
  values: Omit<BoardItemValues, 'submittedBy' | 'submittingOrganisationId'>,
) {
  const actor = requireActor(tx);
  const item = await insertItem(tx.db, {
    ...values,
    submittedBy: actor.userId,
    submittingOrganisationId: actor.organisationId,
  });
  await recordAudit(tx, { action, targetType: 'boardItem', targetId: item.id, after: values });
  await followAutomatically(tx.db, actor.userId, { type: 'boardItem', id: item.id });
  return item.id;
}

export async function submitRequest(ctx: ServiceContext, authorizer: Authorizer, input: SubmitRequestInput) {
  authorizer.authorize(requireActor(ctx), 'board.submit');
  return inTransaction(ctx, async (tx) => {
    const officeIds = [...new Set(input.officeIds)];
    if (input.kind === 'arbitration') {
      const offices = await officesByIds(tx.db, officeIds);
      if (offices.length !== officeIds.length)
        throw invalid('officeIds', "Un des organismes nommés n'existe pas dans l'annuaire.");
    }
    return createItem(tx, 'board.submit', {
      kind: input.kind,
      title: input.title,
      reason: input.reason,
      evolutionTarget: input.kind === 'evolution' ? input.evolutionTarget : null,
      officeIds: input.kind === 'arbitration' ? officeIds : [],
    });
  });
}

/** A sponsor puts a pending request made to its directorate before the board (the board's runners: any). */
export async function escalateSponsorship(
  ctx: ServiceContext,
  authorizer: Authorizer,
  input: z.infer<typeof escalateSchema>,
) {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const request = await findSponsorshipForBoard(tx.db, input.sponsorshipId);
    if (!request) throw invalid('sponsorshipId', 'Cette demande de sponsor est introuvable.');
    authorizer.authorize(actor, 'board.escalate', { directorateId: request.directorateId });
    if (request.state !== 'pending')
      throw new AppError('conflict', "Seule une demande de sponsor en attente est soumise à l'instance.");
    return createItem(tx, 'board.escalate', {
      kind: 'sponsorship',
      title: `Sponsor du projet « ${request.projectTitle} »`,
      reason: input.reason,
      sponsorshipId: request.id,
      projectId: request.projectId,
    });
  });
}

/** The board's own items: a call's selection to confirm, a participation, a compensation question. */
export async function addItem(
  ctx: ServiceContext,
  authorizer: Authorizer,
  input: z.infer<typeof addItemSchema>,
) {
  authorizer.authorize(requireActor(ctx), 'board.manage');
  return inTransaction(ctx, async (tx) => {
    if (input.callId && !(await findCallTitle(tx.db, input.callId)))
      throw invalid('callId', 'Cet appel à projets est introuvable.');
    if (input.projectId && !(await findProjectTitle(tx.db, input.projectId)))
      throw invalid('projectId', 'Ce projet est introuvable.');
    return createItem(tx, 'board.addItem', {
      kind: input.kind,
      title: input.title,
      reason: input.reason,
      callId: input.kind === 'callSelection' ? input.callId : null,
      projectId: input.projectId,
    });
  });
}

/** What waits for the board and what is on a planned agenda, the oldest first. */
export async function listAgenda(ctx: ServiceContext, authorizer: Authorizer) {
  authorizer.authorize(requireActor(ctx), 'board.read');
  return listItemViews(ctx.db, { states: ['waiting', 'scheduled'] });
}

export async function getItem(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  authorizer.authorize(requireActor(ctx), 'board.read');
  const [view] = await listItemViews(ctx.db, { id });
  if (!view) throw itemNotFound();
  return { view, decisions: await publishedDecisionsOfItem(ctx, id) };
}
