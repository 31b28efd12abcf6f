import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll } from 'vitest';
import { z } from 'zod';
import { defineLifecycle, developerOf, directorOf, role, system } from '../../common/lifecycle.ts';
import { idParamsSchema, problemSchema } from '../../common/schemas/common.ts';
import { lifecycleViewSchema, transitionSchema } from '../../common/schemas/lifecycle.ts';
import type { Executor } from '../db/client.ts';
import { auditEvents } from '../db/schema.ts';
import { OUTBOX_JOB } from '../jobs/jobs.ts';
import type { OutboxHandler } from '../jobs/outbox.ts';
import type { JobQueue } from '../jobs/queue.ts';
import {
  type Agent,
  createTestContext,
  createUser,
  login,
  organisationId,
  type TestContext,
} from '../test/harness.ts';
import { describeLifecycles, describeTransitions, type LifecycleBinding } from './lifecycle.ts';
import { lifecycleRoutes } from './lifecycle-routes.ts';
import { versionedRowStore } from './versioned-row.queries.ts';

/**
 * The engine on a small lifecycle of its own: a task asked by a holder office, prepared by developer
 * offices, decided by the holder's director, expired by the system when its deadline passes. Its table
 * is created by this test in its own database.
 */
export const tasks = pgTable('engine_tasks', {
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
export const deliveries = pgTable('engine_deliveries', {
  outboxId: integer('outbox_id').primaryKey(),
  topic: text('topic').notNull(),
});
export type Task = typeof tasks.$inferSelect;
export type TaskState = 'draft' | 'submitted' | 'approved' | 'rejected' | 'expired';
export interface TaskFacts {
  submittedByHolder: number;
}

export const taskLifecycle = defineLifecycle<
  TaskState,
  'submit' | 'approve' | 'reject' | 'expire',
  TaskFacts
>({
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

export async function dueTasks(db: Executor, now: Date) {
  const rows = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(sql`${tasks.state} = 'submitted' AND ${tasks.dueAt} < ${now.toISOString()}`);
  return rows.map((r) => r.id);
}

export const taskBinding: LifecycleBinding<
  TaskState,
  'submit' | 'approve' | 'reject' | 'expire',
  TaskFacts,
  Task
> = {
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

export const taskResponse = z.object({
  id: z.string(),
  state: z.string(),
  version: z.number(),
  transitions: z.array(transitionSchema),
  lifecycles: z.array(lifecycleViewSchema),
});

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
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

export const delivered: OutboxHandler = async (ctx, message) => {
  await ctx.db.insert(deliveries).values({ outboxId: message.id, topic: message.topic });
};

export async function createTables(t: TestContext) {
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
export const idleQueue = (): JobQueue => ({
  runner: 'inline',
  start: async () => {},
  nudge: async () => {},
  stop: async () => {},
});

export let t: TestContext;
export let rhone: string;
export let basRhin: string;
export let developer: Agent;
export let otherDirector: Agent;

/** Registers the engine's database and agents for the tests of the file that calls it. */
export function withEngine() {
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
}

let officeCounter = 0;
/** A holder office of its own for each test (no test sees another's tasks), with its director signed in. */
export async function holderWithDirector() {
  officeCounter += 1;
  const code = `CPAM-${String(officeCounter).padStart(2, '0')}`;
  const id = await organisationId(t.db, code);
  const agent = await login(
    t.app,
    (await createUser(t.db, { roles: ['officeDirector'], organisationCode: code })).email,
  );
  return { id, director: agent };
}

export async function newTask(holder = rhone) {
  const [row] = await t.db
    .insert(tasks)
    .values({ title: 'Tâche', holderOffice: holder, developerOffices: [basRhin] })
    .returning();
  if (!row) throw new Error('no task');
  return row;
}
export const fire = (agent: Agent, id: string, body: unknown) =>
  agent.post(`/api/engine-tasks/${id}/transitions`, body);
export const auditOf = (id: string) =>
  t.db.select().from(auditEvents).where(eq(auditEvents.targetId, id)).orderBy(auditEvents.id);
