import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_APPLICATIONS } from '../../../db/demo/catalogue-data.ts';
import { seedDemoCatalogue } from '../../../db/demo/seed-catalogue.ts';
import { applications } from '../../../db/schema.ts';
import { createSheet, uploadFile } from '../../../test/catalog-fixtures.ts';
import {
  type Agent,
  createTestContext,
  organisationId,
  signUp,
  type TestContext,
} from '../../../test/harness.ts';

/**
 * A catalogue exported from one database and imported into an empty one comes back field for field,
 * in CSV and in XLSX; what the inventory leaves out on purpose is named, with the reason, in `carried`.
 */
type Sheet = Record<string, unknown>;
/** What a sheet holds that belongs to the database it lives in (ids, versions, dates, who, attachments). */
const OWN_TO_ONE_DATABASE = [
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'myUsage',
  'can',
  'attachments',
  // What the reader may do and when each state was reached belong to one database's history.
  'transitions',
  'lifecycles',
];

describe('export → import into an empty catalogue (round trip)', () => {
  /**
   * The source: the sixty demo sheets (with their usages) and hand-made sheets for the edge cases: every
   * column filled, cells that look like formulas, quotes, line breaks and separators inside a cell.
   */
  let source: TestContext;
  let sourceAdmin: Agent;
  beforeAll(async () => {
    source = await createTestContext();
    await seedDemoCatalogue(source.db);
    sourceAdmin = (await signUp(source, { roles: ['admin'], organisationCode: 'CNAM-DDO' })).agent;
    const office = (code: string) => organisationId(source.db, code);
    await createSheet(sourceAdmin, await office('CPAM-69'), {
      code: 'RT-COMPLET',
      name: 'Fiche « complète » ; avec "guillemets"',
      summary: '-Résumé qui commence par un tiret, et des ; points-virgules.',
      description: '=SOMME(A1)\n\n## Titre\n\n- une ligne ; avec "guillemets"\n- @mention et +plus',
      domainCode: 'comptabilite-finances',
      contributorOrganisationIds: [await office('CPAM-38'), await office('CPAM-42')],
      track: 'labelling',
      certificationStatus: 'labelled',
      lifecycleStage: 'deprecated',
      maturityLevel: 4,
      criticalityClass: 'critical',
      technologies: {
        php: '8.3',
        symfony: '7.1',
        starterKit: '3.2',
        psram: '2.1',
        database: 'PostgreSQL 16',
        others: ['Vue.js', 'Redis'],
      },
      hosting: 'amCloud',
      personalData: true,
      personalDataCategories: ['identity', 'health', 'nir'],
      cnilReference: 'RT-2026-042',
      connectors: ['PROGRES', 'SNGI'],
      forgeUrl: 'https://forge.assurance-maladie.fr/cpam-69/rt-complet',
      documentationUrl: 'https://doc.assurance-maladie.fr/rt-complet',
      licence: 'EUPL-1.2',
      maintainer: {
        name: '@Équipe complète',
        email: 'equipe.complete@assurance-maladie.fr',
        phone: '04 72 00 00 00',
      },
      support: { name: '+Support N2', email: 'support.n2@assurance-maladie.fr', phone: '+33 4 72 00 00 01' },
      versions: [
        { number: '2.0.0', releasedOn: '2025-06-30', notes: 'Refonte.' },
        { number: '2.1.0', releasedOn: null, notes: '' },
      ],
    });
    await createSheet(sourceAdmin, await office('CTI-RA'), {
      code: 'RT-MINIMAL',
      name: 'Fiche minimale',
      summary: 'Seulement les champs obligatoires.',
      description: '',
      domainCode: 'informatique-outillage',
      track: 'notDeclared',
      certificationStatus: 'none',
      lifecycleStage: 'inDevelopment',
      technologies: { others: [] },
      hosting: 'other',
      personalData: false,
      personalDataCategories: [],
    });
  });
  afterAll(() => source.close());

  /** Every sheet of a catalogue, by code, as the sheet page reads it, without what belongs to one database. */
  async function sheetsOf(context: TestContext, agent: Agent) {
    const rows = await context.db.select({ id: applications.id, code: applications.code }).from(applications);
    const sheets = new Map<string, Sheet>();
    for (const { id, code } of rows) {
      const response = await agent.get(`/api/applications/${id}`);
      expect(response.statusCode).toBe(200);
      const { designerOrganisation, contributors, ...fields } = response.json();
      for (const local of OWN_TO_ONE_DATABASE) delete fields[local];
      sheets.set(code, {
        ...fields,
        designerOrganisation: designerOrganisation.code,
        contributors: contributors.map((c: { code: string }) => c.code).sort(),
      });
    }
    return sheets;
  }
  /** What an inventory carries of each sheet; what it leaves out is left out on purpose, for the reason given. */
  const carried = (sheets: Map<string, Sheet>) =>
    new Map(
      [...sheets].map(([code, sheet]) => [
        code,
        {
          ...sheet,
          // Usages are not part of the inventory: each office declares its own use in the catalogue; only the
          // designer office of a sheet in production counts without declaring.
          usageCount: sheet.lifecycleStage === 'inProduction' ? 1 : 0,
          // One line per application: a version is its number and date in the "Versions" cell; its notes,
          // free text of up to 2,000 characters each, stay with the sheet.
          versions: (sheet.versions as { notes: string }[]).map((v) => ({ ...v, notes: '' })),
        },
      ]),
    );
  /** "CODE.field: expected … got …" for every field of every sheet that differs. */
  function differences(expected: Map<string, Sheet>, actual: Map<string, Sheet>) {
    const found: string[] = [];
    for (const [code, sheet] of expected) {
      const other = actual.get(code) ?? {};
      for (const field of new Set([...Object.keys(sheet), ...Object.keys(other)])) {
        const [want, got] = [JSON.stringify(sheet[field]), JSON.stringify(other[field])];
        if (want !== got) found.push(`${code}.${field}: expected ${want} got ${got}`);
      }
    }
    return found;
  }

  async function roundTrip(format: 'csv' | 'xlsx') {
    const exported = await sourceAdmin.get(`/api/applications/export?format=${format}`);
    expect(exported.statusCode).toBe(200);
    const target = await createTestContext();
    try {
      // The DDSI imports: a party of certification, it may carry the certifications of the catalogue.
      const targetAdmin = (await signUp(target, { roles: ['itDirectorate'], organisationCode: 'CNAM-DDSI' }))
        .agent;
      expect(await target.db.select({ id: applications.id }).from(applications)).toEqual([]);
      const imported = await uploadFile(target.app, targetAdmin, '/api/applications/import', {
        name: `export.${format}`,
        content: format === 'csv' ? exported.body : exported.rawPayload,
      });
      expect(imported.statusCode).toBe(200);
      const expected = await sheetsOf(source, sourceAdmin);
      expect(expected.size).toBe(DEMO_APPLICATIONS.length + 2);
      expect(imported.json()).toMatchObject({
        errors: [],
        created: expected.size,
        updated: 0,
        written: true,
      });
      const actual = await sheetsOf(target, targetAdmin);
      expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
      expect(differences(carried(expected), actual)).toEqual([]);

      // The JSON export (export only: nothing imports JSON) reads the same from both catalogues.
      const json = async (agent: Agent) =>
        ((await agent.get('/api/applications/export?format=json')).json() as Record<string, unknown>[]).map(
          ({ updatedAt: _updatedAt, usageCount: _usageCount, ...row }) => row,
        );
      const sourceJson = await json(sourceAdmin);
      expect(sourceJson).toHaveLength(expected.size);
      expect(await json(targetAdmin)).toEqual(sourceJson);
    } finally {
      await target.close();
    }
  }

  it('CSV: every field of every sheet comes back the same', async () => {
    await roundTrip('csv');
  });

  it('XLSX: every field of every sheet comes back the same', async () => {
    await roundTrip('xlsx');
  });
});
