import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { applications, applicationUsages, organisations } from '../../../db/schema.ts';
import { organisationSummaryColumns } from '../../organisations/organisations.queries.ts';

export type UsageRow = typeof applicationUsages.$inferSelect;
export type UsageValues = Pick<UsageRow, 'since' | 'userCount' | 'versionNumber' | 'comment' | 'declaredBy'>;

const usageOf = (applicationId: string, organisationId: string) =>
  and(
    eq(applicationUsages.applicationId, applicationId),
    eq(applicationUsages.organisationId, organisationId),
  );

/** One office's usage of an application, locked until the end of the transaction. */
export async function findUsageForUpdate(db: Executor, applicationId: string, organisationId: string) {
  const [row] = await db
    .select()
    .from(applicationUsages)
    .where(usageOf(applicationId, organisationId))
    .for('update');
  return row ?? null;
}

export async function insertUsage(
  db: Executor,
  applicationId: string,
  organisationId: string,
  values: UsageValues,
) {
  const [row] = await db
    .insert(applicationUsages)
    .values({ ...values, applicationId, organisationId })
    .returning();
  if (!row) throw new Error('usage insert returned nothing');
  return row;
}

export async function updateUsage(
  db: Executor,
  applicationId: string,
  organisationId: string,
  values: UsageValues,
) {
  const [row] = await db
    .update(applicationUsages)
    .set({ ...values, updatedAt: sql`now()` })
    .where(usageOf(applicationId, organisationId))
    .returning();
  if (!row) throw new Error('usage update returned nothing');
  return row;
}

export async function deleteUsage(db: Executor, applicationId: string, organisationId: string) {
  const [removed] = await db
    .delete(applicationUsages)
    .where(usageOf(applicationId, organisationId))
    .returning();
  return removed ?? null;
}

/** The one statement that moves `applications.usage_count`: the number of usage rows, recounted. */
export async function refreshUsageCount(db: Executor, applicationId: string) {
  await db
    .update(applications)
    .set({
      usageCount: sql`(SELECT count(*) FROM ${applicationUsages} WHERE ${applicationUsages.applicationId} = ${applicationId})`,
    })
    .where(eq(applications.id, applicationId));
}

/** The offices that use an application, by name. */
export async function listUsagesOf(db: Executor, applicationId: string) {
  return db
    .select({ usage: applicationUsages, organisation: organisationSummaryColumns })
    .from(applicationUsages)
    .innerJoin(organisations, eq(organisations.id, applicationUsages.organisationId))
    .where(eq(applicationUsages.applicationId, applicationId))
    .orderBy(asc(organisations.name));
}
export type UsageWithOrganisation = Awaited<ReturnType<typeof listUsagesOf>>[number];
