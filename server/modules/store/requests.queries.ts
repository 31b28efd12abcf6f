import { and, count, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DeploymentState } from '../../../common/store/vocabulary.ts';
import type { Executor, Transaction } from '../../db/client.ts';
import {
  applications,
  applicationUsages,
  deploymentRequests,
  organisations,
  tenants,
  users,
} from '../../db/schema.ts';
import type { ListScope } from '../../lib/policy.ts';
import { versionedRowStore } from '../../lib/versioned-row.queries.ts';
import { organisationSummaryColumns } from '../organisations/organisations.queries.ts';

export type RequestRow = typeof deploymentRequests.$inferSelect;
export type TenantRow = typeof tenants.$inferSelect;

/** The executor's adapter: the request's row, its state in `state`. */
export const requestStore = versionedRowStore<typeof deploymentRequests, DeploymentState>(
  deploymentRequests,
  {
    column: 'state',
  },
);

/** The next reference of the year (DMD-2026-0001…), serialised by an advisory lock. */
export async function nextRequestReference(db: Transaction, year: number) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('deployment_request_reference'))`);
  const prefix = `DMD-${year}-`;
  const [row] = await db
    .select({ last: sql<string | null>`max(${deploymentRequests.reference})` })
    .from(deploymentRequests)
    .where(like(deploymentRequests.reference, `${prefix}%`));
  const last = row?.last ? Number(row.last.slice(prefix.length)) : 0;
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

export async function insertRequest(db: Executor, values: typeof deploymentRequests.$inferInsert) {
  const [row] = await db.insert(deploymentRequests).values(values).returning();
  return row as RequestRow;
}

/** Writes the fields given at version + 1 if the request still has `version`; null if it moved. */
export async function updateRequestFields(
  db: Executor,
  id: string,
  version: number,
  values: Partial<Pick<RequestRow, 'expectedUsers' | 'wantedOn' | 'environments' | 'dataProtection'>>,
) {
  const [row] = await db
    .update(deploymentRequests)
    .set({ ...values, version: sql`${deploymentRequests.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(deploymentRequests.id, id), eq(deploymentRequests.version, version)))
    .returning();
  return row ?? null;
}

/** What the guards and the page need of the requested application. */
export async function requestedApplications(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, RequestedApplication>();
  const rows = await db
    .select({
      id: applications.id,
      code: applications.code,
      name: applications.name,
      certificationStatus: applications.certificationStatus,
      hosting: applications.hosting,
      archivedAt: applications.archivedAt,
      personalData: applications.personalData,
    })
    .from(applications)
    .where(inArray(applications.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
export interface RequestedApplication {
  id: string;
  code: string;
  name: string;
  certificationStatus: string;
  hosting: string;
  archivedAt: Date | null;
  personalData: boolean;
}

const requester = alias(users, 'requester');
const summaryColumns = {
  request: deploymentRequests,
  application: { id: applications.id, code: applications.code, name: applications.name },
  organisation: organisationSummaryColumns,
  requestedBy: { id: requester.id, displayName: requester.displayName },
};
const summaries = (db: Executor) =>
  db
    .select(summaryColumns)
    .from(deploymentRequests)
    .innerJoin(applications, eq(applications.id, deploymentRequests.applicationId))
    .innerJoin(organisations, eq(organisations.id, deploymentRequests.organisationId))
    .innerJoin(requester, eq(requester.id, deploymentRequests.requestedBy));
export type RequestSummaryRow = Awaited<ReturnType<typeof findRequestSummary>> & {};

export async function findRequestSummary(db: Executor, id: string) {
  const [row] = await summaries(db).where(eq(deploymentRequests.id, id));
  return row ?? null;
}

/** A page of requests under the caller's scope, the latest changed first. */
export async function listRequestRows(
  db: Executor,
  scope: ListScope,
  filters: { state?: string | string[]; organisationId?: string; applicationId?: string },
  page: { offset: number; limit: number },
) {
  if (scope.kind === 'none') return { rows: [], total: 0 };
  const states = filters.state === undefined ? undefined : [filters.state].flat();
  const conditions: (SQL | undefined)[] = [
    scope.kind === 'organisation' ? eq(deploymentRequests.organisationId, scope.organisationId) : undefined,
    states ? inArray(deploymentRequests.state, states as RequestRow['state'][]) : undefined,
    filters.organisationId ? eq(deploymentRequests.organisationId, filters.organisationId) : undefined,
    filters.applicationId ? eq(deploymentRequests.applicationId, filters.applicationId) : undefined,
  ];
  const where = and(...conditions.filter((c) => c !== undefined));
  const [rows, [total]] = await Promise.all([
    summaries(db)
      .where(where)
      .orderBy(desc(deploymentRequests.updatedAt), desc(deploymentRequests.id))
      .offset(page.offset)
      .limit(page.limit),
    db.select({ n: count() }).from(deploymentRequests).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

// ——— Tenants ———

export async function tenantOfRequest(db: Executor, requestId: string) {
  const [row] = await db.select().from(tenants).where(eq(tenants.requestId, requestId));
  return row ?? null;
}

/** The request's tenant, made once (its idempotency key is the request's), or set back to be asked again. */
export async function requestTenant(db: Executor, request: RequestRow) {
  await db
    .insert(tenants)
    .values({
      requestId: request.id,
      applicationId: request.applicationId,
      organisationId: request.organisationId,
      environments: request.environments,
      declaredUsers: request.expectedUsers,
      idempotencyKey: `tenant-${request.id}`,
    })
    .onConflictDoUpdate({
      target: tenants.requestId,
      set: { status: 'requested', lastError: null, attempts: 0, nextAttemptAt: null, updatedAt: sql`now()` },
    });
}

export async function updateTenant(db: Executor, id: string, values: Partial<TenantRow>) {
  await db
    .update(tenants)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(tenants.id, id));
}

/** The tenants of an application (every office's), with their offices. */
export async function tenantsOf(db: Executor, filters: { applicationId?: string; requestIds?: string[] }) {
  if (filters.requestIds && filters.requestIds.length === 0) return [];
  return db
    .select({
      tenant: tenants,
      application: { id: applications.id, code: applications.code, name: applications.name },
      organisation: organisationSummaryColumns,
    })
    .from(tenants)
    .innerJoin(applications, eq(applications.id, tenants.applicationId))
    .innerJoin(organisations, eq(organisations.id, tenants.organisationId))
    .where(
      and(
        filters.applicationId ? eq(tenants.applicationId, filters.applicationId) : undefined,
        filters.requestIds ? inArray(tenants.requestId, filters.requestIds) : undefined,
      ),
    )
    .orderBy(organisations.name);
}
export type TenantWithNames = Awaited<ReturnType<typeof tenantsOf>>[number];

export async function tenantCounts(db: Executor) {
  const rows = await db.select({ status: tenants.status, n: count() }).from(tenants).groupBy(tenants.status);
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** The office's use of the application, declared when its tenant goes live (kept if it declared one already). */
export async function declareTenantUsage(db: Executor, request: RequestRow) {
  await db
    .insert(applicationUsages)
    .values({
      applicationId: request.applicationId,
      organisationId: request.organisationId,
      userCount: request.expectedUsers,
      since: new Date().toISOString().slice(0, 10),
      comment: `Locataire AM Cloud (${request.reference})`,
      declaredBy: request.requestedBy,
    })
    .onConflictDoNothing();
}
