import { hasRole, type PolicyTable } from '../../lib/policy.ts';

/** The background jobs (their queue, failures and retries) are for platform administrators. */
export const jobPolicy: PolicyTable = {
  'job.read': (actor) => hasRole(actor, 'admin'),
  'job.retry': (actor) => hasRole(actor, 'admin'),
};
