import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { createPgBossQueue } from './jobs/queue.ts';

/**
 * The background jobs without the HTTP server (`npm run cli -- worker`), for scaling out on PostgreSQL:
 * as many workers as wanted beside the servers, each taking jobs with pg-boss (and the outbox's
 * messages with FOR UPDATE SKIP LOCKED). Resolves when SIGTERM or SIGINT has stopped it.
 */
export async function runWorker() {
  const config = loadConfig();
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    sharedBuffers: config.embeddedSharedBuffers,
  });
  await database.migrate();
  const app = await buildApp({
    db: database.db,
    config,
    queue: (jobs, log) => createPgBossQueue(database, { log, jobs }),
  });
  await app.deps.jobs.start();
  app.log.info('background jobs started without the HTTP server (worker)');
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      app.log.info({ signal }, 'worker stopping');
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await app.close();
  await database.close();
}
