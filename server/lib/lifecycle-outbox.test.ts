import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { outboxMessages } from '../db/schema.ts';
import { OUTBOX_JOB } from '../jobs/jobs.ts';
import { enqueueOutbox } from '../jobs/outbox.queries.ts';
import { deliverOutbox, type OutboxHandler } from '../jobs/outbox.ts';
import { createInlineQueue, createPgBossQueue } from '../jobs/queue.ts';
import { createTestContext } from '../test/harness.ts';
import { inTransaction } from './context.ts';
import {
  basRhin,
  createTables,
  delivered,
  deliveries,
  developer,
  fire,
  holderWithDirector,
  newTask,
  otherDirector,
  rhone,
  t,
  taskBinding,
  taskRoutes,
  tasks,
  withEngine,
} from './lifecycle.fixture.ts';

withEngine();

describe('lifecycle engine: the outbox', () => {
  it('writes the message in the transition, delivers it once after commit, once only across a restart', async () => {
    const { id: holder, director } = await holderWithDirector();
    const task = await newTask(holder);
    await fire(developer, task.id, { action: 'submit', version: 1, input: { dueOn: '2030-01-31' } });
    expect((await fire(director, task.id, { action: 'approve', version: 2 })).statusCode).toBe(200);
    const pending = await t.db
      .select()
      .from(outboxMessages)
      .where(sql`${outboxMessages.payload}->>'taskId' = ${task.id}`);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ topic: 'engineTask.approved', deliveredAt: null });

    // The first process stops before delivering; a new one starts on the same database.
    const restarted = await buildApp({
      db: t.db,
      config: t.config,
      logger: false,
      extra: {
        bindings: [taskBinding],
        routes: [taskRoutes],
        outboxHandlers: { 'engineTask.approved': delivered },
      },
    });
    try {
      await restarted.deps.jobs.nudge(OUTBOX_JOB);
      await restarted.deps.jobs.nudge(OUTBOX_JOB);
      const handlers = new Map([['engineTask.approved', delivered]]);
      expect((await deliverOutbox({ db: t.db, log: t.app.log }, handlers)).delivered).toBe(0);
    } finally {
      await restarted.close();
    }
    const rows = await t.db
      .select()
      .from(deliveries)
      .where(eq(deliveries.outboxId, pending[0]?.id ?? -1));
    expect(rows).toHaveLength(1);
    const [message] = await t.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.id, pending[0]?.id ?? -1));
    expect(message?.deliveredAt).toBeInstanceOf(Date);
    expect(message?.attempts).toBe(1);
  });

  it('sends nothing for a refused transition, retries a failing delivery with backoff and rolls back its writes', async () => {
    const { id: holder, director } = await holderWithDirector();
    const task = await newTask(holder);
    await fire(developer, task.id, { action: 'submit', version: 1, input: { dueOn: '2030-01-31' } });
    expect((await fire(otherDirector, task.id, { action: 'approve', version: 2 })).statusCode).toBe(403);
    const none = await t.db
      .select()
      .from(outboxMessages)
      .where(sql`${outboxMessages.payload}->>'taskId' = ${task.id}`);
    expect(none).toEqual([]);

    expect((await fire(director, task.id, { action: 'approve', version: 2 })).statusCode).toBe(200);
    const [message] = await t.db
      .select()
      .from(outboxMessages)
      .where(sql`${outboxMessages.payload}->>'taskId' = ${task.id}`);
    if (!message) throw new Error('no message');
    const failing: OutboxHandler = async (ctx, m) => {
      await delivered(ctx, m);
      throw new Error('SMTP indisponible');
    };
    const now = new Date();
    const first = await deliverOutbox(
      { db: t.db, log: t.app.log },
      new Map([['engineTask.approved', failing]]),
      { now: () => now },
    );
    expect(first.failed).toBeGreaterThanOrEqual(1);
    const [afterFailure] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.id, message.id));
    expect(afterFailure).toMatchObject({ attempts: 1, lastError: 'SMTP indisponible', deliveredAt: null });
    expect(afterFailure?.availableAt.getTime()).toBe(now.getTime() + 10_000);
    expect(await t.db.select().from(deliveries).where(eq(deliveries.outboxId, message.id))).toEqual([]);

    // Not yet due: nothing happens; once the clock moves past the backoff, it is delivered.
    const handlers = new Map([['engineTask.approved', delivered]]);
    await deliverOutbox({ db: t.db, log: t.app.log }, handlers, {
      now: () => new Date(now.getTime() + 5_000),
    });
    expect(await t.db.select().from(deliveries).where(eq(deliveries.outboxId, message.id))).toEqual([]);
    await deliverOutbox({ db: t.db, log: t.app.log }, handlers, {
      now: () => new Date(now.getTime() + 11_000),
    });
    expect(await t.db.select().from(deliveries).where(eq(deliveries.outboxId, message.id))).toHaveLength(1);
  });

  it('runs on pg-boss 10 in the same database (embedded or PostgreSQL): a commit nudges the worker, which delivers', async () => {
    const local = await createTestContext({}, { extra: { bindings: [taskBinding], routes: [taskRoutes] } });
    await createTables(local);
    const handlers = new Map([['engineTask.approved', delivered]]);
    const queue = createPgBossQueue(local.handle, {
      log: local.app.log,
      pollingSeconds: 0.5,
      jobs: [{ name: OUTBOX_JOB, run: () => deliverOutbox({ db: local.db, log: local.app.log }, handlers) }],
    });
    try {
      await queue.start();
      const [task] = await local.db
        .insert(tasks)
        .values({ title: 'Tâche', state: 'submitted', holderOffice: rhone, developerOffices: [basRhin] })
        .returning();
      if (!task) throw new Error('no task');
      await inTransaction({ actor: null, db: local.db, log: local.app.log, requestId: null }, async (tx) => {
        await enqueueOutbox(tx, { topic: 'engineTask.approved', payload: { taskId: task.id } });
      });
      await queue.nudge(OUTBOX_JOB);
      const deadline = Date.now() + 60_000;
      let rows: unknown[] = [];
      while (Date.now() < deadline) {
        rows = await local.db.select().from(deliveries);
        if (rows.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(rows).toHaveLength(1);
    } finally {
      await queue.stop();
      await local.close();
    }
  }, 120_000);

  it('the in-process queue used by tests and the CLI runs a job when nudged', async () => {
    let runs = 0;
    const queue = createInlineQueue([{ name: 'count', run: async () => void runs++ }]);
    await queue.nudge('count');
    await queue.nudge('unknown');
    expect(runs).toBe(1);
  });
});
