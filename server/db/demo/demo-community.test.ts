import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoverageDto, DeveloperDirectoryDto } from '../../../common/schemas/community.ts';
import { createTestContext, login, type TestContext } from '../../test/harness.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedDemoCommunity } from './seed-community.ts';

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
