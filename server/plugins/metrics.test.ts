import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../db/schema.ts';
import { createSheet } from '../test/catalog-fixtures.ts';
import { createTestContext, createUser, login, signUp, type TestContext } from '../test/harness.ts';

/**
 * `GET /metrics` in Prometheus's text format: requests by route pattern and status with their latency,
 * the job queue, the search index, the live streams, the process; a bearer token when configured. And
 * one access-log line per request, with the actor's id and never an e-mail or a query string.
 */
const lines: string[] = [];
let t: TestContext;
let base: string;
beforeAll(async () => {
  t = await createTestContext(
    {},
    { logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } } },
  );
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(() => t.close());

/** The value of one series of the scrape (`name{labels} value`), or null when absent. */
function sample(text: string, series: string): number | null {
  for (const line of text.split('\n'))
    if (line.startsWith(`${series} `)) return Number(line.slice(series.length + 1));
  return null;
}
const scrape = async (headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}/metrics`, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

describe('metrics', () => {
  it('count requests by route pattern and status, with their latency, and the process and queues', async () => {
    const { user, agent } = await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-67' });
    const sheet = await createSheet(agent, user.organisationId, {
      name: 'Fiche mesurée',
    });
    for (let i = 0; i < 3; i += 1)
      expect((await agent.get(`/api/applications/${sheet.id}`)).statusCode).toBe(200);
    expect((await agent.get('/api/applications/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    await t.db.insert(outboxMessages).values({
      topic: 'event',
      payload: {},
      attempts: 5,
      failedAt: new Date(),
      lastError: 'mesure',
    });

    const { status, type, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    const route = 'route="/api/applications/:id"';
    expect(sample(text, `mutualis_http_requests_total{method="GET",${route},status="200"}`)).toBe(3);
    expect(sample(text, `mutualis_http_requests_total{method="GET",${route},status="404"}`)).toBe(1);
    expect(sample(text, `mutualis_http_request_duration_seconds_count{method="GET",${route}}`)).toBe(4);
    expect(
      sample(text, `mutualis_http_request_duration_seconds_bucket{le="+Inf",method="GET",${route}}`),
    ).toBe(4);
    // The address asked (an id) is never a label: one series per route pattern.
    expect(text).not.toContain(sheet.id);
    expect(sample(text, 'mutualis_jobs{state="failed"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'mutualis_jobs{state="pending"}')).not.toBeNull();
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    // The embedded database has no pool: no series rather than made-up figures.
    expect(text).toContain('# TYPE mutualis_db_pool_connections gauge');
    if (t.handle.kind === 'postgres')
      expect(sample(text, 'mutualis_db_pool_connections{state="total"}')).toBeGreaterThan(0);
  });

  it('count the search index reloads and its documents', async () => {
    const { user, agent } = await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-13' });
    expect((await agent.get('/api/applications?q=mesure')).statusCode).toBe(200);
    const before = await scrape();
    expect(sample(before.text, 'mutualis_search_index_reloads_total{kind="full"}')).toBeGreaterThanOrEqual(1);
    const documents = sample(before.text, 'mutualis_search_index_documents') ?? 0;
    expect(sample(before.text, 'mutualis_search_index_bytes')).toBeGreaterThan(0);

    await createSheet(agent, user.organisationId, { name: 'Fiche indexée pour la mesure' });
    expect((await agent.get('/api/applications?q=indexee')).json().total).toBeGreaterThanOrEqual(1);
    const after = await scrape();
    expect(sample(after.text, 'mutualis_search_index_documents')).toBe(documents + 1);
    expect(
      sample(after.text, 'mutualis_search_index_reloads_total{kind="incremental"}'),
    ).toBeGreaterThanOrEqual(1);
  });

  it('count the live streams open on this process', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    const agent = await login(t.app, user.email);
    const opened = sample((await scrape()).text, 'mutualis_sse_connections') ?? 0;
    const controller = new AbortController();
    const response = await fetch(`${base}/api/notifications/stream`, {
      headers: { cookie: agent.cookie, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    await expect.poll(async () => sample((await scrape()).text, 'mutualis_sse_connections')).toBe(opened + 1);
    controller.abort();
    await expect.poll(async () => sample((await scrape()).text, 'mutualis_sse_connections')).toBe(opened);
  });

  it('write one access line per request: route, status, time, actor id — no e-mail, no query string', async () => {
    const user = await createUser(t.db, { roles: ['agent'], email: 'mesure.acces@mutualis.test' });
    const agent = await login(t.app, user.email);
    lines.length = 0;
    expect((await agent.get('/api/applications?q=secret-cherche')).statusCode).toBe(200);
    const access = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'access');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      method: 'GET',
      route: '/api/applications',
      status: 200,
      actorId: user.id,
    });
    expect(access[0].ms).toBeGreaterThan(0);
    const written = lines.join('\n');
    expect(written).not.toContain('mesure.acces');
    expect(written).not.toContain('secret-cherche');
  });
});

describe('metrics behind a token', () => {
  let guarded: TestContext;
  beforeAll(async () => {
    guarded = await createTestContext({ metricsToken: 'jeton-des-mesures-0123456789' });
  }, 60_000);
  afterAll(() => guarded.close());

  it('answer 401 in French without the token or with another, 200 with it', async () => {
    for (const authorization of [undefined, 'Bearer autre-jeton', 'Basic jeton-des-mesures-0123456789']) {
      const refused = await guarded.app.inject({
        method: 'GET',
        url: '/metrics',
        headers: authorization ? { authorization } : {},
      });
      expect(refused.statusCode, authorization).toBe(401);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.json().detail).toContain('jeton configuré');
    }
    const allowed = await guarded.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer jeton-des-mesures-0123456789' },
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).toContain('# TYPE mutualis_http_requests_total counter');
  });
});
