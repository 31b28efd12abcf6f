import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineLifecycle, developerOf, directorOf, role, system } from '../../common/lifecycle.ts';
import { idParamsSchema, problemSchema } from '../../common/schemas/common.ts';
import { lifecycleViewSchema, transitionSchema } from '../../common/schemas/lifecycle.ts';
import { buildApp } from '../app.ts';
import type { Executor } from '../db/client.ts';
import { auditEvents, outboxMessages } from '../db/schema.ts';
import { DEADLINES_JOB, OUTBOX_JOB } from '../jobs/jobs.ts';
import { enqueueOutbox } from '../jobs/outbox.queries.ts';
import { deliverOutbox, type OutboxHandler } from '../jobs/outbox.ts';
import { createInlineQueue, createPgBossQueue, type JobQueue } from '../jobs/queue.ts';
import {
  type Agent,
  createTestContext,
  createUser,
  login,
  organisationId,
  type TestContext,
} from '../test/harness.ts';
import { inTransaction } from './context.ts';
import {
  describeLifecycles,
  describeTransitions,
  fireDueTransitions,
  type LifecycleBinding,
} from './lifecycle.ts';
import { lifecycleRoutes } from './lifecycle-routes.ts';
import { systemActor } from './policy.ts';
import { versionedRowStore } from './versioned-row.queries.ts';

/**
 * The engine on a small lifecycle of its own: a task asked by a holder office, prepared by developer
 * offices, decided by the holder's director, expired by the system when its deadline passes. Its table
 * is created by this test in its own database.
 */
