import type { Database } from '../../db/client.ts';
import { migrationStatus } from '../../db/migration-status.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { pingDatabase } from './health.queries.ts';

/** Ready to serve: the database answers and every shipped migration is applied. */
export async function checkReadiness(ctx: ServiceContext) {
  try {
    await pingDatabase(ctx.db);
  } catch {
    return {
      status: 'unavailable' as const,
      database: 'unreachable' as const,
      migrations: { expected: 0, applied: 0 },
    };
  }
  const migrations = await migrationStatus(ctx.db as Database);
  const ready = migrations.applied >= migrations.expected;
  return { status: ready ? ('ok' as const) : ('unavailable' as const), database: 'ok' as const, migrations };
}
