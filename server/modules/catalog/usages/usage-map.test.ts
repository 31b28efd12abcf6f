import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsageMapDto } from '../../../../common/schemas/usage.ts';
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
const codesOf = (cluster: UsageMapDto['redundancies'][number]) =>
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
    const clusters = (await usageMap()).redundancies;
    const all = clusters.map(codesOf);
    expect(all).toContainEqual(['RECOUVR-INDUS', 'SUIVINDUS']);
    expect(all).toContainEqual(['AGENDA-ACCUEIL', 'RDV-ACCUEIL']);
    expect(all.find((c) => c.includes('GESCONGES'))).toEqual(
      expect.arrayContaining(['ABSENCES-CONGES', 'CONGES-EXPRESS', 'GESCONGES']),
    );
    const flat = all.flat();
    for (const unrelated of ['TELETRAVAIL', 'HABILITATIONS', 'CONTENTIEUX', 'SK-GENERATEUR'])
      expect(flat).not.toContain(unrelated);
    const indus = clusters.find((c) => codesOf(c).includes('SUIVINDUS'));
    expect(indus?.sharedDomain?.code).toBe('comptabilite-finances');
    expect(indus?.similarity).toBeGreaterThan(0.5);
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
