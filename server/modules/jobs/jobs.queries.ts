import { and, count, desc, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { JobListQuery, JobState } from '../../../common/schemas/jobs.ts';
import type { Executor } from '../../db/client.ts';
import { outboxMessages } from '../../db/schema.ts';

export type JobRow = typeof outboxMessages.$inferSelect;

const STATE_FILTERS: Record<JobState, SQL | undefined> = {
  pending: and(isNull(outboxMessages.deliveredAt), isNull(outboxMessages.failedAt)),
  failed: and(isNull(outboxMessages.deliveredAt), isNotNull(outboxMessages.failedAt)),
  delivered: isNotNull(outboxMessages.deliveredAt),
};

/** The background jobs (outbox messages), newest first, in one state or all. */
export async function listJobs(db: Executor, query: JobListQuery) {
  const where = query.state ? STATE_FILTERS[query.state] : undefined;
  const rows = await db
    .select()
    .from(outboxMessages)
    .where(where)
    .orderBy(desc(outboxMessages.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const all = await countJobs(db);
  return {
    rows,
    total: query.state ? all[query.state] : all.total,
    counts: { pending: all.pending, failed: all.failed, delivered: all.delivered },
  };
}

/** How many jobs wait, failed (retries exhausted) and were delivered. */
export async function countJobs(db: Executor) {
  const [counts] = await db
    .select({
      pending: sql<number>`count(*) FILTER (WHERE ${STATE_FILTERS.pending})::int`,
      failed: sql<number>`count(*) FILTER (WHERE ${STATE_FILTERS.failed})::int`,
      delivered: sql<number>`count(*) FILTER (WHERE ${STATE_FILTERS.delivered})::int`,
      total: count(),
    })
    .from(outboxMessages);
  return counts ?? { pending: 0, failed: 0, delivered: 0, total: 0 };
}

export async function findJob(db: Executor, id: number) {
  const [row] = await db.select().from(outboxMessages).where(sql`${outboxMessages.id} = ${id}`);
  return row ?? null;
}
