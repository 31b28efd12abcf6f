import type { Actor } from '../../lib/policy.ts';
import { hasRole, type ListScope, type PolicyTable } from '../../lib/policy.ts';

interface UserResource {
  organisationId: string;
}

/**
 * Administrators manage every account. An office director sees the accounts of their own office
 * (read only), so that they know who acts in the portal on behalf of the office.
 */
export const userPolicy: PolicyTable = {
  'user.list': (actor) => hasRole(actor, 'admin', 'officeDirector'),
  'user.read': (actor, user?: UserResource) =>
    hasRole(actor, 'admin') ||
    (hasRole(actor, 'officeDirector') && (!user || user.organisationId === actor.organisationId)),
  'user.create': (actor) => hasRole(actor, 'admin'),
  'user.update': (actor) => hasRole(actor, 'admin'),
};

export function userListScope(actor: Actor): ListScope {
  if (hasRole(actor, 'admin')) return { kind: 'all' };
  if (hasRole(actor, 'officeDirector')) return { kind: 'organisation', organisationId: actor.organisationId };
  return { kind: 'none' };
}
