import type { Config } from '../config.ts';
import type { DatabaseHandle } from './client.ts';
import { seedDemoAcceptance } from './demo/seed-acceptance.ts';
import { seedDemoBoard } from './demo/seed-board.ts';
import { seedDemoCalls } from './demo/seed-calls.ts';
import { seedDemoCatalogue } from './demo/seed-catalogue.ts';
import { seedDemoClubs } from './demo/seed-clubs.ts';
import { seedDemoCommunity } from './demo/seed-community.ts';
import { seedDemoCompensation } from './demo/seed-compensation.ts';
import { seedDemoEvaluations } from './demo/seed-evaluations.ts';
import { seedDemoForge } from './demo/seed-forge.ts';
import { seedDemoHosting } from './demo/seed-hosting.ts';
import { seedDemoNotifications } from './demo/seed-notifications.ts';
import { seedDemoProjects } from './demo/seed-projects.ts';
import { seedDemoProposals } from './demo/seed-proposals.ts';
import { seedDemoReferential } from './demo/seed-referential.ts';
import { seedDemoStore } from './demo/seed-store.ts';
import { seedDemoSupport } from './demo/seed-support.ts';
import { loadReferenceData } from './reference/load-reference.ts';
import { seedDemo } from './seed-demo.ts';

/**
 * The demo data, each part on a database that has none of it yet (each seeder counts its own rows
 * first); the number of rows each part created, under the names the start's log gives them.
 */
async function seedDemoData(database: DatabaseHandle, config: Config) {
  const db = database.db;
  return {
    demoAccountsCreated: (await seedDemo(db, config.demoPassword)).created,
    demoApplicationsCreated: (await seedDemoCatalogue(db)).created,
    demoProjectsCreated: (await seedDemoProjects(db)).created,
    demoEvaluationsCreated: (await seedDemoEvaluations(db)).created,
    demoCampaignsCreated: (await seedDemoAcceptance(db, config)).created,
    demoNotificationsCreated: (await seedDemoNotifications(db)).created,
    demoRequestsCreated: (await seedDemoStore(db)).created,
    demoBudgetsCreated: (await seedDemoHosting(db)).created,
    demoForgeActivityCreated: (await seedDemoForge(db)).created,
    demoCommunityCreated: (await seedDemoCommunity(db)).created,
    demoCallsCreated: (await seedDemoCalls(db)).created,
    demoProposalsCreated: (await seedDemoProposals(db)).created,
    demoBoardMeetingsCreated: (await seedDemoBoard(db)).created,
    demoReferentialPagesCreated: (await seedDemoReferential(db)).created,
    demoAgreementsCreated: (await seedDemoCompensation(db)).created,
    demoClubsCreated: (await seedDemoClubs(db)).created,
    demoSupportTicketsCreated: (await seedDemoSupport(db)).created,
  };
}

/**
 * What a server does to its database before it serves: the migrations, the reference lists, and the
 * demo data when `MUTUALIS_DEMO` is on — all under the start-up lock, so instances started together on
 * one (even empty) database do it one after the other, the later ones finding it done. Each seeder's
 * "is there any yet?" followed by its inserts is not safe side by side: two instances both found no demo
 * account and both inserted them.
 */
export function prepareDatabase(database: DatabaseHandle, config: Config) {
  return database.exclusively(async () => {
    await database.migrate();
    const reference = await loadReferenceData(database.db);
    const demo: Partial<Awaited<ReturnType<typeof seedDemoData>>> = config.demo
      ? await seedDemoData(database, config)
      : {};
    return { reference, ...demo };
  });
}
