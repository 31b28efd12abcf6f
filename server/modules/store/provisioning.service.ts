import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import { type AmCloudClient, PlatformError, type PlatformTenant } from '../../integrations/am-cloud.ts';
import type { TxContext } from '../../lib/context.ts';
import { fireTransition } from '../../lib/lifecycle.ts';
import { type Authorizer, systemActor } from '../../lib/policy.ts';
import {
  lockNextDueTenant,
  lockTenant,
  markEventApplied,
  orderNames,
  recordProvisioningEvent,
  tenantsBeingMade,
} from './provisioning.queries.ts';
import { requestBinding } from './requests.lifecycle.ts';
import { type TenantRow, updateTenant } from './requests.queries.ts';
import { runTenantOperations } from './tenant-operations.service.ts';

/** How many calls to the platform a tenant gets (timeouts, 5xx) before the request is marked failed. */
export const PROVISIONING_MAX_ATTEMPTS = 5;
/** 30 s, 1 min, 2 min, 4 min between attempts. */
export const provisioningBackoffMs = (attempt: number) => 30_000 * 2 ** (attempt - 1);

export interface ProvisioningDeps {
  db: Database;
  log: FastifyBaseLogger;
  authorizer: Authorizer;
  client: AmCloudClient;
  /** The address the platform calls back (the webhook route of this portal). */
  callbackUrl: string;
}

const systemCtx = (deps: ProvisioningDeps, db: TxContext['db']): TxContext => ({
  actor: null,
  system: systemActor('provisioning'),
  db,
  log: deps.log,
  requestId: null,
});

/** Fires a system transition of the tenant's request when its state allows it (a repeated call does nothing). */
async function fire(
  ctx: TxContext,
  deps: ProvisioningDeps,
  requestId: string,
  action: string,
  input?: unknown,
) {
  const request = await requestBinding.store.load(ctx.db, requestId, { lock: true });
  if (!request) return false;
  const from = requestBinding.definition.transitions[action as 'makeAvailable']?.from ?? [];
  if (!from.includes(request.state)) return false;
  await fireTransition(ctx, deps.authorizer, requestBinding, requestId, {
    action,
    version: request.version,
    input,
  });
  return true;
}

/**
 * What the platform says of a tenant, applied to its request: provisioning once the platform took the
 * order, available once live, failed with the platform's reason. Idempotent: a status already applied
 * (a retry, a duplicate webhook, the poll after a webhook) changes nothing.
 */
export async function applyPlatformTenant(
  ctx: TxContext,
  deps: ProvisioningDeps,
  tenant: TenantRow,
  platform: PlatformTenant,
) {
  await updateTenant(ctx.db, tenant.id, {
    externalId: platform.id,
    accessUrl: platform.accessUrl ?? tenant.accessUrl,
    ...(tenant.status === 'requested'
      ? { status: 'provisioning' as const, lastError: null, nextAttemptAt: null }
      : {}),
  });
  let changed = await fire(ctx, deps, tenant.requestId, 'startProvisioning');
  if (platform.status === 'live')
    changed = (await fire(ctx, deps, tenant.requestId, 'makeAvailable')) || changed;
  if (platform.status === 'failed')
    changed =
      (await fire(ctx, deps, tenant.requestId, 'failProvisioning', {
        reason: `La plateforme AM Cloud signale un échec : ${platform.error ?? 'sans détail'}`,
      })) || changed;
  return changed;
}

/**
 * How long a tenant whose order is being sent is left alone by other runs and workers: longer than any
 * call to the platform may take. A process that dies meanwhile leaves it due again after that, and the
 * repeated order carries the same idempotency key.
 */
export const ORDER_CLAIM_MS = 5 * 60_000;

/**
 * Claims one due tenant in a short transaction (its next attempt pushed past the claim, so that nobody
 * else orders it meanwhile; it stays `requested`), and reads what its order names. Null when none is due.
 */
async function claimNextTenant(deps: ProvisioningDeps, now: Date) {
  return deps.db.transaction(async (tx) => {
    const tenant = await lockNextDueTenant(tx, now);
    if (!tenant) return null;
    const request = await requestBinding.store.load(tx, tenant.requestId, { lock: true });
    if (request?.state !== 'validated') {
      // Cancelled meanwhile: nothing to order.
      await updateTenant(tx, tenant.id, {
        status: 'failed',
        lastError: 'Demande annulée avant le provisionnement.',
      });
      return { tenant, names: null, cancelled: true };
    }
    await updateTenant(tx, tenant.id, { nextAttemptAt: new Date(now.getTime() + ORDER_CLAIM_MS) });
    return { tenant, names: await orderNames(tx, tenant), cancelled: false };
  });
}

