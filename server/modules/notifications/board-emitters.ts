import { DECISION_OUTCOME_LABELS, type DecisionOutcome } from '../../../common/board/vocabulary.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { emitEvent } from './events.ts';

/**
 * The events of the governance board, called by the board module in the transaction of the change: a
 * published decision reaches whoever submitted the item and everyone who follows it.
 */
export function boardItemDecided(
  ctx: ServiceContext,
  item: { id: string; title: string; submittedBy: string | null },
  decision: { reference: string; outcome: DecisionOutcome },
) {
  return emitEvent(ctx, {
    kind: 'boardItem.decided',
    target: { type: 'boardItem', id: item.id, label: item.title },
    params: {
      reference: decision.reference,
      outcome: DECISION_OUTCOME_LABELS[decision.outcome].fr.toLowerCase(),
      outcomeEn: DECISION_OUTCOME_LABELS[decision.outcome].en.toLowerCase(),
    },
    parties: { userIds: item.submittedBy ? [item.submittedBy] : [] },
  });
}
