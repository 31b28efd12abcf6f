import { hasRole, type PolicyTable } from '../../lib/policy.ts';

/** The portal's statistics: for the DDO and the governance board's members (administrators too). */
export const statisticsPolicy: PolicyTable = {
  'statistics.read': (actor) => hasRole(actor, 'operationsDirectorate', 'governanceBoard', 'admin'),
};
