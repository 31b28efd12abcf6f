import { SUBMITTED_STATES } from '../../../../common/calls/proposals.ts';
import { type Actor, hasRole, type PolicyTable } from '../../../lib/policy.ts';
import { type CallAccess, speaksForIssuer } from '../calls.policy.ts';
import type { ProposalRow, ProposalVisibility } from './proposals.queries.ts';

/** A proposal as its rules see it: the proposing office, its partners, the call's issuer, its state. */
export interface ProposalAccess {
  officeId: string;
  partnerIds: readonly string[];
  call: CallAccess;
  state: ProposalRow['state'];
  /** The actor is one of the call's evaluators. */
  evaluator: boolean;
}

/** A call's side of the evaluation: the issuer's, and whether the actor is one of its evaluators. */
export interface EvaluationAccess {
  call: CallAccess;
  evaluator: boolean;
}

const ANSWERING = ['developer', 'officeDirector'] as const;

const ownOffice = (actor: Actor, p: ProposalAccess) => actor.organisationId === p.officeId;
const partnerOffice = (actor: Actor, p: ProposalAccess) => p.partnerIds.includes(actor.organisationId);

/**
 * A proposal is the proposing office's and its partners' while it is prepared; once submitted, the
 * issuer of the call (its director or sponsors) and the evaluators read it too. Developers and the
 * director of an office answer for it; the director of a partner office confirms the participation.
 */
export const proposalPolicy: PolicyTable = {
  'proposal.read': (actor, p?: ProposalAccess) =>
    !p ||
    hasRole(actor, 'admin') ||
    ownOffice(actor, p) ||
    partnerOffice(actor, p) ||
    (SUBMITTED_STATES.includes(p.state) && (speaksForIssuer(actor, p.call) || p.evaluator)),
  'proposal.create': (actor, p?: { officeId: string }) =>
    hasRole(actor, ...ANSWERING) && (!p || actor.organisationId === p.officeId),
  'proposal.update': (actor, p?: ProposalAccess) =>
    hasRole(actor, ...ANSWERING) && (!p || ownOffice(actor, p)),
  'proposal.confirmPartner': (actor, p?: ProposalAccess) =>
    hasRole(actor, 'officeDirector') && (!p || partnerOffice(actor, p)),
  'call.nameEvaluators': (actor, e?: EvaluationAccess) =>
    e ? speaksForIssuer(actor, e.call) : hasRole(actor, 'officeDirector', 'sponsor', 'admin'),
  // Anyone may be named an evaluator: the call says who is.
  'call.score': (_actor, e?: EvaluationAccess) => !e || e.evaluator,
  'call.compare': (actor, e?: EvaluationAccess) => !e || e.evaluator || speaksForIssuer(actor, e.call),
  'call.select': (actor, e?: EvaluationAccess) =>
    e ? speaksForIssuer(actor, e.call) : hasRole(actor, 'officeDirector', 'sponsor', 'admin'),
};

/** Which of a call's proposals a list shows: all (administrators), submitted and own (issuer, evaluators), own. */
export function proposalVisibility(actor: Actor, access: EvaluationAccess): ProposalVisibility {
  if (hasRole(actor, 'admin')) return { kind: 'all' };
  if (access.evaluator || speaksForIssuer(actor, access.call))
    return { kind: 'submittedAndOwn', organisationId: actor.organisationId };
  return { kind: 'own', organisationId: actor.organisationId };
}
