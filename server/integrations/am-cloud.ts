import { createHmac, timingSafeEqual } from 'node:crypto';
import { REMOVED_DATA_RETENTION_DAYS } from '../../common/store/vocabulary.ts';

/**
 * AM Cloud, the national hosting platform run by the DDSI, through its provisioning interface
 * (docs/am-cloud-provisioning.openapi.yaml): create a tenant of application X for office Y in
 * environments Z on the application's shared instance, read its status, suspend it, remove it. The
 * platform calls back (`POST /api/provisioning/webhook`) when a tenant is ready or has failed, signed
 * with HMAC-SHA256. Without `MUTUALIS_AM_CLOUD_URL`, a built-in simulator provisions after a delay.
 */

export interface TenantOrder {
  /** One per request: the platform answers a repeated order with the tenant it already made. */
  idempotencyKey: string;
  application: { code: string; name: string };
  office: { code: string; name: string };
  environments: string[];
  declaredUsers: number;
  /** Where the platform sends its webhook. */
  callbackUrl: string;
}

export interface PlatformTenant {
  id: string;
  status: 'provisioning' | 'live' | 'failed' | 'suspended' | 'removed';
  accessUrl: string | null;
  error: string | null;
}

/** A call that did not succeed: `retryable` for a timeout, a network error or a 5xx; not for a 4xx. */
export class PlatformError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** What the platform answers a removal: where the export of the office's data is, and until when it keeps the data. */
export interface TenantRemoval {
  exportUrl: string | null;
  retainedUntil: string | null;
}

export interface AmCloudClient {
  readonly mode: 'platform' | 'simulator';
  readonly url: string | null;
  createTenant(order: TenantOrder): Promise<PlatformTenant>;
  getTenant(id: string): Promise<PlatformTenant>;
  /** Stops the office's access; its data is kept. Repeating it changes nothing. */
  suspendTenant(id: string): Promise<void>;
  /** Gives a suspended tenant's access back. Repeating it changes nothing. */
  resumeTenant(id: string): Promise<void>;
  /** Removes the tenant, after an export of its data when asked; the platform keeps the data for a while. */
  removeTenant(id: string, options: { exportData: boolean }): Promise<TenantRemoval>;
}

function removalFrom(body: unknown): TenantRemoval {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    exportUrl: typeof b.exportUrl === 'string' ? b.exportUrl : null,
    retainedUntil: typeof b.retainedUntil === 'string' ? b.retainedUntil : null,
  };
}

const STATUSES = new Set(['provisioning', 'live', 'failed', 'suspended', 'removed']);

function tenantFrom(body: unknown): PlatformTenant {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.id !== 'string' || typeof b.status !== 'string' || !STATUSES.has(b.status))
    throw new PlatformError('Réponse de la plateforme AM Cloud illisible (id ou status manquant).', false);
  return {
    id: b.id,
    status: b.status as PlatformTenant['status'],
    accessUrl: typeof b.accessUrl === 'string' ? b.accessUrl : null,
    error: typeof b.error === 'string' ? b.error : null,
  };
}

/** The platform's HTTP interface, with a bearer token, a timeout per call, and the idempotency key header. */
export function httpAmCloudClient(options: {
  url: string;
  token: string | undefined;
  timeoutMs: number;
}): AmCloudClient {
  const base = options.url.replace(/\/$/, '');
  async function call(method: string, path: string, init: { body?: unknown; idempotencyKey?: string } = {}) {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(init.idempotencyKey ? { 'idempotency-key': init.idempotencyKey } : {}),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const timeout = (error as Error).name === 'TimeoutError';
      throw new PlatformError(
        timeout
          ? `La plateforme AM Cloud n'a pas répondu en ${options.timeoutMs} ms.`
          : `La plateforme AM Cloud est injoignable (${(error as Error).message}).`,
        true,
      );
    }
    const text = await response.text();
    if (!response.ok)
      throw new PlatformError(
        `La plateforme AM Cloud a répondu ${response.status} à ${method} ${path}.`,
        response.status >= 500 || response.status === 429,
        response.status,
      );
    return text ? (JSON.parse(text) as unknown) : null;
  }
  return {
    mode: 'platform',
    url: base,
    async createTenant(order) {
      const { idempotencyKey, ...body } = order;
      return tenantFrom(await call('POST', '/v1/tenants', { body, idempotencyKey }));
    },
    async getTenant(id) {
      return tenantFrom(await call('GET', `/v1/tenants/${encodeURIComponent(id)}`));
    },
    async suspendTenant(id) {
      await call('POST', `/v1/tenants/${encodeURIComponent(id)}/suspend`);
    },
    async resumeTenant(id) {
      await call('POST', `/v1/tenants/${encodeURIComponent(id)}/resume`);
    },
    async removeTenant(id, { exportData }) {
      return removalFrom(
        await call('DELETE', `/v1/tenants/${encodeURIComponent(id)}?exportData=${exportData}`),
      );
    },
  };
}

