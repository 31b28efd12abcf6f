import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { ReferentApplicationState, ReferentRegion } from '../../../common/community/vocabulary.ts';
import type { Executor } from '../../db/client.ts';
import { organisations, referentApplications, regionalReferents } from '../../db/schema.ts';
import type { ListScope } from '../../lib/policy.ts';
import { versionedRowStore } from '../../lib/versioned-row.queries.ts';

export type ReferentApplicationRow = typeof referentApplications.$inferSelect;

const officeColumns = {
  id: organisations.id,
  code: organisations.code,
  name: organisations.name,
  type: organisations.type,
  region: organisations.region,
};

/** Every named referent with its office (a few dozen rows at most), or the one asked for. */
export async function listReferents(db: Executor, id?: string) {
  return db
    .select({
      id: regionalReferents.id,
      region: regionalReferents.region,
      namedAt: regionalReferents.namedAt,
      office: officeColumns,
    })
    .from(regionalReferents)
    .innerJoin(organisations, eq(organisations.id, regionalReferents.organisationId))
    .where(id ? eq(regionalReferents.id, id) : undefined)
    .orderBy(asc(regionalReferents.region), asc(organisations.name));
}
export type ReferentRow = Awaited<ReturnType<typeof listReferents>>[number];

/** Pending applications by region. */
export async function pendingApplicationsByRegion(db: Executor) {
  const rows = await db
    .select({ region: referentApplications.region, count: sql<number>`count(*)::int` })
    .from(referentApplications)
    .where(eq(referentApplications.state, 'pending'))
    .groupBy(referentApplications.region);
  return new Map(rows.map((r) => [r.region, Number(r.count)]));
}

export async function regionHasReferent(db: Executor, region: ReferentRegion) {
  const [row] = await db
    .select({ id: regionalReferents.id })
    .from(regionalReferents)
    .where(eq(regionalReferents.region, region))
    .limit(1);
  return !!row;
}

export async function insertReferent(
  db: Executor,
  values: { organisationId: string; region: ReferentRegion; namedBy: string | null },
) {
  const [row] = await db.insert(regionalReferents).values(values).returning();
  return row as typeof regionalReferents.$inferSelect;
}

/** Names the office referent of the region unless it already is (an accepted application). */
export async function ensureReferent(
  db: Executor,
  values: { organisationId: string; region: string; namedBy: string | null },
) {
  await db.insert(regionalReferents).values(values).onConflictDoNothing();
}

export async function deleteReferent(db: Executor, id: string) {
  const [row] = await db.delete(regionalReferents).where(eq(regionalReferents.id, id)).returning();
  return row ?? null;
}

export async function officeExists(db: Executor, id: string) {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, id))
    .limit(1);
  return !!row;
}

export async function insertApplication(
  db: Executor,
  values: { organisationId: string; region: ReferentRegion; motivation: string; appliedBy: string },
) {
  const [row] = await db.insert(referentApplications).values(values).returning();
  return row as ReferentApplicationRow;
}

export async function findApplication(db: Executor, id: string) {
  const [row] = await db.select().from(referentApplications).where(eq(referentApplications.id, id));
  return row ?? null;
}

export async function setDecisionNote(db: Executor, id: string, note: string | null) {
  await db.update(referentApplications).set({ decisionNote: note }).where(eq(referentApplications.id, id));
}

function scopeCondition(scope: ListScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'organisation') return eq(referentApplications.organisationId, scope.organisationId);
  return sql`false`;
}

/** The applications the scope shows, newest first, with their office. */
export async function listApplications(db: Executor, scope: ListScope, state?: ReferentApplicationState) {
  return db
    .select({ application: referentApplications, office: officeColumns })
    .from(referentApplications)
    .innerJoin(organisations, eq(organisations.id, referentApplications.organisationId))
    .where(and(scopeCondition(scope), state ? eq(referentApplications.state, state) : undefined))
    .orderBy(sql`${referentApplications.createdAt} DESC`, asc(referentApplications.id))
    .limit(500);
}

export async function officeOf(db: Executor, id: string) {
  const [row] = await db.select(officeColumns).from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}
export type OfficeRow = NonNullable<Awaited<ReturnType<typeof officeOf>>>;

export const referentApplicationStore = versionedRowStore<
  typeof referentApplications,
  ReferentApplicationState
>(referentApplications, { column: 'state' });
