import { hasRole, type PolicyTable } from '../../lib/policy.ts';

/**
 * Hosting costs are governance's concern: the DDSI (which runs AM Cloud and sets the budgets), the
 * governance board, the operations directorate and administrators read them; the DDSI and administrators
 * set the budgets. An office hears of its own budget's alerts through its notifications.
 */
export const hostingPolicy: PolicyTable = {
  'hosting.read': (actor) =>
    hasRole(actor, 'admin', 'itDirectorate', 'governanceBoard', 'operationsDirectorate'),
  'hosting.budget': (actor) => hasRole(actor, 'admin', 'itDirectorate'),
};
