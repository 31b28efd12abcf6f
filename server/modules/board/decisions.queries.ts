import { and, asc, desc, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { BoardItemKind, DecisionOutcome } from '../../../common/board/vocabulary.ts';
import type { Executor, Transaction } from '../../db/client.ts';
import { boardDecisionCounters, boardDecisions, boardItems, boardMeetings } from '../../db/schema.ts';
import { projectTextQuery } from '../projects/projects-search.ts';

/** The board's decisions: drafted on a held meeting, numbered and published with its minutes. */

export type DecisionRow = typeof boardDecisions.$inferSelect;
export type DecisionValues = Omit<typeof boardDecisions.$inferInsert, 'id' | 'searchVector'>;

export async function insertDecision(db: Executor, values: DecisionValues) {
  const [row] = await db.insert(boardDecisions).values(values).returning();
  return row as DecisionRow;
}

export async function findDecision(db: Executor, id: string) {
  const [row] = await db.select().from(boardDecisions).where(eq(boardDecisions.id, id));
  return row ?? null;
}

export async function deleteDecisionRow(db: Transaction, id: string) {
  await db.delete(boardDecisions).where(eq(boardDecisions.id, id));
}

export async function decisionsOfMeeting(db: Executor, meetingId: string) {
  return db
    .select()
    .from(boardDecisions)
    .where(eq(boardDecisions.meetingId, meetingId))
    .orderBy(asc(boardDecisions.createdAt), asc(boardDecisions.id));
}

/**
 * The next number of a year's decisions. One statement takes the year's counter row and raises it: a
 * second transaction doing the same waits on that row until the first ends, so no two decisions share
 * a number, and a rolled-back publication gives its numbers back.
 */
export async function allocateDecisionNumber(db: Transaction, year: number) {
  const [row] = await db
    .insert(boardDecisionCounters)
    .values({ year, last: 1 })
    .onConflictDoUpdate({
      target: boardDecisionCounters.year,
      set: { last: sql`${boardDecisionCounters.last} + 1` },
    })
    .returning({ last: boardDecisionCounters.last });
  return (row as { last: number }).last;
}

export async function publishDecisionRow(
  db: Transaction,
  id: string,
  values: { year: number; number: number },
) {
  const [row] = await db
    .update(boardDecisions)
    .set({ ...values, publishedAt: sql`now()`, version: sql`${boardDecisions.version} + 1` })
    .where(eq(boardDecisions.id, id))
    .returning();
  return row as DecisionRow;
}

export interface DecisionLogFilter {
  q?: string;
  outcome?: DecisionOutcome;
  kind?: BoardItemKind;
  year?: number;
  meetingId?: string;
}

function logConditions(filter: DecisionLogFilter, without?: 'outcome' | 'kind' | 'year') {
  const conditions: SQL[] = [isNotNull(boardDecisions.publishedAt)];
  const text = projectTextQuery(filter.q);
  if (filter.q && !text) conditions.push(sql`false`);
  if (text)
    conditions.push(
      sql`${boardDecisions.searchVector} @@ to_tsquery('french'::regconfig, f_unaccent(${text}))`,
    );
  if (filter.outcome && without !== 'outcome') conditions.push(eq(boardDecisions.outcome, filter.outcome));
  if (filter.kind && without !== 'kind') conditions.push(eq(boardItems.kind, filter.kind));
  if (filter.year && without !== 'year') conditions.push(eq(boardDecisions.year, filter.year));
  if (filter.meetingId) conditions.push(eq(boardDecisions.meetingId, filter.meetingId));
  return and(...conditions);
}

const logColumns = {
  decision: boardDecisions,
  kind: boardItems.kind,
  itemTitle: boardItems.title,
  itemId: boardItems.id,
  meetingTitle: boardMeetings.title,
  meetingOn: boardMeetings.meetingOn,
};

/** Published decisions, the latest first (by number), filtered; a page of them and the total. */
export async function listPublishedDecisions(
  db: Executor,
  filter: DecisionLogFilter,
  page: { limit: number; offset: number },
) {
  const where = logConditions(filter);
  const text = projectTextQuery(filter.q);
  const [items, [total]] = await Promise.all([
    db
      .select(logColumns)
      .from(boardDecisions)
      .innerJoin(boardItems, eq(boardItems.id, boardDecisions.itemId))
      .innerJoin(boardMeetings, eq(boardMeetings.id, boardDecisions.meetingId))
      .where(where)
      .orderBy(
        ...(text
          ? [
              desc(
                sql`ts_rank(${boardDecisions.searchVector}, to_tsquery('french'::regconfig, f_unaccent(${text})))`,
              ),
            ]
          : []),
        desc(boardDecisions.year),
        desc(boardDecisions.number),
      )
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(boardDecisions)
      .innerJoin(boardItems, eq(boardItems.id, boardDecisions.itemId))
      .where(where),
  ]);
  return { items, total: total?.count ?? 0 };
}
export type DecisionLogRow = Awaited<ReturnType<typeof listPublishedDecisions>>['items'][number];

/** Counts per value of each facet, each under the other filters (not its own). */
export async function decisionFacets(db: Executor, filter: DecisionLogFilter) {
  const count = (column: SQL | typeof boardItems.kind, without: 'outcome' | 'kind' | 'year') =>
    db
      .select({ value: sql<string>`${column}::text`, count: sql<number>`count(*)::int` })
      .from(boardDecisions)
      .innerJoin(boardItems, eq(boardItems.id, boardDecisions.itemId))
      .where(logConditions(filter, without))
      .groupBy(sql`1`)
      .orderBy(sql`1`);
  const [outcomes, kinds, years] = [
    await count(sql`${boardDecisions.outcome}`, 'outcome'),
    await count(boardItems.kind, 'kind'),
    await count(sql`${boardDecisions.year}`, 'year'),
  ];
  return { outcomes, kinds, years };
}

/** Decisions with their item and meeting: those of a meeting (drafts included) or the published ones of an item. */
export async function decisionViews(
  db: Executor,
  filter: { meetingId?: string; itemId?: string; id?: string },
) {
  const conditions: SQL[] = [];
  if (filter.meetingId) conditions.push(eq(boardDecisions.meetingId, filter.meetingId));
  if (filter.itemId)
    conditions.push(eq(boardDecisions.itemId, filter.itemId), isNotNull(boardDecisions.publishedAt));
  if (filter.id) conditions.push(eq(boardDecisions.id, filter.id), isNotNull(boardDecisions.publishedAt));
  return db
    .select(logColumns)
    .from(boardDecisions)
    .innerJoin(boardItems, eq(boardItems.id, boardDecisions.itemId))
    .innerJoin(boardMeetings, eq(boardMeetings.id, boardDecisions.meetingId))
    .where(and(...conditions))
    .orderBy(asc(boardDecisions.createdAt), asc(boardDecisions.id));
}

/** Whether an item already has a decision on this meeting. */
export async function decisionExists(db: Executor, meetingId: string, itemId: string) {
  const [row] = await db
    .select({ id: boardDecisions.id })
    .from(boardDecisions)
    .where(and(eq(boardDecisions.meetingId, meetingId), eq(boardDecisions.itemId, itemId)));
  return !!row;
}
