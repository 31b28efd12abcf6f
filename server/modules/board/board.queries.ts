import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { BoardItemState } from '../../../common/board/vocabulary.ts';
import type { Executor, Transaction } from '../../db/client.ts';
import {
  agreements,
  boardDecisions,
  boardItems,
  boardMeetings,
  calls,
  organisations,
  projects,
  sponsorshipRequests,
  users,
} from '../../db/schema.ts';
import { versionedRowStore } from '../../lib/versioned-row.queries.ts';

/** Agenda items and meetings of the governance board; decisions: decisions.queries.ts. */

export type BoardItemRow = typeof boardItems.$inferSelect;
export type BoardItemValues = Omit<typeof boardItems.$inferInsert, 'id'>;
export type MeetingRow = typeof boardMeetings.$inferSelect;
export type MeetingValues = Omit<typeof boardMeetings.$inferInsert, 'id'>;

/** The meeting lifecycle's subject: its row, read and moved by the shared adapter. */
export const meetingStore = versionedRowStore<typeof boardMeetings, MeetingRow['state']>(boardMeetings, {
  column: 'state',
});

export async function insertItem(db: Executor, values: BoardItemValues) {
  const [row] = await db.insert(boardItems).values(values).returning();
  return row as BoardItemRow;
}

export async function findItem(db: Executor, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(boardItems).where(eq(boardItems.id, id)).limit(1);
  const [row] = options.lock ? await query.for('no key update') : await query;
  return row ?? null;
}

