/**
 * Three server processes on one PostgreSQL database, behind a round-robin proxy, as production runs
 * several instances: what one knows, the others know. Sessions and CSRF tokens, the search index, live
 * notification streams, scheduled jobs and the sign-in throttle all live in the database (or go
 * through its NOTIFY), never in one process's memory alone.
 *
 * They start together on an empty database, as a deployment's replicas do.
 *
 * PostgreSQL only: the embedded database (PGlite) belongs to the one process that opens it, so there
 * is no second instance to speak of.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOf, createSheet, signIn, uniqueWord } from '../../bench/api-client.ts';
import { createAdmin, startCompiledServer } from '../../bench/server-process.ts';
import { buildCompiledServer } from './compiled-cli.ts';
import { adminUrl, databaseUrl, dropDatabase } from './database-urls.ts';

const INSTANCES = 3;
const url = process.env.DATABASE_URL;
const skipReason = 'several instances need PostgreSQL (DATABASE_URL): the embedded database is one process';

/** Waits until `check` resolves to a value other than undefined (polling, bounded). */
async function until<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(100);
  }
}

/** A small HTTP proxy handing each request to the next instance in turn; it counts who served what. */
function roundRobin(backends: string[]) {
  let next = 0;
  const served = backends.map(() => 0);
  const server: Server = createServer((incoming, outgoing) => {
    const index = next++ % backends.length;
    served[index] = (served[index] ?? 0) + 1;
    const target = new URL(incoming.url ?? '/', backends[index]);
    const forward = request(target, { method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forward.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(forward);
  });
  return new Promise<{ base: string; served: number[]; close(): Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        base: `http://127.0.0.1:${port}`,
        served,
        close: () => new Promise((done) => server.close(() => done())),
      });
    }),
  );
}

