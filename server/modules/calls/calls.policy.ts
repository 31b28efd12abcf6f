import { type Actor, hasRole, type PolicyTable } from '../../lib/policy.ts';

/** A call as its rules see it: who issued it, and whether it is still a draft. */
export interface CallAccess {
  issuerId: string;
  draft: boolean;
}

/** Who issues calls: office directors (for their office), sponsors (for their directorate), administrators. */
const ISSUERS = ['officeDirector', 'sponsor', 'admin'] as const;

/** The issuer's side: its director or sponsors, or an administrator. */
export const speaksForIssuer = (actor: Actor, call: CallAccess) =>
  hasRole(actor, 'admin') ||
  (hasRole(actor, 'officeDirector', 'sponsor') && actor.organisationId === call.issuerId);

/**
 * Everyone signed in reads published calls and asks questions about them; a draft is read by the
 * issuing office or directorate and administrators only (in SQL for lists, callVisibility). The issuer
 * edits its calls and answers their questions; the transitions are the lifecycle's.
 */
export const callPolicy: PolicyTable = {
  'call.read': (actor, call?: CallAccess) =>
    !call?.draft || hasRole(actor, 'admin') || actor.organisationId === call.issuerId,
  'call.create': (actor) => hasRole(actor, ...ISSUERS),
  'call.update': (actor, call?: CallAccess) =>
    call ? speaksForIssuer(actor, call) : hasRole(actor, ...ISSUERS),
  'call.ask': () => true,
  'call.answer': (actor, call?: CallAccess) =>
    call ? speaksForIssuer(actor, call) : hasRole(actor, ...ISSUERS),
};

/** Which drafts a list shows: all for administrators, else those of the actor's own office. */
export const callVisibility = (actor: Actor) =>
  hasRole(actor, 'admin')
    ? ({ kind: 'all' } as const)
    : ({ kind: 'issuer', organisationId: actor.organisationId } as const);
