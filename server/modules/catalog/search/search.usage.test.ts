import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationPageDto } from '../../../../common/schemas/application-search.ts';
import { codesOf as codes, createSheet, searchAs, signedInAs } from '../../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, organisationId, type TestContext } from '../../../test/harness.ts';
import { rankingPrior, searchScore } from './search.ranking.ts';

let t: TestContext;
let reader: Agent;
/** Sheet code → id. */
const ids: Record<string, string> = {};
/**
 * Sheets of this file, written once and read by every test: who uses what (the designer office counts
 * while the sheet is in production), a popular certified sheet and an end-of-life one on the same need,
 * and two sheets of different offices with the same name.
 */
beforeAll(async () => {
  t = await createTestContext();
  const admin = await signedInAs(t, ['admin'], 'CNAM-DDO');
  reader = await signedInAs(t, ['agent'], 'CPAM-01');
  const office = (code: string) => organisationId(t.db, code);
  const sheets = [
    // Designer CPAM-69, in production; used by CPAM-01, CPAM-02, CPAM-13, CPAM-33.
    { code: 'POSE-CONGES', name: 'Posedesjours', designer: 'CPAM-69', lifecycleStage: 'inProduction' },
    // Designer CPAM-13, end of life; used by CPAM-01 only.
    { code: 'VIEUX-CONGES', name: 'Congés', designer: 'CPAM-13', lifecycleStage: 'deprecated' },
    // Same name as the next one, accents and case aside; in development, used by nobody.
    {
      code: 'COURRIER-A',
      name: 'Éditeur de courriers',
      designer: 'CPAM-33',
      lifecycleStage: 'inDevelopment',
    },
    {
      code: 'COURRIER-B',
      name: 'editeur  de COURRIERS',
      designer: 'CPAM-44',
      lifecycleStage: 'inProduction',
    },
  ];
  for (const { designer, ...fields } of sheets) {
    const created = await createSheet(admin, await office(designer), {
      ...fields,
      summary:
        fields.code === 'POSE-CONGES' || fields.code === 'VIEUX-CONGES'
          ? 'Demandes de congés des agents et validation par le manager.'
          : 'Modèles de courriers aux assurés et envoi en lot.',
      description: '',
      maintainer: { name: fields.code === 'COURRIER-A' ? 'Ophélie Vasseur' : 'Jean Martin' },
      versions: [{ number: '1.0' }],
      ...(fields.code === 'POSE-CONGES' ? { certificationStatus: 'homologated' } : {}),
    });
    ids[fields.code] = created.id;
  }
  const declare = async (officeCode: string, codes: string[]) => {
    const director = await signedInAs(t, ['officeDirector'], officeCode);
    for (const code of codes) {
      const response = await director.post(`/api/applications/${ids[code]}/usages`, {
        userCount: 10,
        versionNumber: '1.0',
      });
      expect(response.statusCode).toBe(201);
    }
  };
  await declare('CPAM-01', ['POSE-CONGES', 'VIEUX-CONGES']);
  await declare('CPAM-02', ['POSE-CONGES']);
  await declare('CPAM-13', ['POSE-CONGES']);
  await declare('CPAM-33', ['POSE-CONGES']);
});
afterAll(() => t.close());

const search = (query: string) => searchAs(reader, query);
const counts = (page: ApplicationPageDto) =>
  Object.fromEntries(page.facets.usedBy.map((v) => [v.value, v.count]));

