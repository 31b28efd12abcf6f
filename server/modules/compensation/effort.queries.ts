import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../../db/client.ts';
import {
  applications,
  effortConfirmations,
  effortEntries,
  organisations,
  projects,
  users,
} from '../../db/schema.ts';

export type EffortEntryRow = typeof effortEntries.$inferSelect;
export type EffortEntryValues = Omit<typeof effortEntries.$inferInsert, 'id' | 'createdAt'>;

/**
 * Serialises the writes to one office's month (a line recorded while the director confirms it): an
 * advisory lock held until commit, keyed on the office and the month.
 */
export async function lockOfficeMonth(db: Transaction, organisationId: string, month: string) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`effort:${organisationId}:${month}`}))`);
}

export async function insertEffortEntries(db: Transaction, values: EffortEntryValues[]) {
  if (values.length === 0) return [];
  return db.insert(effortEntries).values(values).returning();
}

export async function findEffortEntry(db: Executor, id: string) {
  const [row] = await db.select().from(effortEntries).where(eq(effortEntries.id, id));
  return row ?? null;
}

/** A line with its corrections, in person-days. */
export async function effectiveDaysOf(db: Executor, entryId: string) {
  const [row] = await db
    .select({ days: sql<string>`coalesce(sum(${effortEntries.personDays}), 0)` })
    .from(effortEntries)
    .where(sql`${effortEntries.id} = ${entryId} OR ${effortEntries.correctsId} = ${entryId}`);
  return Number(row?.days ?? 0);
}

export async function confirmationOf(db: Executor, organisationId: string, month: string) {
  const [row] = await db
    .select()
    .from(effortConfirmations)
    .where(and(eq(effortConfirmations.organisationId, organisationId), eq(effortConfirmations.month, month)));
  return row ?? null;
}

export async function confirmedMonthsAmong(db: Executor, organisationId: string, months: string[]) {
  if (months.length === 0) return new Set<string>();
  const rows = await db
    .select({ month: effortConfirmations.month })
    .from(effortConfirmations)
    .where(
      and(eq(effortConfirmations.organisationId, organisationId), inArray(effortConfirmations.month, months)),
    );
  return new Set(rows.map((r) => r.month));
}

export async function insertConfirmation(
  db: Transaction,
  values: { organisationId: string; month: string; confirmedBy: string },
) {
  await db.insert(effortConfirmations).values(values);
}

export async function monthHasEffort(db: Executor, organisationId: string, month: string) {
  const [row] = await db
    .select({ id: effortEntries.id })
    .from(effortEntries)
    .where(and(eq(effortEntries.organisationId, organisationId), eq(effortEntries.month, month)))
    .limit(1);
  return !!row;
}

/** The lines of an office's year, oldest first, with what they are about and who recorded them. */
export async function effortEntriesOfYear(db: Executor, organisationId: string, year: number) {
  return db
    .select({
      entry: effortEntries,
      projectTitle: projects.title,
      applicationName: applications.name,
      recordedByName: users.displayName,
    })
    .from(effortEntries)
    .leftJoin(projects, eq(projects.id, effortEntries.projectId))
    .leftJoin(applications, eq(applications.id, effortEntries.applicationId))
    .leftJoin(users, eq(users.id, effortEntries.recordedBy))
    .where(and(eq(effortEntries.organisationId, organisationId), like(effortEntries.month, `${year}-%`)))
    .orderBy(asc(effortEntries.month), asc(effortEntries.createdAt), asc(effortEntries.id));
}
export type EffortEntryListRow = Awaited<ReturnType<typeof effortEntriesOfYear>>[number];

export async function confirmationsOfYear(db: Executor, organisationId: string, year: number) {
  return db
    .select({ confirmation: effortConfirmations, byName: users.displayName })
    .from(effortConfirmations)
    .leftJoin(users, eq(users.id, effortConfirmations.confirmedBy))
    .where(
      and(
        eq(effortConfirmations.organisationId, organisationId),
        like(effortConfirmations.month, `${year}-%`),
      ),
    );
}
export type ConfirmationListRow = Awaited<ReturnType<typeof confirmationsOfYear>>[number];

export async function officeRef(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: organisations.id,
      code: organisations.code,
      name: organisations.name,
      type: organisations.type,
    })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row ?? null;
}

export async function projectExists(db: Executor, id: string) {
  const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, id));
  return !!row;
}

export async function applicationExists(db: Executor, id: string) {
  const [row] = await db.select({ id: applications.id }).from(applications).where(eq(applications.id, id));
  return !!row;
}

/** Applications by code and projects by title, for an import's references. */
export async function applicationIdsByCode(db: Executor, codes: string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: applications.id, code: applications.code })
    .from(applications)
    .where(
      inArray(
        sql`upper(${applications.code})`,
        codes.map((c) => c.toUpperCase()),
      ),
    );
  return new Map(rows.map((r) => [r.code.toUpperCase(), r.id]));
}

export async function projectIdsByTitle(db: Executor, titles: string[]) {
  if (titles.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: projects.id, title: projects.title })
    .from(projects)
    .where(
      inArray(
        sql`lower(${projects.title})`,
        titles.map((t) => t.toLowerCase()),
      ),
    );
  return new Map(rows.map((r) => [r.title.toLowerCase(), r.id]));
}
