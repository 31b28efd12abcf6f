import type { z } from 'zod';
import type { createMeetingSchema, updateMeetingSchema } from '../../../common/schemas/board.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext, type TxContext } from '../../lib/context.ts';
import { AppError, staleVersion } from '../../lib/errors.ts';
import { describeLifecycles, describeTransitions } from '../../lib/lifecycle.ts';
import type { Authorizer } from '../../lib/policy.ts';
import type { MeetingBinding } from './board.lifecycle.ts';
import { runsBoard } from './board.policy.ts';
import {
  findItem,
  findMeeting,
  insertMeeting,
  listItemViews,
  listMeetings,
  type MeetingRow,
  updateItemAtVersion,
  updateMeetingAtVersion,
} from './board.queries.ts';
import { itemNotFound } from './board.service.ts';
import { decisionsOfMeetingViews } from './decisions.service.ts';

/** The board's meetings: planned with an agenda, held with attendance and decisions, minutes published. */

export const meetingNotFound = () => new AppError('notFound', 'Cette séance est introuvable.');
const closed = (what: string) => new AppError('conflict', what);

/** The meeting, locked, checked to be at the version read and in one of the states given. */
async function lockMeeting(
  tx: TxContext,
  id: string,
  states: readonly MeetingRow['state'][],
  version?: number,
) {
  const meeting = await findMeeting(tx.db, id, { lock: true });
  if (!meeting) throw meetingNotFound();
  if (version !== undefined && meeting.version !== version) throw staleVersion('meeting');
  if (!states.includes(meeting.state))
    throw closed(
      meeting.state === 'planned'
        ? "Cette séance n'est pas encore tenue."
        : meeting.state === 'held'
          ? 'Cette séance est tenue : son ordre du jour est arrêté.'
          : 'Cette séance est close (compte rendu publié ou annulée).',
    );
  return meeting;
}

export async function createMeeting(
  ctx: ServiceContext,
  authorizer: Authorizer,
  input: z.infer<typeof createMeetingSchema>,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'board.manage');
  return inTransaction(ctx, async (tx) => {
    const row = await insertMeeting(tx.db, { ...input, createdBy: actor.userId });
    await recordAudit(tx, {
      action: 'board.createMeeting',
      targetType: 'boardMeeting',
      targetId: row.id,
      after: input,
    });
    return row.id;
  });
}

/** Title, date and place while planned; attendance and minutes while planned or held. */
export async function updateMeeting(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: z.infer<typeof updateMeetingSchema>,
) {
  authorizer.authorize(requireActor(ctx), 'board.manage');
  await inTransaction(ctx, async (tx) => {
    const { version, ...changes } = input;
    const planningOnly = ['title', 'meetingOn', 'location'].some((k) => k in changes);
    const meeting = await lockMeeting(tx, id, planningOnly ? ['planned'] : ['planned', 'held'], version);
    const after = await updateMeetingAtVersion(tx.db, id, version, changes);
    if (!after) throw staleVersion('meeting');
    await recordAudit(tx, {
      action: 'board.updateMeeting',
      targetType: 'boardMeeting',
      targetId: id,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, meeting[k as keyof MeetingRow]])),
      after: changes,
    });
  });
}

/** Puts an item that waits on a planned meeting's agenda. */
export async function scheduleItem(
  ctx: ServiceContext,
  authorizer: Authorizer,
  meetingId: string,
  itemId: string,
) {
  authorizer.authorize(requireActor(ctx), 'board.manage');
  await inTransaction(ctx, async (tx) => {
    await lockMeeting(tx, meetingId, ['planned']);
    const item = await findItem(tx.db, itemId, { lock: true });
    if (!item) throw itemNotFound();
    if (item.state !== 'waiting')
      throw closed(
        item.state === 'scheduled'
          ? "Ce point est déjà à l'ordre du jour d'une séance."
          : 'Ce point est déjà décidé ou retiré.',
      );
    await updateItemAtVersion(tx.db, itemId, item.version, { state: 'scheduled', meetingId });
    await recordAudit(tx, {
      action: 'board.schedule',
      targetType: 'boardItem',
      targetId: itemId,
      after: { meetingId },
    });
  });
}

export async function unscheduleItem(
  ctx: ServiceContext,
  authorizer: Authorizer,
  meetingId: string,
  itemId: string,
) {
  authorizer.authorize(requireActor(ctx), 'board.manage');
  await inTransaction(ctx, async (tx) => {
    await lockMeeting(tx, meetingId, ['planned']);
    const item = await findItem(tx.db, itemId, { lock: true });
    if (!item || item.meetingId !== meetingId)
      throw new AppError('notFound', "Ce point n'est pas à l'ordre du jour de cette séance.");
    await updateItemAtVersion(tx.db, itemId, item.version, { state: 'waiting', meetingId: null });
    await recordAudit(tx, {
      action: 'board.unschedule',
      targetType: 'boardItem',
      targetId: itemId,
      before: { meetingId },
    });
  });
}

export async function meetingList(ctx: ServiceContext, authorizer: Authorizer) {
  authorizer.authorize(requireActor(ctx), 'board.read');
  return listMeetings(ctx.db);
}

/**
 * A meeting as its page shows it: agenda, attendance, and — for those who run the board, or once
 * published — minutes and decisions; with the transitions open to the caller.
 */
export async function getMeeting(
  ctx: ServiceContext,
  authorizer: Authorizer,
  binding: MeetingBinding,
  id: string,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'board.read');
  const meeting = await findMeeting(ctx.db, id);
  if (!meeting) throw meetingNotFound();
  const manage = runsBoard(actor);
  const open = manage || meeting.state === 'minutesPublished';
  const [items, decisions, [transitions = []], lifecycles] = await Promise.all([
    listItemViews(ctx.db, { meetingIds: [id] }),
    open ? decisionsOfMeetingViews(ctx, id) : Promise.resolve([]),
    describeTransitions(ctx, authorizer, [binding], [meeting]),
    describeLifecycles(ctx, [binding], meeting, meeting.createdAt),
  ]);
  return {
    meeting: open ? meeting : { ...meeting, minutes: '' },
    itemCount: items.length,
    items,
    decisions,
    may: { manage: manage && (meeting.state === 'planned' || meeting.state === 'held') },
    transitions,
    lifecycles,
  };
}
export type MeetingView = Awaited<ReturnType<typeof getMeeting>>;
