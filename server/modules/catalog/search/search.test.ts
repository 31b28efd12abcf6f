import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApplicationFilters,
  type ApplicationPageDto,
  applicationPageSchema,
  applicationSearchItemSchema,
} from '../../../../common/schemas/application-search.ts';
import { createSheet } from '../../../test/catalog-fixtures.ts';
import {
  type Agent,
  createTestContext,
  createUser,
  login,
  organisationId,
  signUp,
  type TestContext,
} from '../../../test/harness.ts';
import { searchIndex } from './search.evaluate.ts';
import { CatalogueSearch } from './search.sync.ts';

let t: TestContext;
let admin: Agent;
let reader: Agent;
const ids: Record<string, string> = {};
/**
 * The catalogue of this file: five sheets and three usages, read by every test below and written by
 * none (the tests that write have a database of their own, at the end of the file), so that the facet
 * counts are known whatever the order the tests run in.
 */
beforeAll(async () => {
  t = await createTestContext();
  admin = await login(
    t.app,
    (await createUser(t.db, { roles: ['admin'], organisationCode: 'CNAM-DDO' })).email,
  );
  reader = await login(
    t.app,
    (await createUser(t.db, { roles: ['agent'], organisationCode: 'CPAM-01' })).email,
  );
  const office = (code: string) => organisationId(t.db, code);
  const sheets = [
    {
      code: 'CONGES',
      name: 'Gestion des congés',
      summary: 'Demandes de congés des agents et validation.',
      domainCode: 'ressources-humaines',
      designer: 'CPAM-69',
      track: 'homologation',
      certificationStatus: 'homologated',
      hosting: 'amCloud',
      php: '8.2',
    },
    {
      code: 'ABSENCES',
      name: 'Suivi du personnel',
      summary: "Tableau de bord de l'absence des équipes par service.",
      domainCode: 'ressources-humaines',
      designer: 'CPAM-13',
      track: 'nonStandard',
      certificationStatus: 'none',
      hosting: 'officeServer',
      php: '7.4',
    },
    {
      code: 'REMBOURSEMENTS',
      name: 'Remboursements de transport',
      summary: 'Remboursement des frais de transport des assurés.',
      domainCode: 'prestations',
      designer: 'CPAM-13',
      track: 'homologation',
      certificationStatus: 'inProgress',
      hosting: 'officeServer',
      php: '8.2',
    },
    {
      code: 'INDUS',
      name: 'Suivi des indus',
      summary: 'Relances et recouvrement des indus, plans de remboursement.',
      domainCode: 'comptabilite-finances',
      designer: 'CPAM-59-LD',
      track: 'labelling',
      certificationStatus: 'labelled',
      hosting: 'amCloud',
      php: '8.2',
    },
    {
      code: 'HABILITATIONS',
      name: 'Habilitations',
      summary: 'Demandes et revues des habilitations aux applications.',
      domainCode: 'informatique-outillage',
      designer: 'CTI-RA',
      track: 'labelling',
      certificationStatus: 'inProgress',
      hosting: 'amCloud',
      php: '8.3',
      personalData: false,
      personalDataCategories: [],
    },
  ];
  for (const s of sheets) {
    const { designer, php, ...fields } = s;
    const created = await createSheet(admin, await office(designer), {
      ...fields,
      description: '',
      technologies: { php, others: [] },
    });
    ids[s.code] = created.id;
  }
  // Usage counts (the designer office of each sheet in production counts too): HABILITATIONS 3, INDUS 2.
  for (const code of ['CPAM-01', 'CPAM-02']) {
    const declarer = await login(
      t.app,
      (await createUser(t.db, { roles: ['officeDirector'], organisationCode: code })).email,
    );
    await declarer.post(`/api/applications/${ids.HABILITATIONS}/usages`, { userCount: 5 });
    if (code === 'CPAM-01') await declarer.post(`/api/applications/${ids.INDUS}/usages`, { userCount: 5 });
  }
});
afterAll(() => t.close());

const search = async (query: string) => {
  const response = await reader.get(`/api/applications?${query}`);
  expect(response.statusCode).toBe(200);
  return response.json() as ApplicationPageDto;
};
const codes = (page: ApplicationPageDto) => page.items.map((i) => i.code);
const q = (text: string) => search(`q=${encodeURIComponent(text)}`);
const facet = (page: ApplicationPageDto, name: keyof ApplicationPageDto['facets']) =>
  Object.fromEntries(page.facets[name].map((v) => [v.value, v.count]));

