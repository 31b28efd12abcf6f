import { type Actor, hasRole, type PolicyTable } from '../../lib/policy.ts';

/**
 * The audit trail is read by platform administrators and by the DDO, which runs the portal, in full;
 * and by the DDSI for what it owns: the application sheets and their certification.
 */
export const auditPolicy: PolicyTable = {
  'audit.read': (actor) => hasRole(actor, 'admin', 'operationsDirectorate', 'itDirectorate'),
};

/** The part of the trail an actor reads, turned into SQL by the audit queries. */
export type AuditScope = { kind: 'all' } | { kind: 'targetTypes'; targetTypes: string[] } | { kind: 'none' };

export function auditScope(actor: Actor): AuditScope {
  if (hasRole(actor, 'admin', 'operationsDirectorate')) return { kind: 'all' };
  if (hasRole(actor, 'itDirectorate')) return { kind: 'targetTypes', targetTypes: ['application'] };
  return { kind: 'none' };
}