describe('the "used by" facet', () => {
  it('counts the offices that use each sheet, the designer office of a sheet in production included', async () => {
    const all = await search('pageSize=0');
    expect(counts(all)).toEqual({
      'CPAM-01': 2,
      'CPAM-02': 1,
      'CPAM-13': 1,
      'CPAM-33': 1,
      'CPAM-44': 1, // COURRIER-B, in production
      'CPAM-69': 1, // POSE-CONGES, in production
    });
    expect(all.facets.usedBy.find((v) => v.value === 'CPAM-13')?.label).toBe('CPAM des Bouches-du-Rhône');
  });

  it('filters by one office, or any of several (repeated keys), and follows the other filters', async () => {
    expect(codes(await search('usedBy=CPAM-01&sort=name'))).toEqual(['VIEUX-CONGES', 'POSE-CONGES']);
    expect(codes(await search('usedBy=CPAM-69&usedBy=CPAM-44&sort=name'))).toEqual([
      'COURRIER-B',
      'POSE-CONGES',
    ]);
    const alive = await search('usedBy=CPAM-01&lifecycle=inProduction');
    expect(codes(alive)).toEqual(['POSE-CONGES']);
    // Its own filter left out, the facet counts within the other filters.
    expect(counts(alive)).toMatchObject({ 'CPAM-01': 1, 'CPAM-44': 1, 'CPAM-69': 1 });
    const selectedButUnused = await search('usedBy=CPAM-974');
    expect(selectedButUnused.total).toBe(0);
    expect(selectedButUnused.facets.usedBy).toContainEqual({
      value: 'CPAM-974',
      label: 'CPAM-974',
      count: 0,
    });
  });
});

describe('free text', () => {
  it('finds a sheet by the code of its designer office and by its maintainer', async () => {
    expect(codes(await search('q=CPAM-44'))).toEqual(['COURRIER-B']);
    expect(codes(await search('q=vasseur'))).toEqual(['COURRIER-A']);
    expect(codes(await search('q=oph%C3%A9lie%20vasseur'))).toEqual(['COURRIER-A']);
  });
});

describe('ranking', () => {
  it('puts the sheet used by five offices and homologated before the end-of-life sheet used by one, even when the other has the word in its name', async () => {
    const page = await search('q=cong%C3%A9s');
    expect(codes(page)).toEqual(['POSE-CONGES', 'VIEUX-CONGES']);
    expect(page.items.map((i) => i.usageCount)).toEqual([5, 1]);
  });

  it('weighs usage, certification and lifecycle as docs/architecture.md writes it', () => {
    const prior = (usageCount: number, certificationStatus: string, lifecycleStage: string) =>
      rankingPrior({ usageCount, certificationStatus, lifecycleStage });
    expect(prior(0, 'none', 'inProduction')).toBe(1);
    expect(prior(15, 'homologated', 'inProduction')).toBeCloseTo(2 * 1.25);
    expect(prior(1, 'none', 'deprecated')).toBeCloseTo(1.25 * 0.5);
    expect(prior(3, 'withdrawn', 'retired')).toBeCloseTo(1.5 * 0.8 * 0.3);
    expect(searchScore(0.25, 2)).toBeCloseTo(1);
  });
});

describe('identical names', () => {
  it('flags each sheet with the other sheets of the same name, accents, case and spaces aside', async () => {
    const page = await search('q=courriers&sort=name');
    const flags = Object.fromEntries(page.items.map((i) => [i.code, i.sameName]));
    expect(flags['COURRIER-A']).toEqual([
      {
        id: ids['COURRIER-B'],
        code: 'COURRIER-B',
        designerOrganisation: { code: 'CPAM-44', name: expect.any(String) },
      },
    ]);
    expect(flags['COURRIER-B']?.map((o) => o.code)).toEqual(['COURRIER-A']);
    expect(page.items.find((i) => i.code === 'COURRIER-A')?.sameNameCount).toBe(1);
    const alone = await search('q=cong%C3%A9s');
    expect(alone.items.every((i) => i.sameName.length === 0 && i.sameNameCount === 0)).toBe(true);
    expect(alone.items).toHaveLength(2);
  });

  it('lists the first five of many sheets of the same name, by code, and says how many there are', async () => {
    const admin = await signedInAs(t, ['admin'], 'CNAM-DDO');
    const rhone = await organisationId(t.db, 'CPAM-69');
    for (const n of [7, 3, 5, 1, 6, 2, 4])
      await createSheet(admin, rhone, { code: `TAMANOIR-${n}`, name: 'Tamanoir', description: '' });
    const page = await search('q=tamanoir&sort=name');
    expect(page.items).toHaveLength(7);
    const first = page.items.find((i) => i.code === 'TAMANOIR-1');
    expect(first?.sameNameCount).toBe(6);
    expect(first?.sameName.map((o) => o.code)).toEqual([
      'TAMANOIR-2',
      'TAMANOIR-3',
      'TAMANOIR-4',
      'TAMANOIR-5',
      'TAMANOIR-6',
    ]);
  });
});
