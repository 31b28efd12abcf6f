import { and, asc, eq, isNotNull, or, type SQLWrapper, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { applications, applicationUsages, organisations } from '../../../db/schema.ts';
import { organisationSummaryColumns } from '../../organisations/organisations.queries.ts';

export type UsageRow = typeof applicationUsages.$inferSelect;
export type UsageValues = Pick<UsageRow, 'since' | 'userCount' | 'versionNumber' | 'comment' | 'declaredBy'>;

const usageOf = (applicationId: string, organisationId: string | SQLWrapper) =>
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

/**
 * Who uses an application: the offices that declared it, and its designer office while the sheet is in
 * production (it runs its own application without declaring it). The usage count, the usage map and the
 * "used by" facet all read this one definition.
 */
export const applicationUsers = sql`(
  SELECT application_id, organisation_id FROM application_usages
  UNION
  SELECT id AS application_id, designer_organisation_id AS organisation_id FROM applications
  WHERE lifecycle_stage = 'inProduction'
)`;

/**
 * The one statement that moves `applications.usage_count`: the users of each application, recounted — after
 * a declaration, a withdrawal, or a write that may move the sheet in or out of production.
 */
export async function refreshUsageCounts(db: Executor, applicationIds: string[]) {
  if (applicationIds.length === 0) return;
  await db.execute(sql`
    UPDATE applications a
    SET usage_count = (SELECT count(*) FROM ${applicationUsers} u WHERE u.application_id = a.id)
    WHERE a.id = ANY(${sql.param(applicationIds)}::uuid[])`);
}

/**
 * The offices that use an application, by name: the declared usages, and the designer office while the
 * sheet is in production (without a declaration of its own, its figures are empty).
 */
export async function listUsagesOf(db: Executor, applicationId: string) {
  const designerInProduction = and(
    eq(organisations.id, applications.designerOrganisationId),
    eq(applications.lifecycleStage, 'inProduction'),
  );
  return db
    .select({
      usage: applicationUsages,
      organisation: organisationSummaryColumns,
      designer: sql<boolean>`coalesce(${designerInProduction}, false)`,
    })
    .from(organisations)
    .innerJoin(applications, eq(applications.id, applicationId))
    .leftJoin(applicationUsages, usageOf(applicationId, organisations.id))
    .where(or(isNotNull(applicationUsages.applicationId), designerInProduction))
    .orderBy(asc(organisations.name));
}
export type UsageWithOrganisation = Awaited<ReturnType<typeof listUsagesOf>>[number];