describe('French full-text search', () => {
  it('ignores accents and case', async () => {
    expect(codes(await q('CONGÉS'))).toEqual(['CONGES']);
    expect(codes(await q('conges'))).toEqual(['CONGES']);
    expect(codes(await q('Assurés'))).toEqual(['REMBOURSEMENTS']);
  });

  it('stems: a plural finds the singular and back', async () => {
    expect(codes(await q('absences'))).toEqual(['ABSENCES']);
    expect(codes(await q('congé'))).toEqual(['CONGES']);
    expect(codes(await q('relance'))).toEqual(['INDUS']);
  });

  it('tolerates typos', async () => {
    expect(codes(await q('absense'))).toEqual(['ABSENCES']);
    expect(codes(await q('habiliations'))).toEqual(['HABILITATIONS']);
    expect(codes(await q('rembourssement'))).toEqual(expect.arrayContaining(['REMBOURSEMENTS', 'INDUS']));
  });

  it('searches by prefix while typing, every word required', async () => {
    expect(codes(await q('habil'))).toEqual(['HABILITATIONS']);
    expect(codes(await q('rembours transp'))).toEqual(['REMBOURSEMENTS']);
    expect((await q('congés transport')).total).toBe(0);
  });

  it('ranks a match in the name above a match in the summary', async () => {
    expect(codes(await q('remboursement'))).toEqual(['REMBOURSEMENTS', 'INDUS']);
  });

  it('finds a sheet by its domain, office and technology words too', async () => {
    expect(codes(await q('comptabilité'))).toEqual(['INDUS']);
    expect(codes(await search('q=bouches&sort=name'))).toEqual(['REMBOURSEMENTS', 'ABSENCES']);
    expect(codes(await q('php 7.4'))).toEqual(['ABSENCES']);
  });
});

describe('the response', () => {
  it('every response matches the documented page schema', async () => {
    for (const [query, size] of [
      ['pageSize=0', 0],
      ['q=suivi&track=labelling', 1],
      ['sort=usage&page=2&pageSize=2', 2],
    ] as const) {
      const body = (await reader.get(`/api/applications?${query}`)).json();
      expect(applicationPageSchema.strict().safeParse(body).success).toBe(true);
      expect(body.items).toHaveLength(size);
      for (const item of body.items)
        expect(applicationSearchItemSchema.strict().safeParse(item).success).toBe(true);
    }
  });
});

describe('facets', () => {
  it('count every value, and each facet follows the other filters but not its own', async () => {
    const all = await search('pageSize=0');
    expect(all.items).toEqual([]);
    expect(all.total).toBe(5);
    expect(facet(all, 'track')).toEqual({ homologation: 2, labelling: 2, nonStandard: 1 });
    expect(all.facets.track.find((v) => v.value === 'labelling')?.label).toBe('Labellisation');

    const labelling = await search('track=labelling');
    expect(labelling.total).toBe(2);
    // The track facet still shows the other tracks (its own filter left out)…
    expect(facet(labelling, 'track')).toEqual({ homologation: 2, labelling: 2, nonStandard: 1 });
    // …the others count within the selected track.
    expect(facet(labelling, 'domain')).toEqual({ 'comptabilite-finances': 1, 'informatique-outillage': 1 });
    expect(facet(labelling, 'technology')).toEqual({ 'PHP 8.2': 1, 'PHP 8.3': 1 });
    expect(facet(labelling, 'status')).toEqual({ labelled: 1, inProgress: 1 });
  });

  it('combine: several values of a facet widen, two facets narrow, text narrows the counts too', async () => {
    expect((await search('track=labelling&track=nonStandard')).total).toBe(3);
    const narrowed = await search('track=homologation&hosting=officeServer');
    expect(codes(narrowed)).toEqual(['REMBOURSEMENTS']);
    expect(facet(narrowed, 'hosting')).toEqual({ officeServer: 1, amCloud: 1 });
    const withText = await search('q=suivi&pageSize=0');
    expect(withText.total).toBe(2);
    expect(facet(withText, 'organisation')).toEqual({ 'CPAM-13': 1, 'CPAM-59-LD': 1 });
    expect(withText.facets.organisation.find((v) => v.value === 'CPAM-13')?.label).toBe(
      'CPAM des Bouches-du-Rhône',
    );
  });

  it('filter by region, technology, personal data and office', async () => {
    expect(codes(await search('region=provence-alpes-cote-d-azur&sort=name'))).toEqual([
      'REMBOURSEMENTS',
      'ABSENCES',
    ]);
    expect(codes(await search('technology=PHP%207.4'))).toEqual(['ABSENCES']);
    expect(codes(await search('personalData=no'))).toEqual(['HABILITATIONS']);
    expect(codes(await search('organisation=CTI-RA'))).toEqual(['HABILITATIONS']);
    const selectedButEmpty = await search('region=corse');
    expect(selectedButEmpty.total).toBe(0);
    expect(selectedButEmpty.facets.region).toContainEqual({ value: 'corse', label: 'Corse', count: 0 });
  });

  it('sort by usage, by name, by last update; page through the results', async () => {
    expect(codes(await search('sort=usage')).slice(0, 2)).toEqual(['HABILITATIONS', 'INDUS']);
    expect(codes(await search('sort=name'))).toEqual([
      'CONGES',
      'HABILITATIONS',
      'REMBOURSEMENTS',
      'INDUS',
      'ABSENCES',
    ]);
    const byUpdate = (await search('sort=updated')).items;
    expect(byUpdate.map((i) => i.code).sort()).toEqual(Object.keys(ids).sort());
    const dates = byUpdate.map((i) => i.updatedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const page2 = await search('sort=name&pageSize=2&page=2');
    expect(codes(page2)).toEqual(['REMBOURSEMENTS', 'INDUS']);
    expect(page2.total).toBe(5);
  });

  it('refuses an unknown filter value in French, naming the field', async () => {
    const response = await reader.get('/api/applications?track=fantaisie&sort=hasard');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'track', message: 'Filière inconnue.' }),
        { field: 'sort', message: 'Tri inconnu : relevance, usage, name ou updated.' },
      ]),
    );
  });
});

