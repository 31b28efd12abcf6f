import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectLifecycle } from '../../../common/lifecycles/project.ts';
import { PROJECT_PHASES } from '../../../common/projects.ts';
import type { MatchmakingDto } from '../../../common/schemas/matchmaking.ts';
import { PROJECT_TRACKS, trackRules } from '../../../common/tracks.ts';
import { projectFacts } from '../../modules/projects/projects.lifecycle.ts';
import { findProjectSubjects } from '../../modules/projects/projects.queries.ts';
import { createTestContext, login, type TestContext } from '../../test/harness.ts';
import { projectComments, projects } from '../schema.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedDemoCatalogue } from './seed-catalogue.ts';
import { seedDemoNotifications } from './seed-notifications.ts';
import { seedDemoProjects } from './seed-projects.ts';

/** The demo projects: every track and phase, and consistent with the track rules and the demo catalogue. */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.db, 'demo demo demo demo');
  await seedDemoCatalogue(t.db);
  expect(await seedDemoProjects(t.db)).toEqual({ created: 25 });
}, 120_000);
afterAll(() => t.close());

async function subjects() {
  const ids = (await t.db.select({ id: projects.id }).from(projects)).map((r) => r.id);
  return findProjectSubjects(t.db, ids);
}

describe('the demo projects', () => {
  it('cover the four tracks and every phase, and are loaded once', async () => {
    const rows = await subjects();
    expect(rows).toHaveLength(25);
    expect(new Set(rows.map((r) => r.track))).toEqual(new Set(PROJECT_TRACKS));
    expect(new Set(rows.map((r) => r.phase))).toEqual(new Set(PROJECT_PHASES));
    expect(await seedDemoProjects(t.db)).toEqual({ created: 0 });
  });

  it('hold to the track rules: what entered development passed its guards, what was delivered has its report or its sheet', async () => {
    const guards = projectLifecycle.transitions.startDevelopment.guards ?? [];
    const started = ['development', 'acceptance', 'delivered'];
    const broken: string[] = [];
    for (const row of await subjects()) {
      const facts = projectFacts(row);
      const phase = row.phase === 'suspended' ? row.suspendedFrom : row.phase;
      if (started.includes(phase ?? '')) {
        const input = { startedOn: row.actualDates.development?.start ?? undefined };
        for (const guard of guards) {
          const refusal = guard(facts, input);
          if (refusal) broken.push(`${row.title}: ${refusal.code}`);
        }
      }
      if (row.amStore && !trackRules(row.track).mayUseAmCloudStore) broken.push(`${row.title}: amStore`);
      if (row.phase === 'delivered') {
        const catalogue = trackRules(row.track).delivers === 'catalogueSheet';
        if (catalogue !== !!row.applicationId) broken.push(`${row.title}: sheet`);
        if (trackRules(row.track).acceptanceReportRequired && !facts.acceptanceReportSigned)
          broken.push(`${row.title}: report`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('give the demo sponsor a queue and the demo developer projects to act on', async () => {
    const sponsor = await login(t.app, 'sponsor@mutualis.demo', 'demo demo demo demo');
    const queue = (await sponsor.get('/api/sponsorship-requests')).json().items as { ageDays: number }[];
    expect(queue.length).toBeGreaterThanOrEqual(3);
    expect(queue[0]?.ageDays).toBeGreaterThan(queue.at(-1)?.ageDays ?? 0);
    const developer = await login(t.app, 'dev.basrhin@mutualis.demo', 'demo demo demo demo');
    const page = (await developer.get('/api/projects?organisation=CPAM-67&pageSize=50')).json();
    expect(page.total).toBeGreaterThanOrEqual(8);
    const inDevelopment = page.items.find((i: { phase: string }) => i.phase === 'development');
    const detail = (await developer.get(`/api/projects/${inDevelopment.id}`)).json();
    expect(detail.transitions.some((x: { allowed: boolean }) => x.allowed)).toBe(true);
  });

  it('give « besoins et forces » its matches: each need of the demo finds an office, for its reasons', async () => {
    const developer = await login(t.app, 'dev.basrhin@mutualis.demo', 'demo demo demo demo');
    const page = (await developer.get('/api/matchmaking')).json() as MatchmakingDto;
    const pairs = page.matches.items.map(
      (m) => `${m.organisation.code} → ${m.project.title}: ${m.reasons.map((r) => r.code).join(' ')}`,
    );
    expect(pairs).toEqual(
      expect.arrayContaining([
        'CPAM-67 → Tableau de bord des délais de paiement des IJ: skills sameDomain enoughPersonDays',
        'CPAM-69 → Rendez-vous en ligne pour les assurés: skills enoughPersonDays',
        'CPAM-35 → Suivi des demandes de matériel des agents: skills',
        'CTI-NE → Prévention des chutes des personnes âgées: skills enoughPersonDays',
      ]),
    );
    // The past quarter of CPAM-13 is not offered any more.
    expect(page.capacities.items.map((c) => c.organisation.code)).not.toContain('CPAM-13');
    expect(page.capacities.items.length).toBeGreaterThanOrEqual(5);
  });

  it('date their updates and comments in the past, at spread working hours, not all at the minute of the seed', async () => {
    const now = Date.now();
    const updated = (await t.db.select({ at: projects.updatedAt }).from(projects)).map((r) => r.at);
    const commented = (await t.db.select({ at: projectComments.createdAt }).from(projectComments)).map(
      (r) => r.at,
    );
    const times = [...updated, ...commented];
    expect(commented.length).toBeGreaterThan(3);
    for (const at of times) expect(at.getTime()).toBeLessThanOrEqual(now);
    const minutes = new Set(times.map((at) => at.toISOString().slice(11, 16)));
    expect(minutes.size).toBeGreaterThan(5);
    const paris = (at: Date) =>
      Number(at.toLocaleString('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit' }).slice(0, 2));
    expect(times.filter((at) => paris(at) < 8 || paris(at) > 17)).toEqual([]);
  });
});

describe('the demo notifications', () => {
  it('give the demo accounts a bell that is not empty, once', async () => {
    expect(await seedDemoNotifications(t.db)).toEqual({ created: 5 });
    expect(await seedDemoNotifications(t.db)).toEqual({ created: 0 });
    const sponsor = await login(t.app, 'sponsor@mutualis.demo', 'demo demo demo demo');
    const page = (await sponsor.get('/api/notifications?unread=true')).json();
    expect(page.unread).toBe(1);
    expect(page.items[0].text.fr).toMatch(
      /demande à Cnam — Direction déléguée .* de sponsoriser le projet « .+ »/,
    );
  });
});
