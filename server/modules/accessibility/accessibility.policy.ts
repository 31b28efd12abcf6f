import { hasRole, type PolicyTable } from '../../lib/policy.ts';

/**
 * Anyone reports an accessibility problem (a public route, protected by its own limits); the platform's
 * administrators read the queue and handle each report through its lifecycle
 * (common/lifecycles/accessibility-report.ts).
 */
export const accessibilityPolicy: PolicyTable = {
  'accessibilityReport.list': (actor) => hasRole(actor, 'admin'),
};
