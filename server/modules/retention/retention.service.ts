import type { FastifyBaseLogger } from 'fastify';
import type { RetentionPeriods } from '../../../common/retention.ts';
import type { Database } from '../../db/client.ts';
import { RETENTION_PURGES, type RetentionPurge } from './retention.purges.ts';
import { addToPurgeEvent, insertPurgeEvent } from './retention.queries.ts';

export const RETENTION_JOB = 'retention';
/** Rows a purge touches per transaction: short transactions, so that requests never wait long behind one. */
export const RETENTION_BATCH = 1000;
const DAY_MS = 86_400_000;

export interface RetentionRun {
  category: string;
  count: number;
  cutoff: string;
}

/**
 * Runs every purge with its period counted back from `now`. A purge goes batch by batch, each batch in
 * its own transaction with its audit: the first writes the one `retention.purged` event (category,
 * count, cutoff, period; the platform as actor), the next ones add their count to it — a crash between
 * batches leaves an event that counts exactly what was committed. A purge that finds nothing writes
 * nothing: the journal is not filled with a zero a day per category. A purge that fails is logged and
 * the others still run; the run then fails, for the queue to retry it.
 */
export async function applyRetention(
  deps: { db: Database; log: FastifyBaseLogger; periods: RetentionPeriods; now: Date; batchSize?: number },
  purges: readonly RetentionPurge[] = RETENTION_PURGES,
): Promise<RetentionRun[]> {
  const limit = deps.batchSize ?? RETENTION_BATCH;
  const runs: RetentionRun[] = [];
  const failures: string[] = [];
  for (const { name, period, purge, batch } of purges) {
    const size = batch ?? limit;
    const periodDays = deps.periods[period];
    const cutoff = new Date(deps.now.getTime() - periodDays * DAY_MS);
    let eventId: number | null = null;
    let total = 0;
    try {
      for (;;) {
        const count = await deps.db.transaction(async (tx) => {
          const touched = await purge(tx, cutoff, size, deps.log);
          if (touched === 0) return 0;
          if (eventId === null)
            eventId = await insertPurgeEvent(tx, {
              category: name,
              count: touched,
              cutoff: cutoff.toISOString(),
              periodDays,
              job: RETENTION_JOB,
            });
          else await addToPurgeEvent(tx, eventId, touched);
          return touched;
        });
        total += count;
        if (count < size) break;
      }
    } catch (error) {
      deps.log.error({ err: error, category: name, purged: total }, 'retention purge failed');
      failures.push(name);
    }
    runs.push({ category: name, count: total, cutoff: cutoff.toISOString() });
  }
  if (failures.length > 0) throw new Error(`retention purges failed: ${failures.join(', ')}`);
  deps.log.info({ runs }, 'retention applied');
  return runs;
}
