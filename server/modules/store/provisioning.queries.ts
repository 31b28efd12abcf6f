import { and, asc, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../../db/client.ts';
import { applications, organisations, provisioningEvents, tenants } from '../../db/schema.ts';
import type { TenantRow } from './requests.queries.ts';

/**
 * The next tenant to ask of the platform (requested, due), locked for this worker: another worker skips
 * it (SKIP LOCKED), so two never order the same tenant at once.
 */
export async function lockNextDueTenant(db: Transaction, now: Date) {
  const [row] = await db
    .select()
    .from(tenants)
    .where(
      and(
        eq(tenants.status, 'requested'),
        or(isNull(tenants.nextAttemptAt), lte(tenants.nextAttemptAt, now)),
      ),
    )
    .orderBy(asc(tenants.createdAt))
    .limit(1)
    .for('update', { skipLocked: true });
  return row ?? null;
}

/** The tenants the platform is making: their status is asked again (a webhook may have been lost). */
export async function tenantsBeingMade(db: Executor) {
  return db
    .select({ id: tenants.id, externalId: tenants.externalId, requestId: tenants.requestId })
    .from(tenants)
    .where(and(eq(tenants.status, 'provisioning'), isNotNull(tenants.externalId)))
    .orderBy(asc(tenants.updatedAt))
    .limit(100);
}

export async function lockTenant(
  db: Transaction,
  where: { id?: string; externalId?: string; idempotencyKey?: string },
) {
  const condition = where.id
    ? eq(tenants.id, where.id)
    : where.externalId
      ? eq(tenants.externalId, where.externalId)
      : eq(tenants.idempotencyKey, where.idempotencyKey ?? '');
  const [row] = await db.select().from(tenants).where(condition).limit(1).for('update');
  return row ?? null;
}

/** What the order of a tenant names: the application and the office, by code and name. */
export async function orderNames(db: Executor, tenant: TenantRow) {
  const [row] = await db
    .select({
      applicationCode: applications.code,
      applicationName: applications.name,
      officeCode: organisations.code,
      officeName: organisations.name,
    })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, tenant.organisationId))
    .where(eq(applications.id, tenant.applicationId));
  return row ?? null;
}

/** Records a webhook delivery by its event id; false when it was already received (a duplicate). */
export async function recordProvisioningEvent(
  db: Executor,
  event: { eventId: string; externalId: string; status: string },
) {
  const rows = await db
    .insert(provisioningEvents)
    .values({ ...event, applied: false })
    .onConflictDoNothing()
    .returning({ eventId: provisioningEvents.eventId });
  return rows.length > 0;
}

export async function markEventApplied(db: Executor, eventId: string) {
  await db
    .update(provisioningEvents)
    .set({ applied: sql`true` })
    .where(eq(provisioningEvents.eventId, eventId));
}

/** The next tenant with a suspension, resumption or removal to ask of the platform, locked for this worker. */
export async function lockNextPendingOperation(db: Transaction, now: Date) {
  const [row] = await db
    .select()
    .from(tenants)
    .where(
      and(
        isNotNull(tenants.pendingOperation),
        isNotNull(tenants.externalId),
        or(isNull(tenants.nextAttemptAt), lte(tenants.nextAttemptAt, now)),
      ),
    )
    .orderBy(asc(tenants.updatedAt))
    .limit(1)
    .for('update', { skipLocked: true });
  return row ?? null;
}
