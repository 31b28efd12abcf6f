import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { PriceList } from '../../../common/store/hosting.ts';
import type { Executor } from '../../db/client.ts';
import {
  applications,
  hostingBudgetAlerts,
  hostingBudgets,
  hostingPriceLists,
  organisations,
  tenants,
} from '../../db/schema.ts';
import type { CostTenant } from './hosting.costs.ts';

export async function listPriceLists(db: Executor): Promise<PriceList[]> {
  return db.select().from(hostingPriceLists).orderBy(asc(hostingPriceLists.effectiveFrom));
}

/**
 * The tenants billed at some time before `until`: live at some point (a live date), in any status since
 * (live, suspended — its data still held —, removed in or after the month it left); of one application
 * when it is named.
 */
export async function billedTenants(
  db: Executor,
  until: Date,
  applicationId?: string,
): Promise<CostTenant[]> {
  const rows = await db
    .select({
      tenantId: tenants.id,
      applicationId: tenants.applicationId,
      organisationId: tenants.organisationId,
      declaredUsers: tenants.declaredUsers,
      environments: tenants.environments,
      liveAt: tenants.liveAt,
      removedAt: tenants.removedAt,
    })
    .from(tenants)
    .where(
      and(
        isNotNull(tenants.liveAt),
        lte(tenants.liveAt, until),
        applicationId ? eq(tenants.applicationId, applicationId) : undefined,
      ),
    )
    .orderBy(asc(tenants.liveAt), asc(tenants.id));
  return rows.map((r) => ({ ...r, liveAt: r.liveAt as Date }));
}

/** Names of the applications and offices of a report (one statement each). */
export async function applicationNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: applications.id, code: applications.code, name: applications.name })
    .from(applications)
    .where(inArray(applications.id, ids));
}

export async function officeNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: organisations.id,
      code: organisations.code,
      name: organisations.name,
      region: organisations.region,
    })
    .from(organisations)
    .where(inArray(organisations.id, ids));
}

export type BudgetRow = typeof hostingBudgets.$inferSelect & {
  officeCode: string;
  officeName: string;
  alerts: { threshold: number; reachedAt: string }[];
};

/** The budgets of a year (all of them, or one), with their office and the thresholds already reached. */
export async function budgetsOfYear(db: Executor, year: number, budgetId?: string): Promise<BudgetRow[]> {
  return db
    .select({
      id: hostingBudgets.id,
      organisationId: hostingBudgets.organisationId,
      year: hostingBudgets.year,
      amountCents: hostingBudgets.amountCents,
      version: hostingBudgets.version,
      createdAt: hostingBudgets.createdAt,
      updatedAt: hostingBudgets.updatedAt,
      officeCode: organisations.code,
      officeName: organisations.name,
      alerts: sql<{ threshold: number; reachedAt: string }[]>`coalesce((
        SELECT json_agg(json_build_object('threshold', a.threshold, 'reachedAt', a.reached_at) ORDER BY a.threshold)
        FROM ${hostingBudgetAlerts} a WHERE a.budget_id = ${hostingBudgets.id}), '[]'::json)`,
    })
    .from(hostingBudgets)
    .innerJoin(organisations, eq(organisations.id, hostingBudgets.organisationId))
    .where(and(eq(hostingBudgets.year, year), budgetId ? eq(hostingBudgets.id, budgetId) : undefined))
    .orderBy(asc(organisations.name));
}

export async function findBudget(db: Executor, organisationId: string, year: number) {
  const [row] = await db
    .select()
    .from(hostingBudgets)
    .where(and(eq(hostingBudgets.organisationId, organisationId), eq(hostingBudgets.year, year)))
    .for('update');
  return row ?? null;
}

export async function insertBudget(
  db: Executor,
  values: { organisationId: string; year: number; amountCents: number },
) {
  const [row] = await db.insert(hostingBudgets).values(values).returning();
  return row as typeof hostingBudgets.$inferSelect;
}

/** Changes a budget's amount if nobody changed it since `version` was read; null otherwise. */
export async function updateBudget(db: Executor, id: string, version: number, amountCents: number) {
  const [row] = await db
    .update(hostingBudgets)
    .set({ amountCents, version: sql`${hostingBudgets.version} + 1`, updatedAt: new Date() })
    .where(and(eq(hostingBudgets.id, id), eq(hostingBudgets.version, version)))
    .returning();
  return row ?? null;
}

/** Records a threshold reached; false when it was recorded before (the office was told already). */
export async function recordBudgetAlert(
  db: Executor,
  alert: { budgetId: string; threshold: number; consumedCents: number; reachedAt: Date },
) {
  const rows = await db
    .insert(hostingBudgetAlerts)
    .values(alert)
    .onConflictDoNothing()
    .returning({ threshold: hostingBudgetAlerts.threshold });
  return rows.length > 0;
}
