import { and, asc, desc, eq, inArray, lte, max, or, type SQL, sql } from 'drizzle-orm';
import type { EffortProfile } from '../../../common/compensation/vocabulary.ts';
import type { Executor, Transaction } from '../../db/client.ts';
import {
  agreementComments,
  agreements,
  agreementTexts,
  applications,
  dailyRateTables,
  effortConfirmations,
  effortEntries,
  organisations,
  projects,
  users,
} from '../../db/schema.ts';
import { versionedRowStore } from '../../lib/versioned-row.queries.ts';
import type { agreementVisibility } from './compensation.policy.ts';

export type AgreementRow = typeof agreements.$inferSelect;
export type AgreementValues = Omit<typeof agreements.$inferInsert, 'id'>;
export type RateTableRow = typeof dailyRateTables.$inferSelect;

/** The agreement lifecycle's subject: its row, read and moved by the shared adapter. */
export const agreementStore = versionedRowStore<typeof agreements, AgreementRow['state']>(agreements, {
  column: 'state',
});

export async function insertAgreement(db: Transaction, values: AgreementValues) {
  const [row] = await db.insert(agreements).values(values).returning();
  return row as AgreementRow;
}

export async function updateAgreementAtVersion(
  db: Transaction,
  id: string,
  version: number,
  values: Partial<AgreementValues>,
) {
  const [row] = await db
    .update(agreements)
    .set({ ...values, version: sql`${agreements.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(agreements.id, id), eq(agreements.version, version)))
    .returning();
  return row ?? null;
}

const summaryColumns = {
  agreement: agreements,
  officeCode: organisations.code,
  officeName: organisations.name,
  projectTitle: projects.title,
  applicationName: applications.name,
};
const summaries = (db: Executor) =>
  db
    .select(summaryColumns)
    .from(agreements)
    .innerJoin(organisations, eq(organisations.id, agreements.organisationId))
    .leftJoin(projects, eq(projects.id, agreements.projectId))
    .leftJoin(applications, eq(applications.id, agreements.applicationId));

export async function findAgreementSummary(db: Executor, id: string) {
  const [row] = await summaries(db).where(eq(agreements.id, id));
  return row ?? null;
}
export type AgreementSummaryRow = NonNullable<Awaited<ReturnType<typeof findAgreementSummary>>>;

export async function listAgreementRows(
  db: Executor,
  scope: ReturnType<typeof agreementVisibility>,
  query: { state?: AgreementRow['state']; organisationId?: string },
) {
  const conditions: (SQL | undefined)[] = [
    scope.kind === 'organisation' ? eq(agreements.organisationId, scope.organisationId) : undefined,
    query.state ? eq(agreements.state, query.state) : undefined,
    query.organisationId ? eq(agreements.organisationId, query.organisationId) : undefined,
  ];
  return summaries(db)
    .where(and(...conditions))
    .orderBy(
      asc(organisations.name),
      asc(sql`coalesce(${agreements.amendsId}, ${agreements.id})`),
      asc(agreements.amendmentNumber),
    )
    .limit(500);
}

export async function textsOf(db: Executor, agreementId: string) {
  return db
    .select({
      text: agreementTexts,
      authorName: users.displayName,
      officeCode: organisations.code,
      officeName: organisations.name,
    })
    .from(agreementTexts)
    .leftJoin(users, eq(users.id, agreementTexts.authorId))
    .leftJoin(organisations, eq(organisations.id, agreementTexts.authorOrganisationId))
    .where(eq(agreementTexts.agreementId, agreementId))
    .orderBy(asc(agreementTexts.number));
}

export async function commentsOf(db: Executor, agreementId: string) {
  return db
    .select({
      comment: agreementComments,
      authorName: users.displayName,
      officeCode: organisations.code,
      officeName: organisations.name,
    })
    .from(agreementComments)
    .leftJoin(users, eq(users.id, agreementComments.authorId))
    .leftJoin(organisations, eq(organisations.id, agreementComments.authorOrganisationId))
    .where(eq(agreementComments.agreementId, agreementId))
    .orderBy(asc(agreementComments.createdAt), asc(agreementComments.id));
}

export async function textCounts(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ id: agreementTexts.agreementId, n: sql<number>`count(*)::int` })
    .from(agreementTexts)
    .where(inArray(agreementTexts.agreementId, [...ids]))
    .groupBy(agreementTexts.agreementId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** The next version of the text (the agreement row is locked by the caller, so numbers do not collide). */
export async function insertText(
  db: Transaction,
  values: { agreementId: string; body: string; authorId: string | null; authorOrganisationId: string | null },
) {
  const [last] = await db
    .select({ n: max(agreementTexts.number) })
    .from(agreementTexts)
    .where(eq(agreementTexts.agreementId, values.agreementId));
  const [row] = await db
    .insert(agreementTexts)
    .values({ ...values, number: (last?.n ?? 0) + 1 })
    .returning();
  return row as typeof agreementTexts.$inferSelect;
}

export async function insertComment(db: Transaction, values: typeof agreementComments.$inferInsert) {
  const [row] = await db.insert(agreementComments).values(values).returning();
  return row as typeof agreementComments.$inferSelect;
}

/** The first agreement and its amendments. */
export async function familyOf(db: Executor, rootId: string) {
  return db
    .select({
      id: agreements.id,
      amendmentNumber: agreements.amendmentNumber,
      state: agreements.state,
      title: agreements.title,
    })
    .from(agreements)
    .where(or(eq(agreements.id, rootId), eq(agreements.amendsId, rootId)))
    .orderBy(asc(agreements.amendmentNumber));
}

export async function lastAmendmentNumber(db: Executor, rootId: string) {
  const [row] = await db
    .select({ n: max(agreements.amendmentNumber) })
    .from(agreements)
    .where(eq(agreements.amendsId, rootId));
  return row?.n ?? 0;
}

export async function rateTables(db: Executor) {
  return db.select().from(dailyRateTables).orderBy(desc(dailyRateTables.number));
}

/** The version in force on a day: the latest published that took effect by then. */
export async function rateTableInForce(db: Executor, day: string) {
  const [row] = await db
    .select()
    .from(dailyRateTables)
    .where(lte(dailyRateTables.effectiveFrom, day))
    .orderBy(desc(dailyRateTables.effectiveFrom), desc(dailyRateTables.number))
    .limit(1);
  return row ?? null;
}

export async function insertRateTable(
  db: Transaction,
  values: Omit<typeof dailyRateTables.$inferInsert, 'id' | 'number'>,
) {
  await db.execute(sql`LOCK TABLE ${dailyRateTables} IN SHARE ROW EXCLUSIVE MODE`);
  const [last] = await db.select({ n: max(dailyRateTables.number) }).from(dailyRateTables);
  const [row] = await db
    .insert(dailyRateTables)
    .values({ ...values, number: (last?.n ?? 0) + 1 })
    .returning();
  return row as RateTableRow;
}

/** Joins an effort line to its month's confirmation: only confirmed months count. */
export const confirmedMonth = and(
  eq(effortConfirmations.organisationId, effortEntries.organisationId),
  eq(effortConfirmations.month, effortEntries.month),
);

/**
 * The office's confirmed effort on the agreement's object within its period, by profile, in
 * hundredths of a person-day (corrections included: they are lines of the confirmed months too).
 */
export async function confirmedEffortByProfile(db: Executor, a: AgreementRow, from: string, to: string) {
  const target =
    a.targetKind === 'project'
      ? eq(effortEntries.projectId, a.projectId as string)
      : a.targetKind === 'application'
        ? eq(effortEntries.applicationId, a.applicationId as string)
        : eq(effortEntries.nationalLabel, a.nationalLabel as string);
  const rows = await db
    .select({
      profile: effortEntries.profile,
      hundredths: sql<string>`round(sum(${effortEntries.personDays}) * 100)`,
    })
    .from(effortEntries)
    .innerJoin(effortConfirmations, confirmedMonth)
    .where(
      and(
        eq(effortEntries.organisationId, a.organisationId),
        eq(effortEntries.targetKind, a.targetKind),
        target,
        sql`${effortEntries.month} BETWEEN ${from} AND ${to}`,
      ),
    )
    .groupBy(effortEntries.profile)
    .orderBy(asc(effortEntries.profile));
  return rows.map((r) => ({ profile: r.profile as EffortProfile, hundredths: Number(r.hundredths) }));
}
