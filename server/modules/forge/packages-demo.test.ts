import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoForge } from '../../db/demo/seed-forge.ts';
import { createIntegrations } from '../../integrations/index.ts';
import { createSheet, designerAndOthers } from '../../test/catalog-fixtures.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

/**
 * A demonstration portal configured with a GitLab: the demo sheets' forge addresses are not on it, so
 * their demonstration activity, builds and composer.lock are kept under the addresses' own paths. The
 * GitLab here is never called (an address nothing listens on): the pages read the snapshots only.
 */
let t: TestContext;
const now = new Date('2026-11-30T10:00:00Z');

beforeAll(async () => {
  const settings = {
    gitlab: {
      url: 'http://127.0.0.1:9/gitlab',
      token: 'unused',
      templateProjectId: 42,
      templateGroupId: null,
      rootGroup: 'reseau',
    },
    composer: null,
    jenkins: null,
  };
  t = await createTestContext(settings, {
    now: () => now,
    integrations: createIntegrations(settings as unknown as Parameters<typeof createIntegrations>[0]),
  });
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('demonstration data on a portal whose GitLab is configured', () => {
  it('lists the demo sheets among the users of the packages, and shows their demo activity and builds', async () => {
    const { developer, rhone } = await designerAndOthers(t);
    const sheet = await createSheet(developer, rhone, {
      name: 'Congés',
      forgeUrl: 'https://forge.assurance-maladie.fr/cpam-69/conges',
    });
    await seedDemoForge(t.db, now);

    const page = (await developer.get('/api/packages')).json();
    expect(page.source).toBe('demo');
    const starterKit = page.packages.find((p: { name: string }) => p.name === 'cnam/sk-php');
    expect(starterKit.users).toEqual([
      expect.objectContaining({ applicationId: sheet.id, applicationName: 'Congés' }),
    ]);
    expect((await developer.get(`/api/applications/${sheet.id}/forge-activity`)).json()).toMatchObject({
      state: 'fresh',
      source: 'demo',
      projectPath: 'cpam-69/conges',
      starterKit: { source: 'lock', current: 'v3.2.0' },
    });
    expect((await developer.get(`/api/applications/${sheet.id}/builds`)).json()).toMatchObject({
      source: 'demo',
      jobPath: 'cpam-69/conges',
    });
  });
});
