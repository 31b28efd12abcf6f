import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntegrations } from '../../integrations/index.ts';
import { createSheet, designerAndOthers } from '../../test/catalog-fixtures.ts';
import { type FakeComposer, STARTER_KIT_RELEASES, startFakeComposer } from '../../test/fake-composer.ts';
import { type FakeGitLab, startFakeGitLab } from '../../test/fake-gitlab.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { syncPackages } from './packages.service.ts';

let composer: FakeComposer;
let gitlab: FakeGitLab;
let t: TestContext;
let clock = new Date('2026-11-30T10:00:00Z');

beforeAll(async () => {
  composer = await startFakeComposer();
  gitlab = await startFakeGitLab();
  const settings = {
    composer: { url: composer.url, user: composer.user, token: composer.token, vendors: ['cnam'] },
    gitlab: {
      url: gitlab.url,
      token: gitlab.token,
      templateProjectId: 42,
      templateGroupId: null,
      rootGroup: 'reseau',
    },
    jenkins: null,
  };
  t = await createTestContext(settings, {
    now: () => clock,
    integrations: createIntegrations(settings as unknown as Parameters<typeof createIntegrations>[0], {
      sleep: async () => undefined,
    }),
  });
}, 120_000);
afterAll(async () => {
  await t.close();
  await composer.close();
  await gitlab.close();
});

const sync = () =>
  syncPackages({ db: t.db, log: t.app.log, integrations: t.app.deps.integrations, now: () => clock });

const lock = (packages: Record<string, string>) =>
  JSON.stringify({
    'content-hash': 'abc',
    packages: Object.entries(packages).map(([name, version]) => ({ name, version, type: 'library' })),
    'packages-dev': [{ name: 'phpunit/phpunit', version: '10.5.0' }],
  });

describe('packages page (a local Composer repository as Artifactory publishes it, composer.lock read from a local GitLab)', () => {
  it('lists the versions and licence of each package and which sheets lock which version, the behind ones flagged; a repository down keeps the last list', async () => {
    composer.packages.set('cnam/sk-php', {
      modifiedAt: new Date('2026-11-20T09:00:00Z'),
      versions: STARTER_KIT_RELEASES,
    });
    composer.packages.set('cnam/connecteur-sni', {
      modifiedAt: new Date('2026-10-01T09:00:00Z'),
      versions: [{ version: '1.4.0', time: '2026-10-01T09:00:00+00:00', license: ['EUPL-1.2'] }],
    });
    gitlab.addProject('reseau/cpam-69/conges', {
      files: { 'composer.lock': lock({ 'cnam/sk-php': 'v3.1.4', 'cnam/connecteur-sni': '1.4.0' }) },
    });
    gitlab.addProject('reseau/cpam-69/astreintes', {
      files: { 'composer.lock': lock({ 'cnam/sk-php': 'v3.2.0' }) },
    });
    gitlab.addProject('reseau/cpam-69/sans-lock');
    const { developer, rhone } = await designerAndOthers(t);
    const behind = await createSheet(developer, rhone, {
      name: 'Congés',
      forgeUrl: `${gitlab.url}/reseau/cpam-69/conges`,
    });
    const upToDate = await createSheet(developer, rhone, {
      name: 'Astreintes',
      forgeUrl: `${gitlab.url}/reseau/cpam-69/astreintes`,
    });
    await createSheet(developer, rhone, {
      name: 'Sans lock',
      forgeUrl: `${gitlab.url}/reseau/cpam-69/sans-lock`,
    });

    expect((await developer.get('/api/packages')).json()).toMatchObject({
      configured: true,
      source: null,
      packages: [],
    });
    await sync();
    const page = (await developer.get('/api/packages')).json();
    expect(page).toMatchObject({
      configured: true,
      source: 'composer',
      fetchedAt: '2026-11-30T10:00:00.000Z',
      lastError: null,
    });
    expect(page.packages.map((p: { name: string }) => p.name)).toEqual([
      'cnam/connecteur-sni',
      'cnam/sk-php',
    ]);
    expect(page.packages[1]).toEqual({
      name: 'cnam/sk-php',
      description: 'Starter kit PHP',
      latest: 'v3.2.0',
      licences: ['EUPL-1.2'],
      versions: [
        { version: 'v3.2.0', releasedAt: '2026-11-20T09:00:00.000Z', licences: ['EUPL-1.2'] },
        { version: 'v3.1.4', releasedAt: '2026-09-02T09:00:00.000Z', licences: ['EUPL-1.2'] },
      ],
      users: [
        { applicationId: upToDate.id, applicationName: 'Astreintes', version: 'v3.2.0', behind: false },
        { applicationId: behind.id, applicationName: 'Congés', version: 'v3.1.4', behind: true },
      ],
      behindCount: 1,
    });

    // An hour later only what changed is read again: the p2 files answer 304 to If-Modified-Since.
    clock = new Date('2026-11-30T11:00:00Z');
    composer.requests.length = 0;
    await sync();
    const metadata = composer.requests.filter((r) => r.path.includes('/p2/'));
    expect(metadata.map((r) => r.ifModifiedSince)).toEqual([
      'Thu, 01 Oct 2026 09:00:00 GMT',
      'Fri, 20 Nov 2026 09:00:00 GMT',
    ]);
    expect((await developer.get('/api/packages')).json().packages[1].latest).toBe('v3.2.0');

    clock = new Date('2026-11-30T12:00:00Z');
    composer.fail('/packages.json', 503, 3);
    await sync();
    const down = await developer.get('/api/packages');
    expect(down.statusCode).toBe(200);
    expect(down.json()).toMatchObject({
      fetchedAt: '2026-11-30T11:00:00.000Z',
      lastError: 'Composer ne répond pas correctement (erreur 503) après 3 tentatives : réessayez plus tard.',
    });
    expect(down.json().packages).toHaveLength(2);
  });

  it('refuses the page to a visitor who is not signed in, in French', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/packages' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
  });
});
