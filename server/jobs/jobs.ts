import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.ts';
import { type AnyBinding, fireDueTransitions } from '../lib/lifecycle.ts';
import { type Authorizer, systemActor } from '../lib/policy.ts';
import { deliverOutbox, type OutboxHandler } from './outbox.ts';
import type { JobDefinition } from './queue.ts';

export const OUTBOX_JOB = 'outbox';
export const DEADLINES_JOB = 'lifecycle-deadlines';

/**
 * The server's background work: the outbox (nudged after each commit that wrote to it, and every
 * minute as a backstop) and the lifecycle deadlines (every minute, fired as the system).
 */
export function jobDefinitions(deps: {
  db: Database;
  log: FastifyBaseLogger;
  authorizer: Authorizer;
  bindings: readonly AnyBinding[];
  outboxHandlers: ReadonlyMap<string, OutboxHandler>;
  now?: () => Date;
}): JobDefinition[] {
  const now = deps.now ?? (() => new Date());
  return [
    {
      name: OUTBOX_JOB,
      cron: '* * * * *',
      run: () => deliverOutbox(deps, deps.outboxHandlers, { now }),
    },
    {
      name: DEADLINES_JOB,
      cron: '* * * * *',
      run: () =>
        fireDueTransitions(
          { actor: null, system: systemActor(DEADLINES_JOB), db: deps.db, log: deps.log, requestId: null },
          deps.authorizer,
          deps.bindings,
          now(),
        ),
    },
  ];
}
