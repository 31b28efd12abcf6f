import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageDto, DeveloperDirectoryDto } from '../../../common/schemas/community.ts';
import { createTestContext, login, type TestContext } from '../../test/harness.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedDemoCatalogue } from './seed-catalogue.ts';
import { seedDemoCommunity } from './seed-community.ts';
import { seedDemoSupport } from './seed-support.ts';

/** The demo community: the two demo developers' profiles, and an office applying for an uncovered region. */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.db, 'demo demo demo demo');
  expect(await seedDemoCommunity(t.db)).toEqual({ created: 5 });
}, 60_000);
afterAll(() => t.close());

describe('the demo community', () => {
  it('shows a trained referent and a developer in the directory, and Provence-Alpes-Côte d’Azur applied for', async () => {
    const agent = await login(t.app, 'agent.rhone@mutualis.demo', 'demo demo demo demo');
    const directory = (await agent.get('/api/developers')).json<DeveloperDirectoryDto>();
    expect(directory.items.map((d) => [d.displayName, d.isReferent, d.trainedAt])).toEqual([
      ['Karim Benali', false, null],
      ['Léa Schmitt', true, '2018-06-14'],
    ]);
    const coverage = (await agent.get('/api/referents/coverage')).json<CoverageDto>();
    expect(coverage.regions.find((r) => r.region === 'provence-alpes-cote-d-azur')).toMatchObject({
      referents: [],
      pendingApplications: 1,
    });
    expect(coverage.covered).toBe(8);
    const sessions = (await agent.get('/api/training-sessions')).json();
    expect(sessions.items.map((s: { region: string }) => s.region)).toEqual(['grand-est']);
    const referent = await login(t.app, 'dev.basrhin@mutualis.demo', 'demo demo demo demo');
    const demand = (await referent.get('/api/training-demand')).json();
    expect(demand.regions[0].requests[0].developer.displayName).toBe('Karim Benali');
  });

  it('is written once', async () => {
    expect(await seedDemoCommunity(t.db)).toEqual({ created: 0 });
  });
});

/** The whole demo writes the support after the community, as the server does at boot. */
describe('the demo directory with the support demo', () => {
  let all: TestContext;
  beforeAll(async () => {
    all = await createTestContext();
    await seedDemo(all.db, 'demo demo demo demo');
    await seedDemoCatalogue(all.db);
    await seedDemoCommunity(all.db);
    expect(await seedDemoSupport(all.db)).toEqual({ created: 12 });
  }, 120_000);
  afterAll(() => all.close());

  it('counts the two trained requesters of the support tickets, who sign in only through the directory of the network', async () => {
    const agent = await login(all.app, 'agent.rhone@mutualis.demo', 'demo demo demo demo');
    const directory = (await agent.get('/api/developers')).json<DeveloperDirectoryDto>();
    expect(directory.items.map((d) => [d.displayName, d.office.name, d.trainedAt])).toEqual([
      ['Camille Lefèvre', 'CPAM du Calvados', '2025-10-09'],
      ['Julie Roth', 'CPAM du Haut-Rhin', '2025-10-09'],
      ['Karim Benali', 'CPAM des Bouches-du-Rhône', null],
      ['Léa Schmitt', 'CPAM du Bas-Rhin', '2018-06-14'],
    ]);
    // The figures above the directory: « 4 personne(s) · 3 formé(s) au starter kit · 1 disponible(s) » (Léa Schmitt).
    expect(directory).toMatchObject({ total: 4, facets: { trained: 3, available: 1 } });
    expect(directory.facets.regions).toEqual(
      expect.arrayContaining([
        { value: 'grand-est', count: 2 },
        { value: 'normandie', count: 1 },
        { value: 'provence-alpes-cote-d-azur', count: 1 },
      ]),
    );
    // Nobody knows their password: the demo one does not open their accounts.
    for (const email of ['dev.hautrhin@mutualis.demo', 'dev.calvados@mutualis.demo']) {
      const denied = await all.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'demo demo demo demo' },
      });
      expect(denied.statusCode).toBe(401);
    }
    // Adding them covers no region: Normandy still has no referent, as its tickets go to the national team.
    const coverage = (await agent.get('/api/referents/coverage')).json<CoverageDto>();
    expect(coverage.covered).toBe(8);
    expect(coverage.regions.find((r) => r.region === 'normandie')).toMatchObject({ referents: [] });
  });
});
