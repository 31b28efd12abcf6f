import { and, count, desc, eq, gte, sql } from 'drizzle-orm';
import type { ReportState } from '../../../common/accessibility/vocabulary.ts';
import type { Executor } from '../../db/client.ts';
import { accessibilityReports, organisations, users } from '../../db/schema.ts';
import { versionedRowStore } from '../../lib/versioned-row.queries.ts';

export type ReportRow = typeof accessibilityReports.$inferSelect;

export const reportStore = versionedRowStore<typeof accessibilityReports, ReportState>(accessibilityReports, {
  column: 'state',
});

/** Serialises the reports of one source address, so that parallel ones each see those before them. */
export async function lockSource(db: Executor, sourceKey: string) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(782304, hashtext(${sourceKey}))`);
}

export async function countFromSourceSince(db: Executor, sourceKey: string, since: Date) {
  const [row] = await db
    .select({ count: count(), oldest: sql<Date | string | null>`min(${accessibilityReports.createdAt})` })
    .from(accessibilityReports)
    .where(and(eq(accessibilityReports.sourceKey, sourceKey), gte(accessibilityReports.createdAt, since)));
  return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

export async function insertReport(db: Executor, values: typeof accessibilityReports.$inferInsert) {
  const [row] = await db.insert(accessibilityReports).values(values).returning();
  return row as ReportRow;
}

export async function findReport(db: Executor, id: string) {
  const [row] = await db.select().from(accessibilityReports).where(eq(accessibilityReports.id, id)).limit(1);
  return row ?? null;
}

export async function setAnswer(
  db: Executor,
  id: string,
  values: { answer: string; answeredAt: Date; answeredBy: string | null },
) {
  const [row] = await db
    .update(accessibilityReports)
    .set(values)
    .where(eq(accessibilityReports.id, id))
    .returning();
  return row as ReportRow;
}

/** The queue: the oldest waiting first within a state, the newest first across all states. */
export async function listReports(
  db: Executor,
  filter: { state?: ReportState; page: number; pageSize: number },
) {
  const where = filter.state ? eq(accessibilityReports.state, filter.state) : undefined;
  const rows = await db
    .select()
    .from(accessibilityReports)
    .where(where)
    .orderBy(filter.state ? accessibilityReports.createdAt : desc(accessibilityReports.createdAt))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const counts = await db
    .select({ state: accessibilityReports.state, count: count() })
    .from(accessibilityReports)
    .groupBy(accessibilityReports.state);
  return { rows, counts };
}

export async function personOf(db: Executor, id: string | null) {
  if (!id) return null;
  const [row] = await db
    .select({ id: users.id, name: users.displayName, office: organisations.name, email: users.email })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}
