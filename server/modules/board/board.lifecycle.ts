import { decisionReference } from '../../../common/board/vocabulary.ts';
import {
  boardMeetingLifecycle,
  type MeetingFacts,
  type MeetingTransition,
} from '../../../common/lifecycles/board-meeting.ts';
import { recordAudit } from '../../lib/audit.ts';
import type { TxContext } from '../../lib/context.ts';
import type { LifecycleBinding } from '../../lib/lifecycle.ts';
import { boardItemDecided } from '../notifications/board-emitters.ts';
import { DECISION_EFFECTS, type DecisionEffect } from './board.effects.ts';
import {
  agendaCounts,
  findItem,
  itemsOnMeeting,
  type MeetingRow,
  meetingStore,
  setItemState,
} from './board.queries.ts';
import { allocateDecisionNumber, decisionsOfMeeting, publishDecisionRow } from './decisions.queries.ts';

export type MeetingBinding = LifecycleBinding<
  MeetingRow['state'],
  MeetingTransition,
  MeetingFacts,
  MeetingRow
>;

/**
 * Publishing the minutes makes the meeting's decisions: each is numbered (year of the meeting, next
 * number), applied by its item's kind (the registry of board.effects.ts), closes its item — or puts it
 * back among what waits when postponed — and tells whoever submitted or follows the item.
 */
async function publishDecisions(
  tx: TxContext,
  meeting: MeetingRow,
  effects: Record<string, DecisionEffect | null>,
) {
  const year = Number(meeting.meetingOn.slice(0, 4));
  for (const draft of await decisionsOfMeeting(tx.db, meeting.id)) {
    const number = await allocateDecisionNumber(tx.db, year);
    const decision = await publishDecisionRow(tx.db, draft.id, { year, number });
    const reference = decisionReference(year, number);
    const item = await findItem(tx.db, decision.itemId, { lock: true });
    if (!item) continue;
    await effects[item.kind]?.(tx, { ...decision, reference }, item);
    await setItemState(
      tx.db,
      item.id,
      decision.outcome === 'postponed'
        ? { state: 'waiting', meetingId: null }
        : { state: 'decided', meetingId: null },
    );
    await recordAudit(tx, {
      action: 'board.applyDecision',
      targetType: 'boardDecision',
      targetId: decision.id,
      before: { itemState: item.state },
      after: { reference, outcome: decision.outcome, itemId: item.id, kind: item.kind },
    });
    await boardItemDecided(tx, item, { reference, outcome: decision.outcome });
  }
}

/** A cancelled meeting hands its agenda back to what waits for the board. */
async function releaseAgenda(tx: TxContext, meeting: MeetingRow) {
  for (const item of await itemsOnMeeting(tx.db, meeting.id))
    await setItemState(tx.db, item.id, { state: 'waiting', meetingId: null });
}

/** The meeting lifecycle bound to its rows; `effects` is the registry of decision effects by item kind. */
export function meetingBinding(
  effects: Record<string, DecisionEffect | null> = DECISION_EFFECTS,
): MeetingBinding {
  return {
    definition: boardMeetingLifecycle,
    notFoundLabel: 'Séance',
    staleSubject: 'meeting',
    store: meetingStore,
    idOf: (row) => row.id,
    parties: () => ({}),
    async facts(ctx, rows) {
      const counts = await agendaCounts(
        ctx.db,
        rows.map((r) => r.id),
      );
      return rows.map((row) => ({
        itemCount: counts.get(row.id)?.items ?? 0,
        undecidedCount: counts.get(row.id)?.undecided ?? 0,
        hasMinutes: row.minutes.trim().length > 0,
        attendeeCount: row.attendance.length,
      }));
    },
    snapshot: (row) => ({ state: row.state, meetingOn: row.meetingOn, version: row.version }),
    async effects(ctx, change) {
      if (change.to === 'minutesPublished') await publishDecisions(ctx, change.after, effects);
      if (change.to === 'cancelled') await releaseAgenda(ctx, change.after);
    },
  };
}
