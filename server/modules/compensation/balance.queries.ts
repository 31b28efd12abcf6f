import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { applications, applicationUsages, effortConfirmations, effortEntries } from '../../db/schema.ts';
import { confirmedMonth } from './agreements.queries.ts';

/**
 * The network balance's reads: the confirmed effort of every office by month, profile and application,
 * the usages each office declared of applications designed by others, the applications' designers and
 * the number of offices that declared using them.
 */

export async function confirmedEffortLines(db: Executor, from: string, to: string) {
  const rows = await db
    .select({
      organisationId: effortEntries.organisationId,
      month: effortEntries.month,
      profile: effortEntries.profile,
      applicationId: effortEntries.applicationId,
      hundredths: sql<string>`round(sum(${effortEntries.personDays}) * 100)`,
    })
    .from(effortEntries)
    .innerJoin(effortConfirmations, confirmedMonth)
    .where(sql`${effortEntries.month} BETWEEN ${from} AND ${to}`)
    .groupBy(
      effortEntries.organisationId,
      effortEntries.month,
      effortEntries.profile,
      effortEntries.applicationId,
    )
    .orderBy(asc(effortEntries.month));
  return rows.map((r) => ({ ...r, hundredths: Number(r.hundredths) }));
}
export type EffortLine = Awaited<ReturnType<typeof confirmedEffortLines>>[number];

/** The usages an office declared of an application another office designed (archived sheets left out). */
export async function usagesOfOthers(db: Executor) {
  return db
    .select({
      organisationId: applicationUsages.organisationId,
      applicationId: applicationUsages.applicationId,
      userCount: applicationUsages.userCount,
      since: applicationUsages.since,
    })
    .from(applicationUsages)
    .innerJoin(applications, eq(applications.id, applicationUsages.applicationId))
    .where(
      and(
        ne(applications.designerOrganisationId, applicationUsages.organisationId),
        isNull(applications.archivedAt),
      ),
    );
}
export type UsageOfOthers = Awaited<ReturnType<typeof usagesOfOthers>>[number];

/** Applications with their designer and the number of offices that declared using them. */
export async function applicationsServed(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: applications.id,
      code: applications.code,
      name: applications.name,
      designerOrganisationId: applications.designerOrganisationId,
      officesServed: applications.usageCount,
    })
    .from(applications)
    .where(inArray(applications.id, ids));
}
export type ServedApplication = Awaited<ReturnType<typeof applicationsServed>>[number];
