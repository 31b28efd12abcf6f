import type { FastifyBaseLogger } from 'fastify';
import type { RetentionPeriods } from '../../common/retention.ts';
import type { Database } from '../db/client.ts';
import type { Integrations } from '../integrations/index.ts';
import { type AnyBinding, fireDueTransitions } from '../lib/lifecycle.ts';
import { type Authorizer, systemActor } from '../lib/policy.ts';
import { CHANGE_PRUNE_AGE_MS, pruneChanges } from '../modules/catalog/search/search.changes.ts';
import { syncBuilds } from '../modules/forge/builds.service.ts';
import { syncForgeActivity } from '../modules/forge/forge-activity.service.ts';
import { syncPackages } from '../modules/forge/packages.service.ts';
import { DIGEST_JOBS, enqueueDigests } from '../modules/notifications/notifications.mail.ts';
import { pruneProjectChanges } from '../modules/projects/projects-snapshot.queries.ts';
import { applyRetention, RETENTION_JOB } from '../modules/retention/retention.service.ts';
import { deliverOutbox, type OutboxHandler } from './outbox.ts';
import type { JobDefinition } from './queue.ts';

const NO_INTEGRATIONS: Integrations = { gitlab: null, jenkins: null, composer: null };

export const OUTBOX_JOB = 'outbox';
export const DEADLINES_JOB = 'lifecycle-deadlines';
export const CATALOGUE_CHANGES_PRUNE_JOB = 'catalogue-changes-prune';
export const FORGE_SYNC_JOB = 'forge-sync';
export const BUILDS_SYNC_JOB = 'builds-sync';
export const PACKAGES_SYNC_JOB = 'packages-sync';
export { RETENTION_JOB };
/** Every day at 02:30 UTC (03:30 or 04:30 in Paris), when the portal is quiet. */
export const RETENTION_CRON = '30 2 * * *';

/**
 * The server's background work: the outbox (nudged after each commit that wrote to it, and every
 * minute as a backstop), the lifecycle deadlines (every minute, fired as the system) and the pruning of
 * the catalogue's change log (every hour: rows older than a day and an hour, search/search.changes.ts),
 * the daily and weekly digests of notifications (each queues its e-mails through the outbox), and the
 * forge's activity and the factory's builds every 15 minutes (the forge's nudged after a project is created),
 * and the retention purges once a day (modules/retention, docs/rgpd/retention.md).
 */
export function jobDefinitions(deps: {
  db: Database;
  log: FastifyBaseLogger;
  authorizer: Authorizer;
  bindings: readonly AnyBinding[];
  outboxHandlers: ReadonlyMap<string, OutboxHandler>;
  integrations?: Integrations;
  retention: RetentionPeriods;
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
    {
      name: CATALOGUE_CHANGES_PRUNE_JOB,
      cron: '17 * * * *',
      run: async () => {
        await pruneChanges(deps.db, CHANGE_PRUNE_AGE_MS);
        await pruneProjectChanges(deps.db, CHANGE_PRUNE_AGE_MS);
      },
    },
    {
      name: FORGE_SYNC_JOB,
      cron: '*/15 * * * *',
      run: () =>
        syncForgeActivity({ db: deps.db, log: deps.log, gitlab: deps.integrations?.gitlab ?? null, now }),
    },
    {
      name: BUILDS_SYNC_JOB,
      cron: '*/15 * * * *',
      run: () =>
        syncBuilds({
          db: deps.db,
          log: deps.log,
          integrations: deps.integrations ?? NO_INTEGRATIONS,
          now,
        }),
    },
    {
      name: PACKAGES_SYNC_JOB,
      cron: '7 * * * *',
      run: () =>
        syncPackages({ db: deps.db, log: deps.log, integrations: deps.integrations ?? NO_INTEGRATIONS, now }),
    },
    {
      name: RETENTION_JOB,
      cron: RETENTION_CRON,
      run: async () => {
        await applyRetention({ db: deps.db, log: deps.log, periods: deps.retention, now: now() });
      },
    },
    ...(['daily', 'weekly'] as const).map((cadence) => ({
      name: DIGEST_JOBS[cadence].name,
      cron: DIGEST_JOBS[cadence].cron,
      run: () => enqueueDigests(deps, cadence, now()),
    })),
  ];
}
