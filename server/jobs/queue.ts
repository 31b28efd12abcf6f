import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/client.ts';

/** A queue's work: what runs for each job (pg-boss retries it with backoff when it throws). */
export interface JobDefinition {
  name: string;
  run(): Promise<unknown>;
  /** Cron expression (UTC) for work that also runs on a clock (backstops, deadlines). */
  cron?: string;
}

/** The background jobs of the server, whatever runs them. */
export interface JobQueue {
  /** pg-boss in the application's database, or runs in-process when nudged (tests, the CLI). */
  readonly runner: 'pg-boss' | 'inline';
  start(): Promise<void>;
  /** Asks for a run of a queue soon (after a commit that wrote work for it); runs coalesce. */
  nudge(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * pg-boss 10 in the application's own database, through the application's own client: the pool on
 * PostgreSQL, the one connection of the embedded PGlite (parameterised statements with `query`,
 * pg-boss's multi-statement migrations with `exec`). It installs its schema (`pgboss`) and polls on
 * PGlite as on PostgreSQL (see docs/architecture.md).
 */
export function createPgBossQueue(
  handle: DatabaseHandle,
  options: {
    url?: string | undefined;
    log: FastifyBaseLogger;
    jobs: JobDefinition[];
    pollingSeconds?: number;
  },
): JobQueue {
  const connection: PgBoss.ConstructorOptions = options.url
    ? { connectionString: options.url, max: 3 }
    : { db: sqlExecutor(handle) };
  const boss = new PgBoss({ ...connection, schema: 'pgboss', supervise: true, schedule: true });
  boss.on('error', (error) => options.log.error({ err: error }, 'job queue error'));
  let started = false;
  return {
    runner: 'pg-boss',
    async start() {
      // pg-boss installs its schema, and each queue is a partition of its job table made by the first
      // createQueue: instances starting together on an empty database do both in turn, under the start-up
      // lock. Side by side, one instance's schema creation failed on the other's (duplicate key on
      // pg_namespace: pg-boss only forgives "already exists"), and two create_queue of different queues
      // deadlocked (each inserts its row into pgboss.queue, then adds a foreign key to that table).
      await handle.exclusively(async () => {
        await boss.start();
        for (const job of options.jobs)
          await boss.createQueue(job.name, {
            name: job.name,
            policy: 'stately',
            retryLimit: 5,
            retryBackoff: true,
          });
      });
      if (handle.kind === 'embedded') await failJobsOfDeadProcess(boss, handle, options.log);
      for (const job of options.jobs) {
        await boss.work(job.name, { pollingIntervalSeconds: options.pollingSeconds ?? 2 }, async () => {
          await job.run();
        });
        if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
      }
      started = true;
      // Work left by a previous run (a crash between commit and delivery) is picked up now.
      for (const job of options.jobs) await boss.send(job.name, {});
    },
    async nudge(name) {
      if (started) await boss.send(name, {});
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      started = false;
    },
  };
}

/**
 * The embedded database belongs to this one process: a job still `active` at start was left by a
 * process that died mid-run (SIGKILL, power cut). pg-boss would keep it active until it expires (15
 * minutes), and our queues take one active job at a time (`stately`), so everything behind it — the
 * e-mails of the outbox among them — would wait that long. Failing it now lets pg-boss retry it at once.
 * On PostgreSQL another worker may be running it: there the expiry stays the only judge.
 */
async function failJobsOfDeadProcess(boss: PgBoss, handle: DatabaseHandle, log: FastifyBaseLogger) {
  const { rows } = await sqlExecutor(handle).executeSql(
    "SELECT id, name FROM pgboss.job WHERE state = 'active'",
    [],
  );
  for (const { id, name } of rows as { id: string; name: string }[])
    await boss.fail(name, id, { message: 'left active by a process that stopped; retried at start' });
  if (rows.length > 0) log.warn({ jobs: rows.length }, 'jobs left active by a stopped process: retried');
}

interface PgliteLike {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(text: string): Promise<{ rows: unknown[] }[]>;
}

function sqlExecutor(handle: DatabaseHandle): PgBoss.Db {
  if (handle.kind === 'postgres') {
    const pool = (handle.db as unknown as { $client: { query: PgBoss.Db['executeSql'] } }).$client;
    return { executeSql: (text, values) => pool.query(text, values) };
  }
  const client = (handle.db as unknown as { $client: PgliteLike }).$client;
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

/** Runs the jobs in-process when asked, without a queue: for tests and the CLI, where nothing polls. */
export function createInlineQueue(jobs: JobDefinition[]): JobQueue & { runAll(): Promise<void> } {
  const byName = new Map(jobs.map((job) => [job.name, job]));
  return {
    runner: 'inline',
    start: async () => undefined,
    nudge: async (name) => {
      await byName.get(name)?.run();
    },
    stop: async () => undefined,
    runAll: async () => {
      for (const job of jobs) await job.run();
    },
  };
}
