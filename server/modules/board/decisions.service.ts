import type { DecisionLogQuery, RecordDecisionInput } from '../../../common/schemas/board.ts';
import type { DecisionLink } from '../../db/schema.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import {
  type BoardItemRow,
  findCallTitle,
  findItem,
  findMeeting,
  findProjectTitle,
  officesByIds,
} from './board.queries.ts';
import {
  decisionExists,
  decisionFacets,
  decisionViews,
  deleteDecisionRow,
  findDecision,
  insertDecision,
  listPublishedDecisions,
} from './decisions.queries.ts';

/**
 * The board's decisions: drafted on a held meeting, one per item of its agenda; numbered, applied and
 * made public when the meeting's minutes are published (board.lifecycle.ts). The public log and its
 * feeds read only published decisions, without a session.
 */

const decisionNotFound = () => new AppError('notFound', 'Cette décision est introuvable.');
const invalid = (field: string, message: string) =>
  new AppError('unprocessable', message, { errors: [{ field, message }] });

/** The objects a decision concerns: its item's own (project, call, offices) and the projects named. */
async function linksOf(ctx: ServiceContext, item: BoardItemRow, projectIds: readonly string[]) {
  const links: DecisionLink[] = [];
  for (const id of [...new Set([item.projectId, ...projectIds].filter((p): p is string => !!p))]) {
    const project = await findProjectTitle(ctx.db, id);
    if (!project) throw invalid('projectIds', 'Un des projets nommés est introuvable.');
    links.push({ type: 'project', id, label: project.title });
  }
  const call = item.callId ? await findCallTitle(ctx.db, item.callId) : null;
  if (call) links.push({ type: 'call', id: call.id, label: call.title });
  for (const office of await officesByIds(ctx.db, item.officeIds))
    links.push({ type: 'organisation', id: office.id, label: office.name });
  return links;
}

export async function recordDecision(
  ctx: ServiceContext,
  authorizer: Authorizer,
  meetingId: string,
  input: RecordDecisionInput,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'board.manage');
  return inTransaction(ctx, async (tx) => {
    const meeting = await findMeeting(tx.db, meetingId, { lock: true });
    if (!meeting) throw new AppError('notFound', 'Cette séance est introuvable.');
    if (meeting.state !== 'held')
      throw new AppError(
        'conflict',
        'Les décisions se rédigent sur une séance tenue, avant la publication du compte rendu.',
      );
    const item = await findItem(tx.db, input.itemId, { lock: true });
    if (item?.meetingId !== meetingId || item.state !== 'scheduled')
      throw invalid('itemId', "Ce point n'est pas à l'ordre du jour de cette séance.");
    if (await decisionExists(tx.db, meetingId, item.id))
      throw new AppError('conflict', 'Ce point a déjà sa décision : retirez-la pour la récrire.');
    const { itemId, projectIds, ...values } = input;
    const vote = values.voteMode === 'vote';
    const row = await insertDecision(tx.db, {
      ...values,
      votesFor: vote ? values.votesFor : null,
      votesAgainst: vote ? values.votesAgainst : null,
      votesAbstain: vote ? values.votesAbstain : null,
      meetingId,
      itemId,
      links: await linksOf(tx, item, projectIds),
      createdBy: actor.userId,
    });
    await recordAudit(tx, {
      action: 'board.recordDecision',
      targetType: 'boardDecision',
      targetId: row.id,
      after: input,
    });
    return row.id;
  });
}

/** A draft decision is withdrawn while its meeting is held (to be written again). */
export async function deleteDecision(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  authorizer.authorize(requireActor(ctx), 'board.manage');
  return inTransaction(ctx, async (tx) => {
    const decision = await findDecision(tx.db, id);
    if (!decision) throw decisionNotFound();
    const meeting = await findMeeting(tx.db, decision.meetingId, { lock: true });
    if (decision.publishedAt || meeting?.state !== 'held')
      throw new AppError('conflict', 'Cette décision est publiée : elle reste au registre.');
    await deleteDecisionRow(tx.db, id);
    await recordAudit(tx, {
      action: 'board.deleteDecision',
      targetType: 'boardDecision',
      targetId: id,
      before: decision,
    });
    return decision.meetingId;
  });
}

export const decisionsOfMeetingViews = (ctx: ServiceContext, meetingId: string) =>
  decisionViews(ctx.db, { meetingId });
export const publishedDecisionsOfItem = (ctx: ServiceContext, itemId: string) =>
  decisionViews(ctx.db, { itemId });

/** The public decision log: published decisions, searched in French, filtered, a page at a time. */
export async function decisionLog(ctx: ServiceContext, query: DecisionLogQuery) {
  const { page, pageSize, ...filter } = query;
  const [result, facets] = [
    await listPublishedDecisions(ctx.db, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
    await decisionFacets(ctx.db, filter),
  ];
  return { ...result, facets };
}

export async function publishedDecision(ctx: ServiceContext, id: string) {
  const [row] = await decisionViews(ctx.db, { id });
  if (!row) throw decisionNotFound();
  return row;
}

/** What the feeds carry: the fifty latest published decisions. */
export async function latestDecisions(ctx: ServiceContext) {
  return (await listPublishedDecisions(ctx.db, {}, { limit: 50, offset: 0 })).items;
}