/** Moves an item at the version read; null when it moved meanwhile. */
export async function updateItemAtVersion(
  db: Transaction,
  id: string,
  version: number,
  values: Partial<BoardItemValues>,
) {
  const [row] = await db
    .update(boardItems)
    .set({ ...values, version: sql`${boardItems.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(boardItems.id, id), eq(boardItems.version, version)))
    .returning();
  return row ?? null;
}

/** Moves an item whatever its version (the meeting's lifecycle does, holding the meeting's lock). */
export async function setItemState(
  db: Transaction,
  id: string,
  values: { state: BoardItemState; meetingId: string | null },
) {
  await db
    .update(boardItems)
    .set({ ...values, version: sql`${boardItems.version} + 1`, updatedAt: sql`now()` })
    .where(eq(boardItems.id, id));
}

export async function itemsOnMeeting(db: Executor, meetingId: string) {
  return db
    .select()
    .from(boardItems)
    .where(and(eq(boardItems.meetingId, meetingId), eq(boardItems.state, 'scheduled')))
    .orderBy(asc(boardItems.createdAt), asc(boardItems.id));
}

const submitter = alias(users, 'submitter');
const office = alias(organisations, 'office');
const directorate = alias(organisations, 'directorate');

/** Items with what they refer to, as the agenda and a meeting's page show them. */
export async function listItemViews(
  db: Executor,
  filter: { states?: readonly BoardItemState[]; meetingIds?: readonly string[]; id?: string },
) {
  const conditions: SQL[] = [];
  if (filter.states) conditions.push(inArray(boardItems.state, [...filter.states]));
  if (filter.id) conditions.push(eq(boardItems.id, filter.id));
  if (filter.meetingIds)
    conditions.push(
      sql`(${inArray(boardItems.meetingId, [...filter.meetingIds])} OR EXISTS (SELECT 1 FROM ${boardDecisions} d WHERE d.item_id = ${boardItems.id} AND ${inArray(sql`d.meeting_id`, [...filter.meetingIds])}))`,
    );
  return db
    .select({
      item: boardItems,
      submitterName: submitter.displayName,
      officeName: office.name,
      projectTitle: projects.title,
      callTitle: calls.title,
      agreementTitle: agreements.title,
      directorateName: directorate.name,
      officeNames: sql<
        string[]
      >`coalesce((SELECT array_agg(o.name ORDER BY o.name) FROM ${organisations} o WHERE o.id = ANY(${boardItems.officeIds})), '{}'::text[])`,
      meetingTitle: boardMeetings.title,
      meetingOn: boardMeetings.meetingOn,
    })
    .from(boardItems)
    .leftJoin(submitter, eq(submitter.id, boardItems.submittedBy))
    .innerJoin(office, eq(office.id, boardItems.submittingOrganisationId))
    .leftJoin(projects, eq(projects.id, boardItems.projectId))
    .leftJoin(calls, eq(calls.id, boardItems.callId))
    .leftJoin(agreements, eq(agreements.id, boardItems.agreementId))
    .leftJoin(sponsorshipRequests, eq(sponsorshipRequests.id, boardItems.sponsorshipId))
    .leftJoin(directorate, eq(directorate.id, sponsorshipRequests.directorateId))
    .leftJoin(boardMeetings, eq(boardMeetings.id, boardItems.meetingId))
    .where(and(...conditions))
    .orderBy(asc(boardItems.createdAt), asc(boardItems.id));
}
export type ItemView = Awaited<ReturnType<typeof listItemViews>>[number];

export async function insertMeeting(db: Executor, values: MeetingValues) {
  const [row] = await db.insert(boardMeetings).values(values).returning();
  return row as MeetingRow;
}

export const findMeeting = (db: Executor, id: string, options: { lock?: boolean } = {}) =>
  meetingStore.load(db, id, { lock: options.lock ?? false });

export async function updateMeetingAtVersion(
  db: Transaction,
  id: string,
  version: number,
  values: Partial<MeetingValues>,
) {
  const [row] = await db
    .update(boardMeetings)
    .set({ ...values, version: sql`${boardMeetings.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(boardMeetings.id, id), eq(boardMeetings.version, version)))
    .returning();
  return row ?? null;
}

/** Meetings, the next ones first then the past ones the latest first; with their item counts. */
export async function listMeetings(db: Executor) {
  return db
    .select({
      meeting: boardMeetings,
      // Named in full: in a query of one table, Drizzle writes a column without its table, which the
      // subquery would take for its own.
      itemCount: sql<number>`(SELECT count(*)::int FROM ${boardItems} i WHERE i.meeting_id = board_meetings.id)
        + (SELECT count(*)::int FROM ${boardDecisions} d WHERE d.meeting_id = board_meetings.id AND d.published_at IS NOT NULL)`,
    })
    .from(boardMeetings)
    .orderBy(
      sql`(${boardMeetings.meetingOn} < current_date)`,
      sql`CASE WHEN ${boardMeetings.meetingOn} >= current_date THEN ${boardMeetings.meetingOn} END ASC`,
      desc(boardMeetings.meetingOn),
    );
}

/** The facts of meetings' guards: items on the agenda and those without a decision. */
export async function agendaCounts(db: Executor, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return new Map<string, { items: number; undecided: number }>();
  const rows = await db
    .select({
      meetingId: boardItems.meetingId,
      items: sql<number>`count(*)::int`,
      undecided: sql<number>`count(*) FILTER (WHERE ${isNull(boardDecisions.id)})::int`,
    })
    .from(boardItems)
    .leftJoin(
      boardDecisions,
      and(eq(boardDecisions.itemId, boardItems.id), eq(boardDecisions.meetingId, boardItems.meetingId)),
    )
    .where(and(inArray(boardItems.meetingId, [...meetingIds]), eq(boardItems.state, 'scheduled')))
    .groupBy(boardItems.meetingId);
  return new Map(rows.map((r) => [r.meetingId as string, { items: r.items, undecided: r.undecided }]));
}

/** The sponsorship request an escalation names, with its project. */
export async function findSponsorshipForBoard(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: sponsorshipRequests.id,
      state: sponsorshipRequests.state,
      directorateId: sponsorshipRequests.directorateId,
      projectId: sponsorshipRequests.projectId,
      projectTitle: projects.title,
      pitch: sponsorshipRequests.pitch,
    })
    .from(sponsorshipRequests)
    .innerJoin(projects, eq(projects.id, sponsorshipRequests.projectId))
    .where(eq(sponsorshipRequests.id, id));
  return row ?? null;
}

export async function findCallTitle(db: Executor, id: string) {
  const [row] = await db.select({ id: calls.id, title: calls.title }).from(calls).where(eq(calls.id, id));
  return row ?? null;
}

export async function findProjectTitle(db: Executor, id: string) {
  const [row] = await db
    .select({ id: projects.id, title: projects.title })
    .from(projects)
    .where(eq(projects.id, id));
  return row ?? null;
}

export async function officesByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: organisations.id, name: organisations.name, type: organisations.type })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]));
}
