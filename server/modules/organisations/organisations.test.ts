import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrganisations, readOrganisationsFile } from '../../db/reference/load-organisations.ts';
import { auditEvents, organisations } from '../../db/schema.ts';
import { type Agent, createTestContext, createUser, login, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let agent: Agent;
beforeAll(async () => {
  t = await createTestContext();
  agent = await login(t.app, (await createUser(t.db, { roles: ['agent'] })).email);
});
afterAll(() => t.close());

describe('reference data of the network', () => {
  const file = readOrganisationsFile();
  const byType = (type: string) => file.organisations.filter((o) => o.type === type);

  it('covers the network: about 100 CPAMs, the CGSS, DRSMs, CTIs, CARSATs and CRAMIF, UGECAMs and the Cnam', () => {
    expect(byType('cpam').length).toBeGreaterThanOrEqual(100);
    expect(byType('cgss')).toHaveLength(4);
    expect(byType('drsm').length).toBeGreaterThanOrEqual(12);
    expect(byType('cti').length).toBeGreaterThanOrEqual(8);
    expect(byType('carsat')).toHaveLength(15);
    expect(byType('cramif')).toHaveLength(1);
    expect(byType('ugecam').length).toBeGreaterThanOrEqual(12);
    const codes = file.organisations.map((o) => o.code);
    for (const code of ['CNAM-DDO', 'CNAM-DDSI', 'CNAM-DDFC', 'CNAM-DC2R', 'CNAM-DDGOS', 'CSN', 'CNR-64']) {
      expect(codes).toContain(code);
    }
    expect(file.organisations.find((o) => o.code === 'CNAM-DC2R')?.parentCode).toBe('CNAM-DDFC');
  });

  it('loads idempotently: a second load adds nothing, a renamed office is updated, never duplicated', async () => {
    const [{ n: before } = { n: 0 }] = await t.db.select({ n: count() }).from(organisations);
    expect(before).toBe(file.organisations.length);
    const again = await loadOrganisations(t.db);
    expect(again).toMatchObject({ inserted: 0, updated: 0, total: before });

    const dir = mkdtempSync(path.join(tmpdir(), 'mutualis-ref-'));
    const next = {
      version: '2099.1',
      organisations: [
        ...file.organisations.map((o) => (o.code === 'CPAM-69' ? { ...o, name: 'CPAM du Rhône (Lyon)' } : o)),
        { code: 'CPAM-99', type: 'cpam', name: 'CPAM de test', region: 'corse' },
      ],
    };
    const nextFile = path.join(dir, 'organisations.json');
    writeFileSync(nextFile, JSON.stringify(next));
    const result = await loadOrganisations(t.db, nextFile);
    expect(result.inserted).toBe(1);
    expect(result.updated).toBe(file.organisations.length); // the version changed on every row
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'referenceData.load'))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event?.after).toMatchObject({ version: '2099.1', inserted: ['CPAM-99'] });
    const [rhone] = await t.db.select().from(organisations).where(eq(organisations.code, 'CPAM-69'));
    expect(rhone?.name).toBe('CPAM du Rhône (Lyon)');
    const [{ n: after } = { n: 0 }] = await t.db.select({ n: count() }).from(organisations);
    expect(after).toBe(before + 1);
    await loadOrganisations(t.db); // back to the shipped file for the other tests
  });
});

describe('GET /api/organisations', () => {
  it('filters by region and type, with a total for pagination', async () => {
    const page = (await agent.get('/api/organisations?region=grand-est&type=cpam&pageSize=5')).json();
    expect(page.total).toBe(10);
    expect(page.items).toHaveLength(5);
    expect(
      page.items.every(
        (o: { region: string; type: string }) => o.region === 'grand-est' && o.type === 'cpam',
      ),
    ).toBe(true);
    const second = (
      await agent.get('/api/organisations?region=grand-est&type=cpam&pageSize=5&page=2')
    ).json();
    expect(second.items.map((o: { id: string }) => o.id)).not.toContain(page.items[0].id);
  });

  it('searches names, cities and codes without caring for accents or case', async () => {
    const names = async (q: string) =>
      (await agent.get(`/api/organisations?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((o: { name: string }) => o.name);
    expect(await names('rhone')).toContain('CPAM du Rhône');
    expect(await names('ÉPINAL')).toEqual(['CPAM des Vosges']);
    expect(await names('cnam-dd')).toContain('Cnam — Direction déléguée aux opérations (DDO)');
    expect(await names('100%')).toEqual([]);
  });

  it('rejects an unknown region with a French message naming the field', async () => {
    const response = await agent.get('/api/organisations?region=atlantide');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'region', message: 'Région inconnue.' }]);
  });

  it('returns one office, 404 for an unknown id', async () => {
    const [ddo] = (await agent.get('/api/organisations?q=CNAM-DDO')).json().items;
    const one = await agent.get(`/api/organisations/${ddo.id}`);
    expect(one.json()).toMatchObject({ code: 'CNAM-DDO', type: 'national', region: 'national' });
    const missing = await agent.get('/api/organisations/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toBe('Organisme introuvable.');
  });
});
