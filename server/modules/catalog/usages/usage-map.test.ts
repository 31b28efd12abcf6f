import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedundancyPageDto, UsageMapDto } from '../../../../common/schemas/usage.ts';
import { seedDemoCatalogue } from '../../../db/demo/seed-catalogue.ts';
import { type Agent, createTestContext, createUser, login, type TestContext } from '../../../test/harness.ts';

let t: TestContext;
let agent: Agent;
let director: Agent;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemoCatalogue(t.db);
  agent = await login(
    t.app,
    (await createUser(t.db, { roles: ['agent'], organisationCode: 'CGSS-973' })).email,
  );
  director = await login(
    t.app,
    (await createUser(t.db, { roles: ['officeDirector'], organisationCode: 'CGSS-973' })).email,
  );
});
afterAll(() => t.close());

const usageMap = async () => (await agent.get('/api/usage-map')).json() as UsageMapDto;
const redundancies = async (query = '') =>
  (await agent.get(`/api/usage-map/redundancies${query}`)).json() as RedundancyPageDto;
const codesOf = (cluster: RedundancyPageDto['items'][number]) =>
  cluster.applications.map((a) => a.code).sort();

describe('the usage map of the demo catalogue', () => {
  it('ranks the most used applications and counts by region and by domain', async () => {
    const map = await usageMap();
    expect(map.totals.applications).toBe(60);
    expect(map.ranking[0]).toMatchObject({ code: 'RDV-ACCUEIL', usageCount: 42 });
    expect(map.ranking.map((r) => r.usageCount)).toEqual(
      [...map.ranking.map((r) => r.usageCount)].sort((a, b) => b - a),
    );
    expect(map.byRegion).toHaveLength(19);
    expect(map.byRegion.reduce((sum, r) => sum + r.usages, 0)).toBe(map.totals.usages);
    expect(map.byRegion.reduce((sum, r) => sum + r.designedApplications, 0)).toBe(60);
    const hr = map.byDomain.find((d) => d.domain.code === 'ressources-humaines');
    expect(hr?.applications).toBe(10);
    expect(map.byDomain.reduce((sum, d) => sum + d.applications, 0)).toBe(60);
  });

  it('finds the sheets that answer the same need, and only those', async () => {
    const page = await redundancies('?pageSize=50');
    expect(page.total).toBeLessThanOrEqual(50);
    const clusters = page.items;
    const all = clusters.map(codesOf);
    expect(all).toContainEqual(['RECOUVR-INDUS', 'SUIVINDUS']);
    expect(all).toContainEqual(['AGENDA-ACCUEIL', 'RDV-ACCUEIL']);
    expect(all).toContainEqual(['ABSENCES-CONGES', 'CONGES-EXPRESS', 'GESCONGES']);
    expect(all).toContainEqual(['RECOURS-AMIABLES', 'CRA-RECOURS'].sort());
    const flat = all.flat();
    for (const unrelated of ['TELETRAVAIL', 'HABILITATIONS', 'CONTENTIEUX', 'SK-GENERATEUR'])
      expect(flat).not.toContain(unrelated);
    const indus = clusters.find((c) => codesOf(c).includes('SUIVINDUS'));
    expect(indus?.domain.code).toBe('comptabilite-finances');
    expect(indus?.similarity).toBeGreaterThan(0.5);
  });

  it('pages the clusters, largest first, and refuses a page size out of bounds in French', async () => {
    const first = await redundancies('?page=1&pageSize=2');
    const second = await redundancies('?page=2&pageSize=2');
    expect(first).toMatchObject({ page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.total).toBeGreaterThan(2);
    expect(second.items.length).toBeGreaterThan(0);
    const sizes = [...first.items, ...second.items].map((c) => c.applications.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(second.items.map(codesOf)).not.toContainEqual(codesOf(first.items[0] as never));
    const refused = await agent.get('/api/usage-map/redundancies?pageSize=500');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toMatch(/taille de page/i);
  });

  it('moves with a declared usage: ranking count and region', async () => {
    const before = await usageMap();
    const list = (await agent.get('/api/applications?q=habilitations')).json();
    const id = list.items[0].id as string;
    const [latest] = (await agent.get(`/api/applications/${id}`)).json().versions;
    expect(
      (await director.post(`/api/applications/${id}/usages`, { userCount: 40, versionNumber: latest.number }))
        .statusCode,
    ).toBe(201);
    const after = await usageMap();
    const guyane = (m: UsageMapDto) => m.byRegion.find((r) => r.region === 'guyane');
    expect(guyane(after)?.usages).toBe((guyane(before)?.usages ?? 0) + 1);
    expect(after.ranking.find((r) => r.code === 'HABILITATIONS')?.usageCount).toBe(
      (before.ranking.find((r) => r.code === 'HABILITATIONS')?.usageCount ?? 0) + 1,
    );
    expect(after.totals.usages).toBe(before.totals.usages + 1);
  });
});