describe('freshness: a written sheet is found by the next search', () => {
  // A database of its own: these tests write, and the counts above must not see their sheets.
  let w: TestContext;
  let writer: Agent;
  let rhone: string;
  beforeAll(async () => {
    w = await createTestContext();
    writer = (await signUp(w, { roles: ['admin'], organisationCode: 'CNAM-DDO' })).agent;
    rhone = await organisationId(w.db, 'CPAM-69');
  });
  afterAll(() => w.close());

  const found = async (query: string) => {
    const response = await writer.get(`/api/applications?${query}`);
    expect(response.statusCode).toBe(200);
    return (response.json() as ApplicationPageDto).items.map((i) => i.id);
  };
  const edit = async (id: string, fields: Record<string, unknown>) => {
    const { version } = (await writer.get(`/api/applications/${id}`)).json();
    const response = await writer.patch(`/api/applications/${id}`, { version, ...fields });
    expect(response.statusCode).toBe(200);
  };

  it('finds a new or edited sheet at once', async () => {
    expect(await found('q=hippocampe')).toEqual([]);
    const sheet = await createSheet(writer, rhone, { name: 'Hippocampe' });
    expect(await found('q=hippocampe')).toEqual([sheet.id]);
    await edit(sheet.id, { name: 'Hippocampe et télétravail' });
    expect(await found('q=teletravail%20hippo')).toEqual([sheet.id]);
  });

  it('orders by last update: the sheet edited last comes first', async () => {
    const first = await createSheet(writer, rhone, { name: 'Salamandre un' });
    const second = await createSheet(writer, rhone, { name: 'Salamandre deux' });
    expect(await found('q=salamandre&sort=updated')).toEqual([second.id, first.id]);
    await edit(first.id, { summary: 'Salamandre : suivi des demandes, résumé revu.' });
    expect(await found('q=salamandre&sort=updated')).toEqual([first.id, second.id]);
  });

  it('sees a change committed elsewhere (another process) at its next search', async () => {
    const sheet = await createSheet(writer, rhone, { name: 'Ornithorynque', track: 'labelling' });
    // A second index on the same database stands for a second server process.
    const other = new CatalogueSearch(w.db);
    const codesOf = async (filters: ApplicationFilters) => {
      const index = await other.fresh();
      return searchIndex(index, filters, null, 'name').order.map((i) => index.cardAt(i).code);
    };
    expect(await codesOf({ track: ['labelling'] })).toContain(sheet.code);
    expect(await codesOf({ track: ['homologation'] })).not.toContain(sheet.code);
    const before = searchIndex(await other.fresh(), {}, null, 'name').total;

    await edit(sheet.id, { track: 'homologation' });
    expect(await codesOf({ track: ['homologation'] })).toContain(sheet.code);
    expect(await codesOf({ track: ['labelling'] })).not.toContain(sheet.code);
    expect(searchIndex(await other.fresh(), {}, null, 'name').total).toBe(before);
  });
});
