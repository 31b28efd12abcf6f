import { type Actor, hasRole, type ListScope, type PolicyTable } from '../../lib/policy.ts';

/** A deployment request as its rules see it: the requesting office and where it stands. */
export interface RequestAccess {
  organisationId: string;
  state: string;
}

/** Those who see every request and tenant: the DDSI (which validates them), administrators, governance. */
const NATIONAL_READERS = ['admin', 'itDirectorate', 'governanceBoard', 'operationsDirectorate'] as const;
/** Who asks for an application for their office: its agents and developers. */
export const REQUESTERS = ['agent', 'developer'] as const;

const readsAll = (actor: Actor) => hasRole(actor, ...NATIONAL_READERS);

/**
 * Everyone signed in browses the Store. A review is written by someone of an office that uses the
 * application (the service checks the office; only the author edits it). Requests are asked by an
 * office's agents and developers for their own office, read by that office and nationally, approved by
 * its director and validated by the DDSI (the lifecycle's parties). Tenants and the platform connection
 * are the DDSI's and administrators' concern.
 */
export const storePolicy: PolicyTable = {
  'store.read': () => true,
  'store.review': () => true,
  'deploymentRequest.read': (actor, request?: RequestAccess) =>
    request ? readsAll(actor) || request.organisationId === actor.organisationId : true,
  'deploymentRequest.create': (actor) => hasRole(actor, ...REQUESTERS),
  'deploymentRequest.update': (actor, request?: RequestAccess) =>
    hasRole(actor, ...REQUESTERS) &&
    (!request ||
      (request.organisationId === actor.organisationId && ['draft', 'returned'].includes(request.state))),
  'deploymentRequest.queue': (actor) => hasRole(actor, 'officeDirector', 'itDirectorate'),
  'tenant.read': (actor) => readsAll(actor),
  'provisioning.read': (actor) => hasRole(actor, 'admin', 'itDirectorate'),
};

/** Which requests a list shows: all of them nationally, the office's own otherwise. */
export function requestListScope(actor: Actor): ListScope {
  return readsAll(actor) ? { kind: 'all' } : { kind: 'organisation', organisationId: actor.organisationId };
}
