import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { seedDemoAcceptance } from './db/demo/seed-acceptance.ts';
import { seedDemoBoard } from './db/demo/seed-board.ts';
import { seedDemoCalls } from './db/demo/seed-calls.ts';
import { seedDemoCatalogue } from './db/demo/seed-catalogue.ts';
import { seedDemoClubs } from './db/demo/seed-clubs.ts';
import { seedDemoCommunity } from './db/demo/seed-community.ts';
import { seedDemoCompensation } from './db/demo/seed-compensation.ts';
import { seedDemoEvaluations } from './db/demo/seed-evaluations.ts';
import { seedDemoForge } from './db/demo/seed-forge.ts';
import { seedDemoHosting } from './db/demo/seed-hosting.ts';
import { seedDemoNotifications } from './db/demo/seed-notifications.ts';
import { seedDemoProjects } from './db/demo/seed-projects.ts';
import { seedDemoProposals } from './db/demo/seed-proposals.ts';
import { seedDemoReferential } from './db/demo/seed-referential.ts';
import { seedDemoStore } from './db/demo/seed-store.ts';
import { seedDemoSupport } from './db/demo/seed-support.ts';
import { loadReferenceData } from './db/reference/load-reference.ts';
import { seedDemo } from './db/seed-demo.ts';
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
  await database.migrate();
  const reference = await loadReferenceData(database.db);
  const demo = config.demo ? await seedDemo(database.db, config.demoPassword) : { created: 0 };
  const demoCatalogue = config.demo ? await seedDemoCatalogue(database.db) : { created: 0 };
  const demoProjects = config.demo ? await seedDemoProjects(database.db) : { created: 0 };
  const demoEvaluations = config.demo ? await seedDemoEvaluations(database.db) : { created: 0 };
  const demoCampaigns = config.demo ? await seedDemoAcceptance(database.db, config) : { created: 0 };
  const demoNotifications = config.demo ? await seedDemoNotifications(database.db) : { created: 0 };
  const demoRequests = config.demo ? await seedDemoStore(database.db) : { created: 0 };
  const demoBudgets = config.demo ? await seedDemoHosting(database.db) : { created: 0 };
  const demoForge = config.demo ? await seedDemoForge(database.db) : { created: 0 };
  const demoCommunity = config.demo ? await seedDemoCommunity(database.db) : { created: 0 };
  const demoCalls = config.demo ? await seedDemoCalls(database.db) : { created: 0 };
  const demoProposals = config.demo ? await seedDemoProposals(database.db) : { created: 0 };
  const demoBoard = config.demo ? await seedDemoBoard(database.db) : { created: 0 };
  const demoReferential = config.demo ? await seedDemoReferential(database.db) : { created: 0 };
  const demoAgreements = config.demo ? await seedDemoCompensation(database.db) : { created: 0 };
  const demoClubs = config.demo ? await seedDemoClubs(database.db) : { created: 0 };
  const demoTickets = config.demo ? await seedDemoSupport(database.db) : { created: 0 };

  const app = await buildApp({
    db: database.db,
    config,
    queue: (jobs, log) => createPgBossQueue(database, { log, jobs }),
  });
  app.log.info(
    {
      database: database.kind,
      reference,
      demoAccountsCreated: demo.created,
      demoApplicationsCreated: demoCatalogue.created,
      demoProjectsCreated: demoProjects.created,
      demoEvaluationsCreated: demoEvaluations.created,
      demoForgeActivityCreated: demoForge.created,
      demoCampaignsCreated: demoCampaigns.created,
      demoNotificationsCreated: demoNotifications.created,
      demoRequestsCreated: demoRequests.created,
      demoBudgetsCreated: demoBudgets.created,
      demoCommunityCreated: demoCommunity.created,
      demoCallsCreated: demoCalls.created,
      demoProposalsCreated: demoProposals.created,
      demoBoardMeetingsCreated: demoBoard.created,
      demoReferentialPagesCreated: demoReferential.created,
      demoSupportTicketsCreated: demoTickets.created,
      demoAgreementsCreated: demoAgreements.created,
      demoClubsCreated: demoClubs.created,
    },
    'database ready',
  );

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
  await app.deps.jobs.start();
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
