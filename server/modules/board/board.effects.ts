import type { BoardItemKind } from '../../../common/board/vocabulary.ts';
import { recordAudit } from '../../lib/audit.ts';
import { requireActor, type TxContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { confirmCallSelection } from '../calls/proposals/selection.service.ts';
import { sponsorshipDecided } from '../notifications/emitters.ts';
import {
  lockSponsorship,
  touchProject,
  updateSponsorshipAtVersion,
} from '../projects/collaboration.queries.ts';
import { findProjectSubject } from '../projects/projects.queries.ts';
import type { BoardItemRow } from './board.queries.ts';
import type { DecisionRow } from './decisions.queries.ts';

/**
 * What a published decision does to the object its item is about, by the item's kind. The meeting's
 * lifecycle runs it in the transaction that publishes the minutes (board.lifecycle.ts); a refusal there
 * (the object moved meanwhile) publishes nothing. Besides it, every decision closes its item (or, when
 * postponed, puts it back among what waits): that part is the same for all kinds.
 */
export type DecisionEffect = (
  tx: TxContext,
  decision: DecisionRow & { reference: string },
  item: BoardItemRow,
) => Promise<void>;

/** An escalated sponsorship request: approving accepts it, rejecting declines it, as its sponsor would. */
const decideEscalatedSponsorship: DecisionEffect = async (tx, decision, item) => {
  if (decision.outcome === 'postponed' || !item.sponsorshipId) return;
  const request = await lockSponsorship(tx.db, item.sponsorshipId);
  if (request?.state !== 'pending')
    throw new AppError(
      'conflict',
      `La demande de sponsor du point « ${item.title} » n'est plus en attente : la décision ${decision.reference} ne peut pas s'appliquer. Ajournez ce point.`,
    );
  const project = await findProjectSubject(tx.db, request.projectId, { lock: true });
  const state = decision.outcome === 'approved' ? 'accepted' : 'declined';
  const rationale = `Décision ${decision.reference} de l'instance de gouvernance : ${decision.rationale}`;
  await updateSponsorshipAtVersion(tx.db, request.id, request.version, {
    state,
    rationale,
    decidedBy: tx.actor?.userId ?? null,
    decidedAt: new Date(),
  });
  if (state === 'accepted') await touchProject(tx.db, request.projectId);
  await recordAudit(tx, {
    action: 'sponsorship.decide',
    targetType: 'project',
    targetId: request.projectId,
    before: { sponsorshipId: request.id, state: request.state },
    after: { sponsorshipId: request.id, state, rationale, boardDecision: decision.reference },
  });
  if (project) await sponsorshipDecided(tx, project, request, state);
};

/** A national call's selection: approving applies it (projects created, call decided) in this transaction. */
const confirmSelection: DecisionEffect = async (tx, decision, item) => {
  if (decision.outcome !== 'approved' || !item.callId) return;
  await confirmCallSelection(tx, item.callId, requireActor(tx));
};

/**
 * The registry of effects by item kind; null: the decision only closes its item. Participation and
 * compensation questions have no effect on other objects.
 */
export const DECISION_EFFECTS: Record<BoardItemKind, DecisionEffect | null> = {
  evolution: null,
  arbitration: null,
  sponsorship: decideEscalatedSponsorship,
  callSelection: confirmSelection,
  nationalParticipation: null,
  compensation: null,
  // The board's opinion on an agreement: the DDO approves it in the agreement's own lifecycle.
  agreement: null,
};
