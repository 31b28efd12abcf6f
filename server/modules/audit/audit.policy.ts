import { hasRole, type PolicyTable } from '../../lib/policy.ts';

/** The audit trail is read by platform administrators and by the DDO, which runs the portal. */
export const auditPolicy: PolicyTable = {
  'audit.read': (actor) => hasRole(actor, 'admin', 'operationsDirectorate'),
};
