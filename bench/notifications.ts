/**
 * Notifications at scale, on the server as production runs it (the compiled bundle as a child process,
 * embedded database in a temporary directory, pg-boss workers in the server's process) and a real SMTP
 * server in this process (smtp-server):
 * - 1,000 followers of one project, one transition: time until the followers' notifications are written
 *   (one transaction: the last follower sees its notification) and until the 1,000 e-mails are handed to
 *   SMTP, and the outbox's jobs a second;
 * - 300 idle live streams (Server-Sent Events) of 300 people: the server's resident memory added.
 * Run: npm run build:server && npx tsx bench/notifications.ts
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { openDatabase } from '../server/db/client.ts';
import { loadReferenceData } from '../server/db/reference/load-reference.ts';
import { users } from '../server/db/schema.ts';
import { insertSession } from '../server/modules/auth/sessions.queries.ts';
import { findOrganisationByCode } from '../server/modules/organisations/organisations.queries.ts';
import { startSmtpServer } from '../server/test/smtp.ts';
import { benchSession } from './bench-session.ts';
import { memoryStatus, root, sampleLoad, startCompiledServer } from './server-process.ts';

const FOLLOWERS = 1_000;
const STREAMS = 300;
type Session = { cookie: string; csrfToken: string };

async function prepare(dataDir: string) {
  const database = await openDatabase({ dataDir });
  await database.migrate();
  await loadReferenceData(database.db);
  const office = await findOrganisationByCode(database.db, 'CPAM-69');
  const followers: Session[] = [];
  for (let start = 0; start < FOLLOWERS; start += 250) {
    const rows = await database.db
      .insert(users)
      .values(
        Array.from({ length: 250 }, (_, i) => ({
          email: `suiveur${start + i}@mutualis.bench`,
          displayName: `Suiveur ${start + i}`,
          organisationId: office?.id as string,
          roles: ['agent' as const],
          passwordHash: 'not-used',
        })),
      )
      .returning({ id: users.id });
    for (const row of rows) {
      const session = await insertSession(database.db, {
        userId: row.id,
        ip: '127.0.0.1',
        userAgent: 'bench',
        timeouts: { idleMinutes: 600, absoluteHours: 24 },
      });
      followers.push({ cookie: `mutualis_session=${session.token}`, csrfToken: session.csrfToken });
    }
  }
  const developer = await benchSession(database.db, 'CPAM-69', ['developer']);
  const director = await benchSession(database.db, 'CPAM-69', ['officeDirector']);
  await database.close();
  return { followers, developer, director };
}

async function call(base: string, who: Session, method: string, url: string, body?: unknown) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: {
      cookie: who.cookie,
      'x-csrf-token': who.csrfToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await pause(20);
  }
  return performance.now();
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mutualis-bench-notifications-'));
  const smtp = await startSmtpServer();
  const people = await prepare(dataDir);
  const logDir = path.join(root, 'build/bench');
  mkdirSync(logDir, { recursive: true });
  const server = await startCompiledServer(
    { MUTUALIS_DATA_DIR: dataDir, MUTUALIS_SMTP_URL: smtp.url },
    path.join(logDir, 'notifications-server.log'),
  );
  try {
    const { base } = server;
    const project = await call(base, people.developer, 'POST', '/api/projects', {
      title: 'Projet suivi par mille personnes',
      need: "Mesurer l'envoi des notifications d'une transition à mille suiveurs d'un même projet.",
      description: 'Banc de mesure.',
      domainCode: 'ressources-humaines',
      track: 'nonStandard',
    });
    for (let i = 0; i < FOLLOWERS; i += 20)
      await Promise.all(
        people.followers
          .slice(i, i + 20)
          .map((f) => call(base, f, 'POST', '/api/follows', { targetType: 'project', targetId: project.id })),
      );
    const last = people.followers[FOLLOWERS - 1] as Session;

    // One transition, as the director of the holder office.
    const load = sampleLoad();
    const start = performance.now();
    await call(base, people.director, 'POST', `/api/projects/${project.id}/transitions`, {
      action: 'frame',
      version: project.version,
    });
    const answered = performance.now();
    const notified = await until(
      async () => (await call(base, last, 'GET', '/api/notifications?pageSize=1')).total > 0,
    );
    const mailed = await until(() => smtp.received.length >= FOLLOWERS);
    const machine = load.stop();
    const fanOut = {
      followers: FOLLOWERS,
      transitionAnswerMs: Math.round(answered - start),
      notificationsWrittenMs: Math.round(notified - start),
      emailsHandedToSmtpMs: Math.round(mailed - start),
      emailsReceived: smtp.received.length,
      // The event, then one e-mail job per follower.
      outboxJobsPerSecond: Math.round(((FOLLOWERS + 1) / (mailed - start)) * 1000),
      loadAverage: machine,
    };
    console.log(fanOut);

    // 300 idle streams.
    const before = memoryStatus(server.pid);
    const controllers: AbortController[] = [];
    await Promise.all(
      people.followers.slice(0, STREAMS).map(async (follower) => {
        const controller = new AbortController();
        controllers.push(controller);
        const response = await fetch(`${base}/api/notifications/stream`, {
          headers: { cookie: follower.cookie, accept: 'text/event-stream' },
          signal: controller.signal,
        });
        const reader = (response.body as ReadableStream<Uint8Array>).getReader();
        let text = '';
        while (!text.includes('event: unread')) text += new TextDecoder().decode((await reader.read()).value);
      }),
    );
    await pause(5_000);
    const after = memoryStatus(server.pid);
    const streams = {
      streams: STREAMS,
      rssBeforeMb: Math.round(before.rss / 2 ** 20),
      rssWithStreamsMb: Math.round(after.rss / 2 ** 20),
      addedMb: Math.round((after.rss - before.rss) / 2 ** 20),
      addedKbPerStream: Math.round((after.rss - before.rss) / 1024 / STREAMS),
    };
    console.log(streams);
    for (const controller of controllers) controller.abort();
    const file = path.join(root, `bench/results/notifications-${new Date().toISOString().slice(0, 10)}.json`);
    writeFileSync(file, `${JSON.stringify({ fanOut, streams }, null, 2)}\n`);
    console.log(`written: ${path.relative(root, file)}`);
  } finally {
    await server.stop();
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
