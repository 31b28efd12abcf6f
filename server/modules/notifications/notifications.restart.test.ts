import { isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { outboxMessages } from '../../db/schema.ts';
import { OUTBOX_JOB } from '../../jobs/jobs.ts';
import { createPgBossQueue, type JobQueue } from '../../jobs/queue.ts';
import { createTestDatabase } from '../../test/database.ts';
import { createUser, login } from '../../test/harness.ts';
import { declareProject } from '../../test/project-fixtures.ts';
import { type SmtpServer, startSmtpServer } from '../../test/smtp.ts';

/**
 * No notification is lost, nor sent twice, when the server stops between the commit of a change and
 * the sending of its e-mail: a first server commits a comment and stops before its worker ran (its
 * queue never runs); a second one starts on the same database with pg-boss, as `npm start` does, and
 * the e-mail reaches the SMTP server (a real one, in the test process) once.
 */
let database: DatabaseHandle;
let smtp: SmtpServer;
beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer();
}, 60_000);
afterAll(async () => {
  await database.close();
  await smtp.close();
});

const config = () => ({
  ...loadConfig({ MUTUALIS_LOG_LEVEL: 'silent', MUTUALIS_DEMO: 'false' }),
  smtpUrl: smtp.url,
});
/** The worker of a server stopped before it ran anything. */
const stoppedWorker = (): JobQueue => ({
  runner: 'inline',
  start: async () => undefined,
  nudge: async () => undefined,
  stop: async () => undefined,
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('e-mail across a restart', () => {
  it('arrives once when the server stops after the commit and starts again', async () => {
    const first = await buildApp({ db: database.db, config: config(), logger: false, queue: stoppedWorker });
    const author = await createUser(database.db, { roles: ['developer'], organisationCode: 'CPAM-69' });
    const director = await createUser(database.db, {
      roles: ['officeDirector'],
      organisationCode: 'CPAM-69',
    });
    const project = await declareProject(await login(first, author.email), { title: 'Reprise après arrêt' });
    const commented = await (await login(first, director.email)).post(
      `/api/projects/${project.id}/comments`,
      {
        body: 'Écrit juste avant l’arrêt.',
      },
    );
    expect(commented.statusCode).toBe(201);
    await first.close();
    const waiting = await database.db.select().from(outboxMessages).where(isNull(outboxMessages.deliveredAt));
    expect(waiting.map((m) => m.topic)).toEqual(['event']);
    expect(smtp.to(author.email)).toEqual([]);

    const second = await buildApp({
      db: database.db,
      config: config(),
      logger: false,
      queue: (jobs, log) => createPgBossQueue(database, { log, jobs, pollingSeconds: 0.5 }),
    });
    try {
      await second.deps.jobs.start();
      const received = await until(
        async () => smtp.to(author.email),
        (mails) => mails.length > 0,
      );
      expect(received.map((m) => m.subject)).toEqual([
        '[Mutualis] Nouveau commentaire sur le projet « Reprise après arrêt »',
      ]);
      // Everything is delivered; another run of the outbox sends nothing more.
      const left = await until(
        () => database.db.select().from(outboxMessages).where(isNull(outboxMessages.deliveredAt)),
        (rows) => rows.length === 0,
      );
      expect(left).toEqual([]);
      await second.deps.jobs.nudge(OUTBOX_JOB);
      const [mail] = received;
      expect(mail?.messageId).toMatch(/^<outbox-\d+@mutualis>$/);
      expect(smtp.to(author.email)).toHaveLength(1);
    } finally {
      await second.close();
    }
  }, 120_000);
});
