import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntegrations } from '../../integrations/index.ts';
import { createSheet, designerAndOthers } from '../../test/catalog-fixtures.ts';
import { type FakeJenkins, startFakeJenkins } from '../../test/fake-jenkins.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { syncBuilds } from './builds.service.ts';

let jenkins: FakeJenkins;
let t: TestContext;
let clock = new Date('2026-11-30T10:00:00Z');

beforeAll(async () => {
  jenkins = await startFakeJenkins();
  const settings = { url: jenkins.url, user: jenkins.user, token: jenkins.token };
  t = await createTestContext(
    { jenkins: settings },
    {
      now: () => clock,
      integrations: createIntegrations(
        { gitlab: null, jenkins: settings } as Parameters<typeof createIntegrations>[0],
        {
          sleep: async () => undefined,
        },
      ),
    },
  );
}, 120_000);
afterAll(async () => {
  await t.close();
  await jenkins.close();
});

const sync = () =>
  syncBuilds({ db: t.db, log: t.app.log, integrations: t.app.deps.integrations, now: () => clock });

describe('build health on a sheet (local Jenkins speaking its JSON API)', () => {
  it('shows the last finished build, the one running, the tests, and the data of the last success when Jenkins is down', async () => {
    const { developer: designer, rhone: designerOffice } = await designerAndOthers(t);
    jenkins.jobs.set('cpam-69/conges-jenkins', {
      color: 'blue_anime',
      builds: [
        { number: 7, result: 'SUCCESS', timestamp: Date.parse('2026-11-29T08:00:00Z'), duration: 95_000 },
        { number: 8, result: null, timestamp: Date.parse('2026-11-30T09:59:00Z'), duration: 0 },
      ],
      tests: new Map([[7, { passCount: 210, failCount: 0, skipCount: 1 }]]),
    });
    const sheet = await createSheet(designer, designerOffice, {
      name: 'Congés sur Jenkins',
      forgeUrl: 'https://forge.example.fr/cpam-69/conges-jenkins',
    });
    const url = `/api/applications/${sheet.id}/builds`;
    expect((await designer.get(url)).json()).toMatchObject({
      configured: true,
      state: 'pending',
      health: null,
    });

    await sync();
    const fresh = (await designer.get(url)).json();
    expect(fresh).toMatchObject({
      state: 'fresh',
      source: 'jenkins',
      jobPath: 'cpam-69/conges-jenkins',
      fetchedAt: '2026-11-30T10:00:00.000Z',
      health: {
        status: 'passing',
        building: true,
        lastBuild: {
          number: 7,
          result: 'SUCCESS',
          durationMs: 95_000,
          startedAt: '2026-11-29T08:00:00.000Z',
        },
        tests: { passed: 210, failed: 0, skipped: 1 },
      },
    });

    clock = new Date('2026-11-30T11:00:00Z');
    jenkins.fail('/job/cpam-69/job/conges-jenkins/api/json', 502, 3);
    await sync();
    const down = await designer.get(url);
    expect(down.statusCode).toBe(200);
    expect(down.json()).toMatchObject({
      state: 'stale',
      fetchedAt: '2026-11-30T10:00:00.000Z',
      lastError: 'Jenkins ne répond pas correctement (erreur 502) après 3 tentatives : réessayez plus tard.',
      health: { lastBuild: { number: 7 } },
    });

    // Later, a failed build makes the sheet's health failing.
    clock = new Date('2026-11-30T12:00:00Z');
    jenkins.jobs.get('cpam-69/conges-jenkins')?.builds.push({
      number: 9,
      result: 'FAILURE',
      timestamp: Date.parse('2026-11-30T11:30:00Z'),
      duration: 40_000,
    });
    await sync();
    expect((await designer.get(url)).json().health).toMatchObject({
      status: 'failing',
      lastBuild: { number: 9 },
    });
  });

  it('says a sheet without a forge address has no job, and 404s an unknown sheet in French', async () => {
    const { developer: designer, rhone: designerOffice } = await designerAndOthers(t);
    const sheet = await createSheet(designer, designerOffice, { name: 'Sans adresse' });
    expect((await designer.get(`/api/applications/${sheet.id}/builds`)).json()).toMatchObject({
      state: 'notLinked',
    });
    const missing = await designer.get('/api/applications/00000000-0000-4000-8000-000000000000/builds');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toBe('Cette fiche est introuvable.');
  });
});
