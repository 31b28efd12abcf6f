import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RequestDto, TenantDto } from '../../../common/schemas/deployment-request.ts';
import type { StoreApplicationDto } from '../../../common/schemas/store.ts';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from '../../integrations/am-cloud.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { requestUpTo, storeSheet } from '../../test/store-fixtures.ts';
import { PROVISIONING_MAX_ATTEMPTS, runProvisioning } from './provisioning.service.ts';

/**
 * Provisioning against a local HTTP server that speaks the AM Cloud provisioning API
 * (docs/am-cloud-provisioning.openapi.yaml): orders with an idempotency key, status reads, and the
 * platform's signed webhooks — including its failures (a timeout, a 5xx then success, a 4xx).
 */

type Behaviour = 'ok' | 'timeout' | '503' | '400';
interface Order {
  key: string | undefined;
  authorization: string | undefined;
  body: Record<string, unknown>;
}
const platform = {
  /** What the next orders meet, in turn; then `ok`. */
  next: [] as Behaviour[],
  orders: [] as Order[],
  /** Tenants by idempotency key: a repeated order answers the tenant already made. */
  tenants: new Map<string, { id: string; status: string }>(),
  reset() {
    this.next = [];
    this.orders = [];
  },
};

async function readBody(request: IncomingMessage) {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function handle(request: IncomingMessage, response: ServerResponse) {
  void (async () => {
    const body = await readBody(request);
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    if (request.method === 'POST' && request.url === '/v1/tenants') {
      const key = request.headers['idempotency-key'] as string | undefined;
      platform.orders.push({ key, authorization: request.headers.authorization, body });
      const behaviour = platform.next.shift() ?? 'ok';
      if (behaviour === 'timeout') return; // never answers: the client gives up
      if (behaviour === '503') return json(503, { error: 'maintenance' });
      if (behaviour === '400') return json(400, { error: 'application inconnue' });
      let tenant = platform.tenants.get(key ?? '');
      if (!tenant) {
        tenant = { id: `amc-${platform.tenants.size + 1}`, status: 'provisioning' };
        platform.tenants.set(key ?? '', tenant);
      }
      return json(tenant.status === 'provisioning' ? 202 : 200, tenant);
    }
    const match = /^\/v1\/tenants\/([^/]+)$/.exec(request.url ?? '');
    if (request.method === 'GET' && match) {
      const tenant = [...platform.tenants.values()].find((t) => t.id === match[1]);
      return tenant ? json(200, tenant) : json(404, { error: 'inconnu' });
    }
    json(404, { error: 'route inconnue' });
  })();
}

const SECRET = 'secret-de-test-du-webhook';
let server: Server;
let t: TestContext;
beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  t = await createTestContext({
    amCloudUrl: `http://127.0.0.1:${port}`,
    amCloudToken: 'jeton-plateforme',
    amCloudWebhookSecret: SECRET,
    amCloudTimeoutMs: 300,
  });
});
afterAll(async () => {
  await t.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => platform.reset());

const deps = () => ({
  db: t.db,
  log: t.app.log,
  authorizer: t.app.deps.authorizer,
  client: t.app.deps.amCloud,
  callbackUrl: 'http://localhost/api/provisioning/webhook',
});
const later = (ms: number) => new Date(Date.now() + ms);

async function current(id: string) {
  const ddsi = (await requestUpTo(t, (await storeSheet(t, 'Lecture')).id, 'draft')).people.ddsi;
  return (await ddsi.get(`/api/deployment-requests/${id}`)).json() as RequestDto;
}

function sendWebhook(body: Record<string, unknown>, options: { secret?: string; timestamp?: number } = {}) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor((options.timestamp ?? Date.now()) / 1000));
  return t.app.inject({
    method: 'POST',
    url: '/api/provisioning/webhook',
    headers: {
      'content-type': 'application/json',
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: signWebhook(options.secret ?? SECRET, timestamp, raw),
    },
    payload: raw,
  });
}

