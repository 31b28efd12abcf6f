import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { JobDefinition } from '../../jobs/queue.ts';
import { systemActor } from '../../lib/policy.ts';
import { checkBudgets } from './hosting.service.ts';

export const BUDGETS_JOB = 'hosting-budgets';

/** Every hour, each budget of the year against its office's costs: a threshold newly reached alerts once. */
export function budgetsJob(db: Database, log: FastifyBaseLogger, now: () => Date): JobDefinition {
  return {
    name: BUDGETS_JOB,
    cron: '17 * * * *',
    run: () =>
      checkBudgets({ actor: null, system: systemActor('hosting-budgets'), db, log, requestId: null }, now()),
  };
}
