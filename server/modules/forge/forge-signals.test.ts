import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchedPackage } from '../../integrations/composer.ts';
import type { FetchedBuilds } from '../../integrations/jenkins.ts';
import { selectRows } from '../../lib/rows.ts';
import { createSheet, designerAndOthers, sheetBody } from '../../test/catalog-fixtures.ts';
import { createTestContext, organisationId, type TestContext } from '../../test/harness.ts';
import type { StoredForgeActivity } from './forge-activity.ts';
import { refreshForgeSignals } from './forge-signals.service.ts';
import { STARTER_KIT_PACKAGE } from './forge-signals.ts';
import { saveSnapshot } from './integrations.queries.ts';
import { LOCK_PREFIX } from './packages.service.ts';

/**
 * The catalogue's « Forge et usine logicielle » facet and the starter kit on the activity panel, from the
 * snapshots the GitLab, Jenkins and Composer syncs store (their tests run them against local servers that
 * speak those APIs; here the snapshots are written as they store them). No GitLab is configured: a forge
 * address is keyed by its path, as on a demonstration portal.
 */
let t: TestContext;
const now = new Date('2026-11-30T10:00:00Z');
const DAY = 24 * 3600_000;
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY).toISOString();

beforeAll(async () => {
  t = await createTestContext({}, { now: () => now });
}, 120_000);
afterAll(async () => {
  await t.close();
});

const snapshot = (system: 'gitlab' | 'jenkins' | 'composer', subject: string, data: unknown) =>
  saveSnapshot(t.db, { system, subject, source: 'live', data, cursor: null, at: now });

const starterKit: FetchedPackage = {
  name: STARTER_KIT_PACKAGE,
  description: 'Starter kit PHP',
  lastModified: null,
  versions: ['v3.2.0', 'v3.1.4', 'v3.1.0', 'v3.0.2'].map((version, i) => ({
    version,
    releasedAt: daysAgo(20 + 60 * i),
    licences: ['EUPL-1.2'],
  })),
};

function activity(path: string, commitDays: number[], releaseDays: number): StoredForgeActivity {
  const webUrl = `https://forge.test/${path}`;
  return {
    gitlabProjectId: 1,
    webUrl,
    pathWithNamespace: path,
    commits: commitDays.map((days, i) => ({
      sha: `${path}-${i}`,
      title: 'Correction',
      author: 'Claire Martin',
      date: daysAgo(days),
      url: `${webUrl}/-/commit/${i}`,
    })),
    openMergeRequests: { count: 0, items: [] },
    openIssues: { count: 0, items: [] },
    lastRelease: {
      tag: 'v1.0.0',
      name: 'Version 1',
      date: daysAgo(releaseDays),
      url: `${webUrl}/-/releases`,
    },
    lastPipeline: null,
    wikiPages: [],
  };
}

function builds(path: string, results: string[], days: number): FetchedBuilds {
  return {
    jobUrl: `https://usine.test/job/${path}/`,
    color: results[0] === 'SUCCESS' ? 'blue' : 'red',
    builds: results.map((result, i) => ({
      number: 10 - i,
      result,
      building: false,
      startedAt: daysAgo(days + i),
      durationMs: 60_000,
      url: `https://usine.test/job/${path}/${10 - i}/`,
    })),
    tests: null,
  };
}

const lock = (version: string) => ({ found: true, requires: { [STARTER_KIT_PACKAGE]: version } });

const changesLogged = async () =>
  Number(
    (await selectRows<{ n: string }>(t.db, sql`SELECT count(*) AS n FROM catalogue_changes`))[0]?.n ?? 0,
  );