describe('ordering a tenant (local HTTP server speaking the AM Cloud API)', () => {
  it('calls the platform outside any transaction: the database and the tenant stay free meanwhile', async () => {
    const app = await storeSheet(t, 'Hors transaction');
    platform.next = ['timeout'];
    const { request } = await requestUpTo(t, app.id, 'validated');
    const real = t.app.deps.amCloud;
    const seen: string[] = [];
    const client = {
      ...real,
      async createTenant(order: Parameters<typeof real.createTenant>[0]) {
        // Another transaction takes the tenant's row without waiting: refused (PostgreSQL) or left waiting
        // for the one connection (PGlite) while the order's transaction is open.
        const held = new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('the database stayed held during the call')), 5_000).unref(),
        );
        const row = await Promise.race([
          t.db.transaction((tx) =>
            tx.execute(
              sql`SELECT status FROM tenants WHERE idempotency_key = ${order.idempotencyKey} FOR UPDATE NOWAIT`,
            ),
          ),
          held,
        ]);
        seen.push((row as unknown as { rows: { status: string }[] }).rows[0]?.status ?? 'none');
        return real.createTenant(order);
      },
    };
    await runProvisioning({ ...deps(), client }, later(31_000));
    // During the call the tenant says what is true: asked of the platform, not yet answered.
    expect(seen).toEqual(['requested']);
    const after = await current(request.id);
    expect(after.state).toBe('provisioning');
    expect(after.tenant).toMatchObject({ status: 'provisioning', attempts: 1 });
  }, 30_000);

  it('retries a timeout and a 5xx with the same idempotency key, and makes one tenant', async () => {
    const app = await storeSheet(t, 'Provision');
    platform.next = ['timeout', '503'];
    const { request } = await requestUpTo(t, app.id, 'validated');
    // The validation nudged the job: its first order timed out, the request waits for the next attempt.
    expect(request.state).toBe('validated');
    expect(request.tenant).toMatchObject({ status: 'requested', attempts: 1 });
    expect(request.tenant?.lastError).toMatch(/n'a pas répondu en 300 ms/);

    // Not due yet: nothing is ordered.
    await runProvisioning(deps(), later(1_000));
    expect(platform.orders).toHaveLength(1);
    await runProvisioning(deps(), later(31_000));
    expect(platform.orders).toHaveLength(2);
    expect((await current(request.id)).tenant).toMatchObject({ status: 'requested', attempts: 2 });
    await runProvisioning(deps(), later(200_000));

    const after = await current(request.id);
    expect(after.state).toBe('provisioning');
    expect(after.tenant).toMatchObject({
      status: 'provisioning',
      externalId: expect.stringMatching(/^amc-/),
    });
    expect(platform.orders).toHaveLength(3);
    expect(new Set(platform.orders.map((o) => o.key))).toEqual(new Set([`tenant-${request.id}`]));
    expect(platform.orders.every((o) => o.authorization === 'Bearer jeton-plateforme')).toBe(true);
    expect(platform.orders[0]?.body).toMatchObject({
      office: { code: 'CPAM-69' },
      environments: ['production', 'training'],
      declaredUsers: 40,
    });
    expect([...platform.tenants.keys()].filter((key) => key === `tenant-${request.id}`)).toHaveLength(1);

    // A run again (a crash before commit, a second worker) orders nothing more.
    await runProvisioning(deps(), later(400_000));
    expect(platform.orders).toHaveLength(3);
  });

  it('marks the request failed after the last attempt, or at once on a 4xx', async () => {
    const app = await storeSheet(t, 'Echec');
    platform.next = Array(PROVISIONING_MAX_ATTEMPTS).fill('503');
    const { request } = await requestUpTo(t, app.id, 'validated');
    for (let attempt = 2; attempt <= PROVISIONING_MAX_ATTEMPTS; attempt += 1)
      await runProvisioning(deps(), later(attempt * 3_600_000));
    const failed = await current(request.id);
    expect(failed.state).toBe('provisioningFailed');
    expect(failed.tenant).toMatchObject({ status: 'failed', attempts: PROVISIONING_MAX_ATTEMPTS });
    expect(failed.tenant?.lastError).toMatch(/503/);

    const other = await storeSheet(t, 'Echec');
    platform.next = ['400'];
    const { request: refused } = await requestUpTo(t, other.id, 'validated');
    expect(refused.state).toBe('provisioningFailed');
    expect(refused.tenant?.attempts).toBe(1);
  });
});

describe('the platform’s webhook', () => {
  async function provisioning() {
    const app = await storeSheet(t, 'Crochet');
    const { request, people } = await requestUpTo(t, app.id, 'validated');
    expect(request.state).toBe('provisioning');
    return { request, people, app, tenant: request.tenant as TenantDto };
  }

  it('makes the tenant live once, ignoring a duplicate, and the office uses the application', async () => {
    const { request, tenant, app, people } = await provisioning();
    const event = {
      eventId: `evt-${request.id}`,
      tenantId: tenant.externalId,
      status: 'live',
      accessUrl: 'https://app.amcloud.fr/cpam-69',
    };
    const first = await sendWebhook(event);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ result: 'applied' });
    const duplicate = await sendWebhook(event);
    expect(duplicate.json()).toEqual({ result: 'duplicate' });

    const after = await current(request.id);
    expect(after.state).toBe('available');
    expect(after.tenant).toMatchObject({ status: 'live', accessUrl: 'https://app.amcloud.fr/cpam-69' });
    const availability = after.lifecycles[0]?.reached.filter((r) => r.state === 'available') ?? [];
    expect(availability).toHaveLength(1);
    const sheet = (await people.agent.get(`/api/store/applications/${app.id}`)).json() as StoreApplicationDto;
    expect(sheet.offices.find((o) => o.code === 'CPAM-69')).toMatchObject({ tenant: true });
    const tenants = (await people.ddsi.get(`/api/applications/${app.id}/tenants`)).json();
    expect(tenants.items.map((x: TenantDto) => [x.organisation.code, x.status])).toEqual([
      ['CPAM-69', 'live'],
    ]);
  });

  it('refuses a wrong signature, a stale timestamp and an unsigned call, in French', async () => {
    const { request, tenant } = await provisioning();
    const event = { eventId: `evt-bad-${request.id}`, tenantId: tenant.externalId, status: 'live' };
    const wrong = await sendWebhook(event, { secret: 'un-autre-secret-quelconque' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().detail).toMatch(/Signature du webhook invalide/);
    const stale = await sendWebhook(event, { timestamp: Date.now() - 10 * 60_000 });
    expect(stale.statusCode).toBe(401);
    expect(stale.json().detail).toMatch(/Horodatage/);
    const unsigned = await t.app.inject({ method: 'POST', url: '/api/provisioning/webhook', payload: event });
    expect(unsigned.statusCode).toBe(401);
    // Nothing moved, and the refused event id is still free for the genuine delivery.
    expect((await current(request.id)).state).toBe('provisioning');
    expect((await sendWebhook(event)).json()).toEqual({ result: 'applied' });
  });

  it('is not needed when lost: the job asks the platform and finds the tenant live', async () => {
    const { request, tenant } = await provisioning();
    for (const entry of platform.tenants.values()) if (entry.id === tenant.externalId) entry.status = 'live';
    await runProvisioning(deps(), later(60_000));
    expect((await current(request.id)).state).toBe('available');
  });
});