const tasks = pgTable('engine_tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  state: text('state').notNull().default('draft'),
  holderOffice: uuid('holder_office').notNull(),
  developerOffices: uuid('developer_offices').array().notNull(),
  dueAt: timestamp('due_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
const deliveries = pgTable('engine_deliveries', {
  outboxId: integer('outbox_id').primaryKey(),
  topic: text('topic').notNull(),
});
type Task = typeof tasks.$inferSelect;
type TaskState = 'draft' | 'submitted' | 'approved' | 'rejected' | 'expired';
interface TaskFacts {
  submittedByHolder: number;
}

const taskLifecycle = defineLifecycle<TaskState, 'submit' | 'approve' | 'reject' | 'expire', TaskFacts>({
  name: 'engineTask',
  targetType: 'engineTask',
  label: { fr: 'Tâche', en: 'Task' },
  initial: 'draft',
  states: {
    draft: { label: { fr: 'Brouillon', en: 'Draft' } },
    submitted: { label: { fr: 'Soumise', en: 'Submitted' } },
    approved: { label: { fr: 'Approuvée', en: 'Approved' }, terminal: true },
    rejected: { label: { fr: 'Refusée', en: 'Rejected' }, terminal: true, side: true },
    expired: { label: { fr: 'Expirée', en: 'Expired' }, terminal: true, side: true },
  },
  fields: {
    holderOffice: { fr: "de l'organisme porteur", en: 'of the holder office' },
    developerOffices: { fr: "d'un organisme développeur", en: 'of a developer office' },
  },
  transitions: {
    submit: {
      from: ['draft'],
      to: 'submitted',
      parties: [developerOf('developerOffices')],
      label: { fr: 'Soumettre', en: 'Submit' },
      input: z.object({
        dueOn: z.iso.date({ error: 'La date limite doit être une date (AAAA-MM-JJ).' }).meta({
          label: { fr: 'Date limite', en: 'Deadline' },
        }),
      }),
      guards: [(facts) => (facts.submittedByHolder >= 2 ? { code: 'tooMany', params: { max: 2 } } : null)],
    },
    approve: {
      from: ['submitted'],
      to: 'approved',
      parties: [directorOf('holderOffice'), role('itDirectorate')],
      label: { fr: 'Approuver', en: 'Approve' },
    },
    reject: {
      from: ['submitted'],
      to: 'rejected',
      parties: [directorOf('holderOffice')],
      label: { fr: 'Refuser', en: 'Reject' },
      input: z.object({
        reason: z
          .string()
          .trim()
          .min(3, { error: 'Indiquez le motif du refus.' })
          .meta({
            label: { fr: 'Motif', en: 'Reason' },
          }),
      }),
    },
    expire: { from: ['submitted'], to: 'expired', parties: [system], label: { fr: 'Expirer', en: 'Expire' } },
  },
  messages: {
    tooMany: {
      fr: "L'organisme porteur a déjà {max} tâches soumises : attendez une décision.",
      en: 'The holder office already has {max} submitted tasks: wait for a decision.',
    },
  },
});

async function dueTasks(db: Executor, now: Date) {
  const rows = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(sql`${tasks.state} = 'submitted' AND ${tasks.dueAt} < ${now.toISOString()}`);
  return rows.map((r) => r.id);
}

const taskBinding: LifecycleBinding<TaskState, 'submit' | 'approve' | 'reject' | 'expire', TaskFacts, Task> =
  {
    definition: taskLifecycle,
    notFoundLabel: 'Tâche',
    staleSubject: 'record',
    store: versionedRowStore<typeof tasks, TaskState>(tasks, { column: 'state' }),
    idOf: (row) => row.id,
    parties: (row) => ({ holderOffice: [row.holderOffice], developerOffices: row.developerOffices }),
    snapshot: (row) => ({ state: row.state, dueAt: row.dueAt?.toISOString() ?? null, version: row.version }),
    async facts(ctx, rows) {
      return Promise.all(
        rows.map(async (row) => {
          const [count] = await ctx.db
            .select({ n: sql<number>`count(*)::int` })
            .from(tasks)
            .where(sql`${tasks.holderOffice} = ${row.holderOffice} AND ${tasks.state} = 'submitted'`);
          return { submittedByHolder: count?.n ?? 0 };
        }),
      );
    },
    async effects(ctx, change) {
      if (change.transition === 'submit')
        await ctx.db
          .update(tasks)
          .set({ dueAt: new Date(`${change.input.dueOn}T23:59:59Z`) })
          .where(eq(tasks.id, change.after.id));
    },
    outbox: (change) =>
      change.transition === 'approve'
        ? [{ topic: 'engineTask.approved', payload: { taskId: change.after.id } }]
        : [],
    deadlines: [{ transition: 'expire', due: dueTasks }],
  };

const taskResponse = z.object({
  id: z.string(),
  state: z.string(),
  version: z.number(),
  transitions: z.array(transitionSchema),
  lifecycles: z.array(lifecycleViewSchema),
});

const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const present = async (ctx: Parameters<typeof describeTransitions>[0], id: string) => {
    const row = await taskBinding.store.load(ctx.db, id, { lock: false });
    if (!row) throw new Error('task vanished');
    const [transitions = []] = await describeTransitions(ctx, app.deps.authorizer, [taskBinding], [row]);
    const lifecycles = await describeLifecycles(ctx, [taskBinding], row, row.createdAt);
    return { id: row.id, state: row.state, version: row.version, transitions, lifecycles };
  };
  app.get(
    '/api/engine-tasks/:id',
    {
      config: { access: { action: 'session.use' } },
      schema: { params: idParamsSchema, response: { 200: taskResponse, 401: problemSchema } },
    },
    async (request) => present(request.ctx, request.params.id),
  );
  await app.register(
    lifecycleRoutes({
      basePath: '/api/engine-tasks',
      tag: 'test',
      summary: 'Test lifecycle',
      bindings: [taskBinding],
      response: taskResponse,
      present,
      afterCommit: () => app.deps.jobs.nudge(OUTBOX_JOB),
    }),
  );
};

const delivered: OutboxHandler = async (ctx, message) => {
  await ctx.db.insert(deliveries).values({ outboxId: message.id, topic: message.topic });
};

async function createTables(t: TestContext) {
  await t.db.execute(sql`CREATE TABLE IF NOT EXISTS engine_tasks (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(), title text NOT NULL, state text NOT NULL DEFAULT 'draft',
    holder_office uuid NOT NULL, developer_offices uuid[] NOT NULL, due_at timestamptz,
    version integer NOT NULL DEFAULT 1, created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now())`);
  await t.db.execute(
    sql`CREATE TABLE IF NOT EXISTS engine_deliveries (outbox_id integer PRIMARY KEY, topic text NOT NULL)`,
  );
}

/** A queue that never runs by itself: the test decides when the outbox is delivered. */
const idleQueue = (): JobQueue => ({
  runner: 'inline',
  start: async () => {},
  nudge: async () => {},
  stop: async () => {},
});

let t: TestContext;
let rhone: string;
let basRhin: string;
let developer: Agent;
let otherDirector: Agent;

beforeAll(async () => {
  t = await createTestContext(
    {},
    { queue: idleQueue, extra: { bindings: [taskBinding], routes: [taskRoutes], outboxHandlers: {} } },
  );
  await createTables(t);
  rhone = await organisationId(t.db, 'CPAM-69');
  basRhin = await organisationId(t.db, 'CPAM-67');
  developer = await login(
    t.app,
    (await createUser(t.db, { roles: ['developer'], organisationCode: 'CPAM-67' })).email,
  );
  otherDirector = await login(
    t.app,
    (await createUser(t.db, { roles: ['officeDirector'], organisationCode: 'CPAM-67' })).email,
  );
});
afterAll(() => t.close());

let officeCounter = 0;
/** A holder office of its own for each test (no test sees another's tasks), with its director signed in. */
async function holderWithDirector() {
  officeCounter += 1;
  const code = `CPAM-${String(officeCounter).padStart(2, '0')}`;
  const id = await organisationId(t.db, code);
  const agent = await login(
    t.app,
    (await createUser(t.db, { roles: ['officeDirector'], organisationCode: code })).email,
  );
  return { id, director: agent };
}

async function newTask(holder = rhone) {
  const [row] = await t.db
    .insert(tasks)
    .values({ title: 'Tâche', holderOffice: holder, developerOffices: [basRhin] })
    .returning();
  if (!row) throw new Error('no task');
  return row;
}
const fire = (agent: Agent, id: string, body: unknown) =>
  agent.post(`/api/engine-tasks/${id}/transitions`, body);
const auditOf = (id: string) =>
  t.db.select().from(auditEvents).where(eq(auditEvents.targetId, id)).orderBy(auditEvents.id);

describe('lifecycle engine: parties, inputs, guards', () => {
  it('lets the developer office submit with its typed input, recorded in the audit event; others are not parties (403)', async () => {
    const { id: holder, director } = await holderWithDirector();
    const task = await newTask(holder);
    const shown = (await developer.get(`/api/engine-tasks/${task.id}`)).json();
    const submit = shown.transitions.find((x: { action: string }) => x.action === 'submit');
    expect(submit).toMatchObject({ allowed: true, to: ['submitted'] });
    expect(submit.parties[0].label.fr).toBe("Développeur d'un organisme développeur (CPAM du Bas-Rhin)");
    expect(submit.input.required).toEqual(['dueOn']);

    const refused = await fire(director, task.id, {
      action: 'submit',
      version: 1,
      input: { dueOn: '2030-01-31' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ refusal: { code: 'notParty' } });
    expect(refused.json().detail).toContain("Développeur d'un organisme développeur");

    const bad = await fire(developer, task.id, {
      action: 'submit',
      version: 1,
      input: { dueOn: '31/01/2030' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: 'input.dueOn', message: 'La date limite doit être une date (AAAA-MM-JJ).' },
    ]);

    const ok = await fire(developer, task.id, {
      action: 'submit',
      version: 1,
      input: { dueOn: '2030-01-31' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'submitted', version: 2 });
    const [event] = await auditOf(task.id);
    expect(event).toMatchObject({
      action: 'engineTask.submit',
      actorKind: 'user',
      details: {
        lifecycle: 'engineTask',
        transition: 'submit',
        from: 'draft',
        to: 'submitted',
        input: { dueOn: '2030-01-31' },
      },
    });
    const [row] = await t.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row?.dueAt?.toISOString()).toBe('2030-01-31T23:59:59.000Z');
  });

  it('lets only the director of the holder office decide (the other office director is refused)', async () => {
    const { id: holder, director } = await holderWithDirector();
    const task = await newTask(holder);
    await fire(developer, task.id, { action: 'submit', version: 1, input: { dueOn: '2030-01-31' } });
    const seenByOther = (await otherDirector.get(`/api/engine-tasks/${task.id}`)).json();
    expect(seenByOther.transitions.find((x: { action: string }) => x.action === 'reject')).toMatchObject({
      allowed: false,
      reason: { kind: 'notParty', code: 'notParty' },
    });
    expect(
      (await fire(otherDirector, task.id, { action: 'reject', version: 2, input: { reason: 'Non' } }))
        .statusCode,
    ).toBe(403);
    const rejected = await fire(director, task.id, {
      action: 'reject',
      version: 2,
      input: { reason: 'Hors périmètre' },
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json().state).toBe('rejected');
    const again = await fire(director, task.id, { action: 'approve', version: 3 });
    expect(again.statusCode).toBe(409);
    expect(again.json().refusal.code).toBe('wrongState');
  });

  it('refuses with a coded guard (422) whose parameters reach the message, and offers the same refusal on GET', async () => {
    const { id: holder } = await holderWithDirector();
    for (let i = 0; i < 2; i++) {
      const task = await newTask(holder);
      expect(
        (await fire(developer, task.id, { action: 'submit', version: 1, input: { dueOn: '2030-01-31' } }))
          .statusCode,
      ).toBe(200);
    }
    const third = await newTask(holder);
    const offered = (await developer.get(`/api/engine-tasks/${third.id}`)).json();
    expect(offered.transitions.find((x: { action: string }) => x.action === 'submit')).toMatchObject({
      allowed: false,
      reason: {
        kind: 'guard',
        code: 'tooMany',
        params: { max: 2 },
        message: { en: expect.stringContaining('2 submitted') },
      },
    });
    const refused = await fire(developer, third.id, {
      action: 'submit',
      version: 1,
      input: { dueOn: '2030-01-31' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      refusal: { code: 'tooMany', params: { max: 2 } },
      detail: "L'organisme porteur a déjà 2 tâches soumises : attendez une décision.",
    });
    const [row] = await t.db.select().from(tasks).where(eq(tasks.id, third.id));
    expect(row).toMatchObject({ state: 'draft', version: 1 });
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const { id: holder, director } = await holderWithDirector();
    const task = await newTask(holder);
    await fire(developer, task.id, { action: 'submit', version: 1, input: { dueOn: '2030-01-31' } });
    const stale = await fire(director, task.id, { action: 'approve', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('staleVersion');
    expect((await auditOf(task.id)).map((e) => e.action)).toEqual(['engineTask.submit']);
    expect(
      await t.db.select().from(outboxMessages).where(sql`${outboxMessages.payload}->>'taskId' = ${task.id}`),
    ).toEqual([]);
  });

  it('never lets a person fire a system transition', async () => {
    const task = await newTask((await holderWithDirector()).id);
    await fire(developer, task.id, { action: 'submit', version: 1, input: { dueOn: '2030-01-31' } });
    const admin = await login(t.app, (await createUser(t.db, { roles: ['admin'] })).email);
    expect((await fire(admin, task.id, { action: 'expire', version: 2 })).statusCode).toBe(403);
  });
});

describe('lifecycle engine: the system actor and deadlines', () => {
  it('expires what is overdue when the clock passes the deadline, audited as the system', async () => {
    const task = await newTask((await holderWithDirector()).id);
    await fire(developer, task.id, { action: 'submit', version: 1, input: { dueOn: '2030-01-31' } });
    const ctx = { actor: null, db: t.db, log: t.app.log, requestId: null };
    const before = await fireDueTransitions(
      { ...ctx, system: systemActor(DEADLINES_JOB) },
      t.app.deps.authorizer,
      t.app.deps.bindings,
      new Date('2030-01-31T12:00:00Z'),
    );
    expect(before.fired.filter((f) => f.id === task.id)).toEqual([]);
    const after = await fireDueTransitions(
      { ...ctx, system: systemActor(DEADLINES_JOB) },
      t.app.deps.authorizer,
      t.app.deps.bindings,
      new Date('2030-02-01T00:00:01Z'),
    );
    expect(after.fired).toContainEqual({ lifecycle: 'engineTask', transition: 'expire', id: task.id });
    const [row] = await t.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row?.state).toBe('expired');
    const events = await auditOf(task.id);
    expect(events.at(-1)).toMatchObject({
      action: 'engineTask.expire',
      actorKind: 'system',
      actorUserId: null,
      details: { transition: 'expire', job: DEADLINES_JOB },
    });
  });
});

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
