import { type AmCloudClient, PlatformError, type TenantRemoval } from '../../integrations/am-cloud.ts';
import { lockNextPendingOperation, lockTenant } from './provisioning.queries.ts';
import { type ProvisioningDeps, provisioningBackoffMs } from './provisioning.service.ts';
import { type TenantRow, updateTenant } from './requests.queries.ts';

/** The longest wait between two attempts of an operation the platform keeps refusing: it is asked hourly. */
const MAX_BACKOFF_MS = 3_600_000;
/** How long a claimed operation is left alone by other runs (longer than any call). */
const CLAIM_MS = 5 * 60_000;

async function ask(client: AmCloudClient, tenant: TenantRow): Promise<TenantRemoval | null> {
  const id = tenant.externalId as string;
  if (tenant.pendingOperation === 'suspend') await client.suspendTenant(id);
  else if (tenant.pendingOperation === 'resume') await client.resumeTenant(id);
  else return client.removeTenant(id, { exportData: tenant.exportRequested });
  return null;
}

/**
 * Asks the platform one pending suspension, resumption or removal (the request's transition already
 * committed it): claimed in a short transaction, called outside any, and the platform's answer applied
 * in a second one — the tenant suspended, live again, or removed with where its export is and until when
 * its data is kept. A refusal is kept on the tenant and asked again with backoff (at most hourly).
 */
async function runNextOperation(deps: ProvisioningDeps, now: Date) {
  const tenant = await deps.db.transaction(async (tx) => {
    const row = await lockNextPendingOperation(tx, now);
    if (row) await updateTenant(tx, row.id, { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) });
    return row;
  });
  if (!tenant) return false;
  let outcome: { removal: TenantRemoval | null } | { error: PlatformError };
  try {
    outcome = { removal: await ask(deps.client, tenant) };
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    outcome = { error };
  }
  await deps.db.transaction(async (tx) => {
    const current = await lockTenant(tx, { id: tenant.id });
    // Another operation was asked meanwhile (suspended, then removed): it is its turn.
    if (!current || current.pendingOperation !== tenant.pendingOperation) return;
    if ('error' in outcome) {
      const attempts = current.attempts + 1;
      deps.log.warn(
        { tenant: tenant.id, attempts, operation: tenant.pendingOperation },
        'AM Cloud operation failed',
      );
      await updateTenant(tx, tenant.id, {
        attempts,
        lastError: outcome.error.message,
        nextAttemptAt: new Date(now.getTime() + Math.min(MAX_BACKOFF_MS, provisioningBackoffMs(attempts))),
      });
      return;
    }
    const done = { pendingOperation: null, attempts: 0, lastError: null, nextAttemptAt: null };
    if (tenant.pendingOperation === 'suspend')
      await updateTenant(tx, tenant.id, { ...done, status: 'suspended', suspendedAt: now });
    else if (tenant.pendingOperation === 'resume')
      await updateTenant(tx, tenant.id, { ...done, status: 'live', suspendedAt: null });
    else
      await updateTenant(tx, tenant.id, {
        ...done,
        status: 'removed',
        removedAt: now,
        accessUrl: null,
        dataExportUrl: outcome.removal?.exportUrl ?? null,
        dataRetainedUntil: outcome.removal?.retainedUntil ? new Date(outcome.removal.retainedUntil) : null,
      });
  });
  return true;
}

/** Every due operation of the run (50 at most). */
export async function runTenantOperations(deps: ProvisioningDeps, now: Date) {
  let done = 0;
  while (done < 50 && (await runNextOperation(deps, now))) done += 1;
  return done;
}