/** The events of a Server-Sent Events stream, as they come. */
async function openStream(base: string, cookie: string) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/notifications/stream`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const events: { event: string; data: unknown }[] = [];
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = block.match(/^event: (.*)$/m)?.[1];
        const data = block.match(/^data: (.*)$/m)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
      }
    }
  })();
  return {
    events,
    close: async () => {
      controller.abort();
      await reading;
    },
  };
}

describe.skipIf(!url)(`several instances on one PostgreSQL${url ? '' : ` (skipped: ${skipReason})`}`, () => {
  const name = `mutualis_multi_${randomBytes(6).toString('hex')}`;
  const databaseOf = () => databaseUrl(url as string, name);
  const logs = mkdtempSync(path.join(tmpdir(), 'mutualis-multi-'));
  const accounts = ['alice', 'bruno', 'chloe'].map((first) => ({
    email: `${first}@multi.test`,
    password: `mot-de-passe-${first}-2026`,
    name: `${first[0]?.toUpperCase()}${first.slice(1)} Multi`,
  }));
  let servers: Awaited<ReturnType<typeof startCompiledServer>>[] = [];
  let proxy: Awaited<ReturnType<typeof roundRobin>>;
  let database: pg.Client;
  const base = (i: number) => servers[i]?.base as string;

  beforeAll(async () => {
    await buildCompiledServer();
    const admin = new pg.Client({ connectionString: adminUrl(url as string) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    // The three start together on the empty database: the start-up lock (docs/architecture.md, "Several
    // instances") has them migrate, load the reference lists and create the job queue's schema in turn.
    const started = await Promise.allSettled(
      Array.from({ length: INSTANCES }, (_, i) =>
        startCompiledServer(
          { DATABASE_URL: databaseOf(), MUTUALIS_LOG_LEVEL: 'info' },
          path.join(logs, `server-${i}.log`),
        ),
      ),
    );
    servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.findIndex((s) => s.status === 'rejected');
    if (failed >= 0)
      throw new Error(
        `instance ${failed} did not start:\n${readFileSync(path.join(logs, `server-${failed}.log`), 'utf8')}`,
      );
    // An instance answers once it listens; its job queue starts next, and that is where one died when
    // they started side by side without the start-up lock. Each must get through it.
    for (let i = 0; i < INSTANCES; i += 1) {
      const log = path.join(logs, `server-${i}.log`);
      await until(async () => {
        const server = servers[i];
        if (server?.child.exitCode !== null)
          throw new Error(`instance ${i} stopped after it listened:\n${readFileSync(log, 'utf8')}`);
        return readFileSync(log, 'utf8').includes('background jobs started') ? true : undefined;
      }, `the job queue of instance ${i}`);
    }
    for (const account of accounts) createAdmin({ DATABASE_URL: databaseOf() }, account);
    proxy = await roundRobin(servers.map((s) => s.base));
    database = new pg.Client({ connectionString: databaseOf() });
    await database.connect();
  }, 900_000);

  afterAll(async () => {
    await proxy?.close();
    await database?.end();
    await Promise.all(servers.map((s) => s.stop()));
    const admin = new pg.Client({ connectionString: adminUrl(url as string) });
    await admin.connect();
    await dropDatabase(admin, name);
    await admin.end();
    rmSync(logs, { recursive: true, force: true });
  }, 120_000);

  const signInAs = (i: number, account = accounts[0]) =>
    signIn(base(i), account?.email as string, account?.password as string);

  it('a session opened on one instance, and its CSRF token, hold on every other', async () => {
    const alice = await signInAs(0);
    for (let i = 0; i < INSTANCES; i += 1) {
      const me = await clientOf(base(i), alice).get<{ user: { email: string } }>('/api/me');
      expect(me.user.email).toBe('alice@multi.test');
      const word = uniqueWord();
      const { body } = await createSheet(clientOf(base(i), alice), word);
      expect(body.name).toContain(word);
    }
    // A write without the token is refused by every instance alike.
    for (let i = 0; i < INSTANCES; i += 1) {
      const response = await fetch(`${base(i)}/api/applications`, {
        method: 'POST',
        headers: { cookie: alice.cookie, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(403);
    }
    // Signed out on one, the session is gone on all.
    const signOut = await fetch(`${proxy.base}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: alice.cookie, 'x-csrf-token': alice.csrfToken },
    });
    expect(signOut.status).toBeLessThan(300);
    for (let i = 0; i < INSTANCES; i += 1) {
      const response = await fetch(`${base(i)}/api/me`, { headers: { cookie: alice.cookie } });
      expect(response.status).toBe(401);
    }
  }, 120_000);

  it('a sheet written on one instance is found by a search on each other at once', async () => {
    const alice = await signInAs(0);
    for (let writer = 0; writer < INSTANCES; writer += 1) {
      const word = uniqueWord();
      const { body } = await createSheet(clientOf(base(writer), alice), word);
      for (let reader = 0; reader < INSTANCES; reader += 1) {
        const page = await clientOf(base(reader), alice).get<{ items: { id: string }[] }>(
          `/api/applications?q=${word}`,
        );
        expect(page.items.map((item) => item.id)).toEqual([body.id]);
      }
    }
  }, 120_000);

  it('a notification caused on one instance reaches a stream held by another', async () => {
    const alice = await signInAs(0);
    const bruno = await signInAs(1, accounts[1]);
    const { body: sheet } = await createSheet(alice, uniqueWord());
    await bruno.write('POST', '/api/follows', { targetType: 'application', targetId: sheet.id });
    const stream = await openStream(base(1), bruno.cookie);
    try {
      await until(
        async () => (stream.events.some((e) => e.event === 'unread') ? true : undefined),
        'the unread count at the opening of the stream',
      );
      const rename = await clientOf(base(2), alice).get<{ version: number }>(`/api/applications/${sheet.id}`);
      await clientOf(base(2), alice).write('PATCH', `/api/applications/${sheet.id}`, {
        version: rename.version,
        name: `${sheet.name} renommée`,
      });
      const heard = await until(
        async () => stream.events.find((e) => e.event === 'notification'),
        'the notification on the stream of another instance',
      );
      expect(heard.data).toEqual({ unread: 1 });
    } finally {
      await stream.close();
    }
  }, 120_000);

  it('a scheduled job is sent once a minute, whichever instances are running', async () => {
    // Every instance declares the schedules; pg-boss's clock sends each due one through a singleton
    // job (`__pgboss__send-it`, one per name and minute). Wait for a minute's sending to be done.
    const { rows: schedules } = await database.query<{ name: string }>(
      "SELECT name FROM pgboss.schedule WHERE cron = '* * * * *' ORDER BY name",
    );
    expect(schedules.map((s) => s.name)).toContain('outbox');
    const sent = () =>
      database.query<{ name: string; minute: string; n: number }>(
        `SELECT data->>'name' AS name, date_trunc('minute', created_on)::text AS minute, count(*)::int AS n
           FROM pgboss.job WHERE name = '__pgboss__send-it' GROUP BY 1, 2`,
      );
    const rows = await until(
      async () => {
        const { rows } = await sent();
        return schedules.every((s) => rows.some((r) => r.name === s.name)) ? rows : undefined;
      },
      'a minute of scheduled jobs',
      150_000,
    );
    expect(rows.every((r) => r.n === 1)).toBe(true);
    // And the job itself ran: the outbox's queue has completed runs, never two at once (stately).
    const { rows: outbox } = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'outbox' AND state = 'completed'",
    );
    expect(outbox[0]?.n).toBeGreaterThan(0);
  }, 200_000);

  it('the sign-in throttle counts the attempts made on every instance together', async () => {
    const chloe = accounts[2] as (typeof accounts)[number];
    const attempt = (password: string) =>
      fetch(`${proxy.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: chloe.email, password }),
      });
    const before = [...proxy.served];
    // Five wrong passwords (the per-account limit), spread over the three instances by the proxy…
    for (let i = 0; i < 5; i += 1) expect((await attempt('pas-le-bon-mot-de-passe')).status).toBe(401);
    expect(proxy.served.every((n, i) => n > (before[i] ?? 0))).toBe(true);
    // …and the right one is refused on whichever instance it reaches next.
    for (let i = 0; i < INSTANCES; i += 1) {
      const response = await attempt(chloe.password);
      expect(response.status).toBe(429);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  }, 120_000);
});