describe('forge facets of the catalogue (build failing, starter kit behind, inactive for 6 months)', () => {
  it('counts each signal like the other facets, filters on any of them, and follows a change of the snapshots', async () => {
    const { developer, rhone } = await designerAndOthers(t);
    const forge = (path: string) => `https://forge.test/cpam-69/${path}`;
    // Failing build, starter kit locked one version behind, active.
    const failing = await createSheet(developer, rhone, { name: 'Congés', forgeUrl: forge('conges') });
    await snapshot('gitlab', 'cpam-69/conges', activity('cpam-69/conges', [2, 9], 30));
    await snapshot('jenkins', 'cpam-69/conges', builds('cpam-69/conges', ['FAILURE', 'SUCCESS'], 1));
    await snapshot('composer', `${LOCK_PREFIX}cpam-69/conges`, lock('v3.1.4'));
    // Up to date on everything; its sheet declares 3.1, but the lock says what it uses.
    await createSheet(developer, rhone, { name: 'Astreintes', forgeUrl: forge('astreintes') });
    await snapshot('gitlab', 'cpam-69/astreintes', activity('cpam-69/astreintes', [1], 20));
    // A running build does not count: the last finished one passed.
    await snapshot('jenkins', 'cpam-69/astreintes', {
      ...builds('cpam-69/astreintes', ['SUCCESS'], 1),
      builds: [
        { ...builds('cpam-69/astreintes', ['FAILURE'], 0).builds[0], result: null, building: true },
        ...builds('cpam-69/astreintes', ['SUCCESS'], 1).builds,
      ],
    });
    await snapshot('composer', `${LOCK_PREFIX}cpam-69/astreintes`, lock('v3.2.0'));
    // Quiet for 190 days, no lock: the starter kit declared on the sheet (3.1) is behind 3.2.
    const quiet = await createSheet(developer, rhone, {
      name: 'Archives papier',
      forgeUrl: forge('archives'),
    });
    await snapshot('gitlab', 'cpam-69/archives', activity('cpam-69/archives', [], 200));
    await snapshot('jenkins', 'cpam-69/archives', builds('cpam-69/archives', ['SUCCESS'], 190));
    // No forge address, starter kit 3.2 declared: up to date, never inactive (nothing is known).
    await createSheet(developer, rhone, {
      name: 'Annuaire',
      technologies: { ...sheetBody(rhone).technologies, starterKit: '3.2' },
    });
    await snapshot('composer', STARTER_KIT_PACKAGE, starterKit);
    await refreshForgeSignals(t.db, null, now);

    const list = async (query: string) =>
      (await developer.get(`/api/applications?organisation=CPAM-69${query}`)).json();
    const forgeFacet = (page: { facets: { forge: { value: string; label: string; count: number }[] } }) =>
      page.facets.forge;
    const all = await list('');
    expect(all.total).toBe(4);
    expect(forgeFacet(all)).toEqual([
      { value: 'starterKitBehind', label: 'Starter kit en retard', count: 2 },
      { value: 'buildFailing', label: 'Build en échec', count: 1 },
      { value: 'inactive', label: 'Inactive depuis 6 mois', count: 1 },
    ]);
    const behind = await list('&forge=starterKitBehind');
    expect(behind.total).toBe(2);
    expect(behind.items.map((i: { name: string }) => i.name).sort()).toEqual(['Archives papier', 'Congés']);
    // Several values: any of them; the facet's own counts stay those of the other filters.
    const either = await list('&forge=buildFailing&forge=inactive');
    expect(either.total).toBe(2);
    expect(forgeFacet(either).map((v: { count: number }) => v.count)).toEqual([2, 1, 1]);
    // Counted with the other filters: the lifecycle facet of the failing ones.
    const failingOnly = await list('&forge=buildFailing');
    expect(failingOnly.items.map((i: { id: string }) => i.id)).toEqual([failing.id]);
    expect(failingOnly.facets.lifecycle).toEqual([
      { value: 'inProduction', label: 'En production', count: 1 },
    ]);

    // A refresh that changes nothing logs no change of the catalogue.
    const before = await changesLogged();
    await refreshForgeSignals(t.db, null, now);
    expect(await changesLogged()).toBe(before);

    // The build passes again and the quiet project commits: the index follows at the next read.
    await snapshot('jenkins', 'cpam-69/conges', builds('cpam-69/conges', ['SUCCESS', 'FAILURE'], 0));
    await snapshot('gitlab', 'cpam-69/archives', activity('cpam-69/archives', [0], 200));
    await refreshForgeSignals(t.db, null, now);
    expect(forgeFacet(await list(''))).toEqual([
      { value: 'starterKitBehind', label: 'Starter kit en retard', count: 2 },
    ]);
    expect((await list('&forge=inactive')).total).toBe(0);
    expect((await developer.get(`/api/applications/${quiet.id}/forge-activity`)).json().inactive).toBe(false);
  });

  it('refuses an unknown signal in French, naming the filter', async () => {
    const { agent } = await designerAndOthers(t);
    const response = await agent.get('/api/applications?forge=slow');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toContain('Signal inconnu : buildFailing, starterKitBehind ou inactive.');
  });

  it('shows on the activity panel the starter kit used against the current one, and the PSRAM level declared', async () => {
    const { developer, otherDeveloper: other } = await designerAndOthers(t);
    const office = await organisationId(t.db, 'CPAM-13');
    const sheet = await createSheet(other, office, {
      name: 'Paie des vacataires',
      forgeUrl: 'https://forge.test/cpam-13/paie',
    });
    await snapshot('gitlab', 'cpam-13/paie', activity('cpam-13/paie', [3], 40));
    await snapshot('composer', `${LOCK_PREFIX}cpam-13/paie`, lock('v3.0.2'));
    await snapshot('composer', STARTER_KIT_PACKAGE, starterKit);
    const panel = (await developer.get(`/api/applications/${sheet.id}/forge-activity`)).json();
    expect(panel).toMatchObject({
      starterKit: { used: 'v3.0.2', source: 'lock', current: 'v3.2.0', behind: 3 },
      psramLevel: '2.0',
      inactive: false,
    });
    // Without a lock, the version declared on the sheet, compared at its precision (3.1 → v3.1.x is not newer).
    const declared = await createSheet(other, office, { name: 'Sans forge' });
    expect((await developer.get(`/api/applications/${declared.id}/forge-activity`)).json()).toMatchObject({
      state: 'notLinked',
      starterKit: { used: '3.1', source: 'declared', current: 'v3.2.0', behind: 1 },
    });
  });
});
