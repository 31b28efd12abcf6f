import type { JobDefinition } from '../../jobs/queue.ts';
import { type ProvisioningDeps, runProvisioning } from './provisioning.service.ts';

export const PROVISIONING_JOB = 'am-cloud-provisioning';

/** Orders validated tenants of AM Cloud and follows them until live: nudged after a validation, and every minute. */
export function provisioningJob(deps: ProvisioningDeps, now: () => Date): JobDefinition {
  return { name: PROVISIONING_JOB, cron: '* * * * *', run: () => runProvisioning(deps, now()) };
}
