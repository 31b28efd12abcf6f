import { parisToday } from '../../../../common/calls/vocabulary.ts';
import {
  type ProposalFacts,
  type ProposalTransition,
  proposalLifecycle,
} from '../../../../common/lifecycles/proposal.ts';
import type { LifecycleBinding } from '../../../lib/lifecycle.ts';
import { proposalTransitioned } from '../../notifications/proposal-emitters.ts';
import { findCall, organisationOf } from '../calls.queries.ts';
import {
  officeMayAnswer,
  type ProposalSubject,
  proposalStore,
  setProposalDecision,
} from './proposals.queries.ts';

export type ProposalBinding = LifecycleBinding<
  ProposalSubject['state'],
  ProposalTransition,
  ProposalFacts,
  ProposalSubject
>;

/**
 * Proposals: prepared by the developers of the proposing office, approved and submitted by its director,
 * withdrawn by the office until the decision; selected or not by the platform when the call's selection
 * is applied (selection.service.ts), the rationale kept on the proposal.
 */
export const proposalBinding: ProposalBinding = {
  definition: proposalLifecycle,
  notFoundLabel: 'Proposition',
  staleSubject: 'proposal',
  store: proposalStore,
  idOf: (row) => row.id,
  parties: (row) => ({ proposingOffice: [row.organisationId] }),
  async facts(ctx, rows) {
    const today = parisToday();
    return Promise.all(
      rows.map(async (row) => {
        const [call, office] = await Promise.all([
          findCall(ctx.db, row.callId),
          organisationOf(ctx.db, row.organisationId),
        ]);
        return {
          callState: call?.state ?? 'cancelled',
          proposalsUntil: call?.proposalsUntil ?? today,
          today,
          inScope: !!office && (await officeMayAnswer(ctx.db, row.callId, office)),
          unconfirmedPartners: row.unconfirmedPartnerIds.length,
        };
      }),
    );
  },
  snapshot: (row) => ({ state: row.state, version: row.version }),
  async effects(ctx, change) {
    const input = (change.input ?? {}) as { rationale?: string; reason?: string };
    if (input.rationale)
      await setProposalDecision(ctx.db, change.after.id, { decisionRationale: input.rationale });
    await proposalTransitioned(ctx, change.after, change.to, input.rationale ?? input.reason);
  },
};
