import { and, asc, avg, count, desc, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  acceptanceReports,
  applicationAttachments,
  applicationVersions,
  auditEvents,
  deploymentRequests,
  organisations,
  storeReviews,
  tenants,
  users,
} from '../../db/schema.ts';
import { selectRows } from '../../lib/rows.ts';
import { applicationUsers } from '../catalog/usages/usages.queries.ts';
import { organisationSummaryColumns } from '../organisations/organisations.queries.ts';

/** The average rating and the number of reviews of each application. */
export async function ratingsOf(db: Executor, applicationIds: string[]) {
  if (applicationIds.length === 0) return new Map<string, { average: number | null; count: number }>();
  const rows = await db
    .select({ id: storeReviews.applicationId, average: avg(storeReviews.rating), count: count() })
    .from(storeReviews)
    .where(inArray(storeReviews.applicationId, applicationIds))
    .groupBy(storeReviews.applicationId);
  return new Map(
    rows.map((r) => [
      r.id,
      { average: r.average === null ? null : Number(r.average), count: Number(r.count) },
    ]),
  );
}

/** The latest version of each application (released latest, then by number). */
export async function currentVersionsOf(db: Executor, applicationIds: string[]) {
  if (applicationIds.length === 0) return new Map<string, { number: string; releasedOn: string | null }>();
  const rows = await db
    .selectDistinctOn([applicationVersions.applicationId], {
      id: applicationVersions.applicationId,
      number: applicationVersions.number,
      releasedOn: applicationVersions.releasedOn,
    })
    .from(applicationVersions)
    .where(inArray(applicationVersions.applicationId, applicationIds))
    .orderBy(
      applicationVersions.applicationId,
      sql`${applicationVersions.releasedOn} DESC NULLS LAST`,
      desc(applicationVersions.number),
    );
  return new Map(rows.map((r) => [r.id, { number: r.number, releasedOn: r.releasedOn }]));
}

export async function reviewsOf(db: Executor, applicationId: string) {
  return db
    .select({
      review: storeReviews,
      organisation: organisationSummaryColumns,
      author: { id: users.id, displayName: users.displayName },
    })
    .from(storeReviews)
    .innerJoin(organisations, eq(organisations.id, storeReviews.organisationId))
    .innerJoin(users, eq(users.id, storeReviews.authorId))
    .where(eq(storeReviews.applicationId, applicationId))
    .orderBy(desc(storeReviews.updatedAt), asc(storeReviews.id));
}
export type ReviewWithAuthor = Awaited<ReturnType<typeof reviewsOf>>[number];

export async function findOfficeReview(db: Executor, applicationId: string, organisationId: string) {
  const [row] = await db
    .select()
    .from(storeReviews)
    .where(
      and(eq(storeReviews.applicationId, applicationId), eq(storeReviews.organisationId, organisationId)),
    )
    .for('update');
  return row ?? null;
}
export type ReviewRow = typeof storeReviews.$inferSelect;

export async function insertReview(db: Executor, values: typeof storeReviews.$inferInsert) {
  const [row] = await db.insert(storeReviews).values(values).returning();
  return row as ReviewRow;
}

/** Writes the review at version + 1 if it still has `version`; null if someone changed it meanwhile. */
export async function updateReview(
  db: Executor,
  id: string,
  version: number,
  values: { rating: number; comment: string },
) {
  const [row] = await db
    .update(storeReviews)
    .set({ ...values, version: sql`${storeReviews.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(storeReviews.id, id), eq(storeReviews.version, version)))
    .returning();
  return row ?? null;
}

/** Does the office use the application (declared, or designs it in production)? */
export async function officeUses(db: Executor, applicationId: string, organisationId: string) {
  const rows = await selectRows<{ one: number }>(
    db,
    sql`SELECT 1 AS one FROM ${applicationUsers} u WHERE u.application_id = ${applicationId} AND u.organisation_id = ${organisationId}`,
  );
  return rows.length > 0;
}

/** The offices using an application, and whether each has a live AM Cloud tenant. */
export async function storeOfficesOf(db: Executor, applicationId: string) {
  const rows = await selectRows<{
    id: string;
    code: string;
    name: string;
    type: string;
    region: string;
    tenant: boolean;
  }>(
    db,
    sql`SELECT o.id, o.code, o.name, o.type, o.region,
               EXISTS (SELECT 1 FROM ${tenants} t WHERE t.application_id = ${applicationId}
                       AND t.organisation_id = o.id AND t.status = 'live') AS tenant
        FROM ${organisations} o
        WHERE o.id IN (SELECT organisation_id FROM ${applicationUsers} u WHERE u.application_id = ${applicationId})
        ORDER BY o.name`,
  );
  return rows;
}

/** The latest national acceptance report that certified the sheet (not a refusal). */
export async function certifyingReport(db: Executor, applicationId: string) {
  const [row] = await db
    .select({
      id: acceptanceReports.id,
      number: acceptanceReports.number,
      versionLabel: acceptanceReports.versionLabel,
      signedAt: acceptanceReports.signedAt,
    })
    .from(acceptanceReports)
    .where(and(eq(acceptanceReports.applicationId, applicationId), ne(acceptanceReports.decision, 'refused')))
    .orderBy(desc(acceptanceReports.signedAt))
    .limit(1);
  return row ?? null;
}

/** Why and when the sheet's certification was withdrawn, from the audit trail of its lifecycle. */
export async function certificationWithdrawal(db: Executor, applicationId: string) {
  const [row] = await db
    .select({
      reason: sql<string | null>`${auditEvents.details}->'input'->>'reason'`,
      at: auditEvents.occurredAt,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.targetType, 'application'),
        eq(auditEvents.targetId, applicationId),
        eq(auditEvents.action, 'application.withdrawCertification'),
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(1);
  return row ?? null;
}

export async function screenshotsOf(db: Executor, applicationId: string) {
  return db
    .select({ id: applicationAttachments.id, fileName: applicationAttachments.fileName })
    .from(applicationAttachments)
    .where(
      and(
        eq(applicationAttachments.applicationId, applicationId),
        eq(applicationAttachments.kind, 'screenshot'),
      ),
    )
    .orderBy(asc(applicationAttachments.createdAt));
}

/** States in which a request is over without a tenant: the office may ask again. */
export const CLOSED_REQUEST_STATES = ['refused', 'cancelled'] as const;

/** The office's request for the application that is under way or available, if any (excluding `exceptId`). */
export async function liveRequestOf(
  db: Executor,
  applicationId: string,
  organisationId: string,
  exceptId?: string,
) {
  const [row] = await db
    .select({
      id: deploymentRequests.id,
      reference: deploymentRequests.reference,
      state: deploymentRequests.state,
    })
    .from(deploymentRequests)
    .where(
      and(
        eq(deploymentRequests.applicationId, applicationId),
        eq(deploymentRequests.organisationId, organisationId),
        notInArray(deploymentRequests.state, [...CLOSED_REQUEST_STATES]),
        exceptId ? ne(deploymentRequests.id, exceptId) : undefined,
      ),
    )
    .orderBy(desc(deploymentRequests.createdAt))
    .limit(1);
  return row ?? null;
}