/**
 * Orders one due tenant of the platform; false when none is due. The call is made between two short
 * transactions, never inside one: on PGlite a transaction holds the one connection, and a call may take
 * up to its timeout. What the platform answered is then applied to the tenant as it stands.
 */
async function orderNextTenant(deps: ProvisioningDeps, now: Date) {
  const claimed = await claimNextTenant(deps, now);
  if (!claimed) return false;
  if (claimed.cancelled) return true;
  const { tenant, names } = claimed;
  let outcome: { platform: PlatformTenant } | { error: PlatformError };
  try {
    outcome = {
      platform: await deps.client.createTenant({
        idempotencyKey: tenant.idempotencyKey,
        application: { code: names?.applicationCode ?? '', name: names?.applicationName ?? '' },
        office: { code: names?.officeCode ?? '', name: names?.officeName ?? '' },
        environments: tenant.environments,
        declaredUsers: tenant.declaredUsers,
        callbackUrl: deps.callbackUrl,
      }),
    };
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    outcome = { error };
  }
  await deps.db.transaction(async (tx) => {
    const ctx = systemCtx(deps, tx);
    const current = await lockTenant(tx, { id: tenant.id });
    if (!current) return;
    if ('platform' in outcome) {
      await applyPlatformTenant(ctx, deps, current, outcome.platform);
      return;
    }
    // A webhook may have told the outcome meanwhile: a failed call then changes nothing.
    if (current.status !== 'requested') return;
    const { error } = outcome;
    const attempts = current.attempts + 1;
    deps.log.warn({ tenant: tenant.id, attempts, status: error.status }, 'AM Cloud order failed');
    if (error.retryable && attempts < PROVISIONING_MAX_ATTEMPTS) {
      await updateTenant(tx, tenant.id, {
        attempts,
        lastError: error.message,
        nextAttemptAt: new Date(now.getTime() + provisioningBackoffMs(attempts)),
      });
    } else {
      await updateTenant(tx, tenant.id, { attempts, lastError: error.message, nextAttemptAt: null });
      await fire(ctx, deps, tenant.requestId, 'failProvisioning', {
        reason: `${error.message} (${attempts} tentative(s))`,
      });
    }
  });
  return true;
}

/**
 * The provisioning job: orders every due tenant (each in its own transaction, retried with backoff on a
 * timeout or a 5xx), then asks the platform where the tenants it is making stand — the backstop of a
 * lost webhook, and how the simulator's tenants become live.
 */
export async function runProvisioning(deps: ProvisioningDeps, now = new Date()) {
  let ordered = 0;
  while (ordered < 50 && (await orderNextTenant(deps, now))) ordered += 1;
  const operations = await runTenantOperations(deps, now);
  for (const made of await tenantsBeingMade(deps.db)) {
    let platform: PlatformTenant;
    try {
      platform = await deps.client.getTenant(made.externalId as string);
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      deps.log.warn({ tenant: made.id, err: error.message }, 'AM Cloud status unavailable');
      continue;
    }
    if (platform.status === 'provisioning') continue;
    await deps.db.transaction(async (tx) => {
      const tenant = await lockTenant(tx, { id: made.id });
      if (tenant) await applyPlatformTenant(systemCtx(deps, tx), deps, tenant, platform);
    });
  }
  return { ordered, operations };
}

export interface WebhookEvent {
  eventId: string;
  tenantId: string;
  idempotencyKey?: string | undefined;
  status: 'live' | 'failed';
  accessUrl?: string | undefined;
  error?: string | undefined;
}

/**
 * A verified webhook of the platform: recorded by its event id (a duplicate is ignored), then applied to
 * the tenant's request as the system, in one transaction.
 */
export async function handleWebhook(deps: ProvisioningDeps, event: WebhookEvent) {
  return deps.db.transaction(async (tx) => {
    const fresh = await recordProvisioningEvent(tx, {
      eventId: event.eventId,
      externalId: event.tenantId,
      status: event.status,
    });
    if (!fresh) return 'duplicate' as const;
    const tenant =
      (await lockTenant(tx, { externalId: event.tenantId })) ??
      (event.idempotencyKey ? await lockTenant(tx, { idempotencyKey: event.idempotencyKey }) : null);
    if (!tenant) return 'unknownTenant' as const;
    const changed = await applyPlatformTenant(systemCtx(deps, tx), deps, tenant, {
      id: event.tenantId,
      status: event.status,
      accessUrl: event.accessUrl ?? null,
      error: event.error ?? null,
    });
    if (changed) await markEventApplied(tx, event.eventId);
    return changed ? ('applied' as const) : ('unchanged' as const);
  });
}