/**
 * The built-in simulator, for a demo without the platform: a tenant is live `delayMs` after its order
 * (one per idempotency key, as the platform does), and `onReady` is called then so that the job asks.
 * A tenant it does not know (made before a restart) is live.
 */
export function simulatedAmCloud(options: {
  delayMs: number;
  now?: () => number;
  onReady?: () => void;
}): AmCloudClient {
  const now = options.now ?? Date.now;
  const orders = new Map<string, { id: string; readyAt: number; order: TenantOrder }>();
  const byId = new Map<string, string>();
  /** Tenants suspended or removed (a tenant it does not know is live). */
  const ended = new Map<string, 'suspended' | 'removed'>();
  const state = (id: string): PlatformTenant => {
    const key = byId.get(id);
    const entry = key ? orders.get(key) : undefined;
    const live = !entry || now() >= entry.readyAt;
    const status = ended.get(id);
    if (status) return { id, status, accessUrl: null, error: null };
    return {
      id,
      status: live ? 'live' : 'provisioning',
      accessUrl: live
        ? `https://${(entry?.order.application.code ?? 'app').toLowerCase()}.amcloud.simulateur/${entry?.order.office.code ?? ''}`
        : null,
      error: null,
    };
  };
  return {
    mode: 'simulator',
    url: null,
    async createTenant(order) {
      let entry = orders.get(order.idempotencyKey);
      if (!entry) {
        entry = { id: `sim-${order.idempotencyKey}`, readyAt: now() + options.delayMs, order };
        orders.set(order.idempotencyKey, entry);
        byId.set(entry.id, order.idempotencyKey);
        if (options.onReady) setTimeout(options.onReady, options.delayMs + 50).unref();
      }
      return state(entry.id);
    },
    async getTenant(id) {
      return state(id);
    },
    async suspendTenant(id) {
      if (ended.get(id) !== 'removed') ended.set(id, 'suspended');
    },
    async resumeTenant(id) {
      if (ended.get(id) === 'suspended') ended.delete(id);
    },
    async removeTenant(id, { exportData }) {
      ended.set(id, 'removed');
      return {
        exportUrl: exportData ? `https://exports.amcloud.simulateur/${encodeURIComponent(id)}.zip` : null,
        retainedUntil: new Date(now() + REMOVED_DATA_RETENTION_DAYS * 86_400_000).toISOString(),
      };
    },
  };
}

// ——— Webhook signatures ———

export const SIGNATURE_HEADER = 'x-amcloud-signature';
export const TIMESTAMP_HEADER = 'x-amcloud-timestamp';
/** A webhook older (or newer) than this is refused: a captured call cannot be replayed later. */
export const WEBHOOK_TOLERANCE_MS = 5 * 60_000;

/** `sha256=<hex>` of HMAC-SHA256(secret, `<timestamp>.<raw body>`), as the platform signs its webhooks. */
export function signWebhook(secret: string, timestamp: string, rawBody: string) {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** Checks a webhook's signature in constant time, and its timestamp against the tolerance. */
export function verifyWebhook(
  secret: string | undefined,
  headers: { signature: string | undefined; timestamp: string | undefined },
  rawBody: string,
  now: number,
): 'valid' | 'missing' | 'stale' | 'invalid' {
  if (!secret || !headers.signature || !headers.timestamp) return 'missing';
  const seconds = Number(headers.timestamp);
  if (!Number.isFinite(seconds) || Math.abs(now - seconds * 1000) > WEBHOOK_TOLERANCE_MS) return 'stale';
  const expected = Buffer.from(signWebhook(secret, headers.timestamp, rawBody));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'valid' : 'invalid';
}
