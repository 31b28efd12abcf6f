import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { prepareDatabase } from './db/prepare.ts';
import { createPgBossQueue } from './jobs/queue.ts';
import { purgeUnusedKnownDevices } from './modules/auth/login-attempts.queries.ts';

const HOUSEKEEPING_INTERVAL_MS = 15 * 60_000;

async function main() {
  const config = loadConfig();
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    sharedBuffers: config.embeddedSharedBuffers,
  });
  const prepared = await prepareDatabase(database, config);

  const app = await buildApp({
    db: database.db,
    config,
    queue: (jobs, log) => createPgBossQueue(database, { log, jobs }),
  });
  app.log.info({ database: database.kind, ...prepared }, 'database ready');

  // Ended sessions and the sign-in log are the retention job's (modules/retention), audited there.
  const housekeeping = setInterval(() => {
    purgeUnusedKnownDevices(database.db).catch((err) => app.log.warn({ err }, 'housekeeping failed'));
  }, HOUSEKEEPING_INTERVAL_MS);
  housekeeping.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    clearInterval(housekeeping);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  try {
    await app.deps.jobs.start();
  } catch (error) {
    // Stopped while the job queue was starting (a SIGTERM soon after the first requests): the stop closed
    // the pool under pg-boss's start, and the stop's own exit stands — a clean one.
    if (stopping) return;
    throw error;
  }
  if (stopping) return;
  // The catalogue is read into the search index now rather than by the first search.
  const warming = Date.now();
  app.deps.catalogue.warm().then(
    () => app.log.info({ ms: Date.now() - warming }, 'catalogue search index ready'),
    (error: unknown) => app.log.error({ err: error }, 'catalogue search index: first read failed'),
  );
  app.log.info('background jobs started (pg-boss: outbox, lifecycle deadlines, retention…)');
  app.log.info(`Mutualis est prêt : ${config.publicUrl}`);
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Échec du démarrage / start failed:', error);
  }
  process.exit(1);
});
