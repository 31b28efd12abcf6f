import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVENTORY_COLUMNS } from '../../../../common/catalog/inventory-columns.ts';
import { applications } from '../../../db/schema.ts';
import { createSheet, uploadFile } from '../../../test/catalog-fixtures.ts';
import {
  type Agent,
  createTestContext,
  createUser,
  login,
  organisationId,
  type TestContext,
} from '../../../test/harness.ts';
import { inventoryRow } from '../../../test/inventory-fixtures.ts';

let t: TestContext;
let developer: Agent; // CPAM-67
let admin: Agent;
let reader: Agent;
beforeAll(async () => {
  t = await createTestContext();
  developer = await login(
    t.app,
    (await createUser(t.db, { roles: ['developer'], organisationCode: 'CPAM-67' })).email,
  );
  admin = await login(
    t.app,
    (await createUser(t.db, { roles: ['admin'], organisationCode: 'CNAM-DDO' })).email,
  );
  reader = await login(
    t.app,
    (await createUser(t.db, { roles: ['agent'], organisationCode: 'CPAM-13' })).email,
  );
});
afterAll(() => t.close());

const HEADER = INVENTORY_COLUMNS.map((c) => c.header);
function csv(rows: Record<string, string>[]) {
  return Papa.unparse(
    { fields: HEADER, data: rows.map((r) => HEADER.map((h) => r[h] ?? '')) },
    { delimiter: ';' },
  );
}
const row = (code: string, overrides: Record<string, string> = {}) =>
  inventoryRow(code, { 'Version PHP': '8.1', Versions: '1.0.0 (2024-01-15);1.1.0', ...overrides });

const importFile = (agent: Agent, name: string, content: Buffer | string, dryRun: boolean) =>
  uploadFile(t.app, agent, `/api/applications/import?dryRun=${dryRun}`, { name, content });
const countSheets = async () => (await t.db.select({ id: applications.id }).from(applications)).length;

describe('inventory template', () => {
  it('is a CSV with the French headers and an example row refused only for being the example', async () => {
    const response = await reader.get('/api/applications/import/template.csv');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('modele-inventaire-applications.csv');
    expect(response.body.startsWith('\uFEFFIdentifiant;Nom;Description courte;')).toBe(true);
    const check = await importFile(admin, 'modele.csv', response.body, true);
    expect(check.json()).toMatchObject({ created: 0, dryRun: true, written: false });
    expect(check.json().errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
      [2, 'Identifiant'],
    ]);
  });

  it('is an XLSX with a sheet that documents every column', async () => {
    const response = await reader.get('/api/applications/import/template.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Applications', 'Colonnes']);
    expect(workbook.getWorksheet('Applications')?.getRow(1).getCell(1).value).toBe('Identifiant');
    expect(workbook.getWorksheet('Colonnes')?.rowCount).toBe(INVENTORY_COLUMNS.length + 1);
  });
});

describe('inventory import', () => {
  it('a file with one bad row writes nothing and names the line and the column; fixed, it imports', async () => {
    const before = await countSheets();
    const bad = csv([
      row('BR-STATS'),
      row('BR-COURRIER', { Filière: 'Artisanale' }),
      row('BR-RDV', { 'Organisme concepteur': 'CPAM-99' }),
    ]);
    const check = await importFile(developer, 'inventaire.csv', bad, true);
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ created: 1, updated: 0, rows: 3, dryRun: true, written: false });
    const failed = await importFile(developer, 'inventaire.csv', bad, false);
    expect(failed.statusCode).toBe(422);
    expect(failed.json()).toMatchObject({
      created: 0,
      updated: 0,
      written: false,
      errors: [
        { line: 3, field: 'Filière', message: 'Filière inconnue.' },
        {
          line: 4,
          field: 'Organisme concepteur',
          message: 'Organisme inconnu : « CPAM-99 » (code attendu, par exemple CPAM-69).',
        },
      ],
    });
    expect(await countSheets()).toBe(before);

    const certifying = await importFile(
      developer,
      'inventaire.csv',
      csv([row('BR-COURRIER', { Filière: 'Homologation', Certification: 'Certification en cours' })]),
      false,
    );
    expect(certifying.statusCode).toBe(422);
    expect(certifying.json().errors).toEqual([
      expect.objectContaining({ line: 2, field: 'Certification', message: expect.stringContaining('DDSI') }),
    ]);

    const fixed = csv([row('BR-STATS'), row('BR-COURRIER', { Filière: 'Homologation' }), row('BR-RDV')]);
    const imported = await importFile(developer, 'inventaire.csv', fixed, false);
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ created: 3, updated: 0, errors: [], written: true });
    expect(await countSheets()).toBe(before + 3);
    const found = (await reader.get('/api/applications?q=BR-COURRIER')).json();
    expect(found.items[0]).toMatchObject({
      code: 'BR-COURRIER',
      track: 'homologation',
      certificationStatus: 'none',
      technologyTags: ['PHP 8.1'],
    });
    const sheet = (await reader.get(`/api/applications/${found.items[0].id}`)).json();
    expect(sheet.versions).toEqual([
      { number: '1.0.0', releasedOn: '2024-01-15', notes: '' },
      { number: '1.1.0', releasedOn: null, notes: '' },
    ]);

    // The same file again updates, never duplicates.
    const again = await importFile(
      developer,
      'inventaire.csv',
      fixed.replace('Application BR-RDV du Bas-Rhin', 'Rendez-vous du Bas-Rhin'),
      false,
    );
    expect(again.json()).toMatchObject({ created: 0, updated: 3, written: true });
    expect(await countSheets()).toBe(before + 3);
    const rdv = (await reader.get('/api/applications?q=BR-RDV')).json().items[0];
    expect(rdv.summary).toBe('Rendez-vous du Bas-Rhin pour les services.');
    expect((await reader.get(`/api/applications/${rdv.id}`)).json().version).toBe(2);
  });

  it('refuses rows of another office for a developer, duplicates in the file, unknown columns', async () => {
    const response = await importFile(
      developer,
      'inventaire.csv',
      `${csv([row('AUTRE', { 'Organisme concepteur': 'CPAM-13' }), row('DOUBLE'), row('DOUBLE')])}`
        .replace('Identifiant;', 'Identifiant;Couleur;')
        .replace(/\r\n([^\r\n]+)/g, (_m, line: string) => `\r\n${line.replace(/^([^;]*);/, '$1;rouge;')}`),
      true,
    );
    expect(response.json().errors).toEqual([
      { line: 1, field: 'Couleur', message: "Colonne inconnue « Couleur » : voyez le modèle d'import." },
      {
        line: 2,
        field: 'Organisme concepteur',
        message: 'Vous ne pouvez importer que les applications dont votre organisme est le concepteur.',
      },
      { line: 4, field: 'Identifiant', message: "L'identifiant DOUBLE figure déjà ligne 3." },
    ]);
  });

  it('reads XLSX, and says what is wrong with a file that is neither CSV nor XLSX', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Inventaire');
    sheet.addRow(HEADER);
    sheet.addRow(
      HEADER.map(
        (h) =>
          row('XL-PLANNING', {
            'Niveau de maturité': '4',
            'Données personnelles': 'oui',
            'Catégories de données personnelles': 'Coordonnées;identity',
          })[h as keyof ReturnType<typeof row>] ?? '',
      ),
    );
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const imported = await importFile(developer, 'inventaire.xlsx', buffer, false);
    expect(imported.json()).toMatchObject({ created: 1, errors: [] });
    const found = (await reader.get('/api/applications?q=XL-PLANNING')).json().items[0];
    expect((await reader.get(`/api/applications/${found.id}`)).json()).toMatchObject({
      maturityLevel: 4,
      personalData: true,
      personalDataCategories: ['contact', 'identity'],
    });
    const pdf = await importFile(developer, 'inventaire.pdf', Buffer.from('%PDF-1.4'), true);
    expect(pdf.json().errors).toEqual([
      {
        line: 0,
        field: 'fichier',
        message: 'Format non reconnu : envoyez un fichier CSV, XLSX ou publiccode.yml.',
      },
    ]);
    const json = await developer.post('/api/applications/import', {});
    expect(json.statusCode).toBe(400);
    expect(json.json().errors).toEqual([
      { field: 'file', message: 'Envoyez le fichier en multipart/form-data, dans le champ « file ».' },
    ]);
  });
});

describe('the API document', () => {
  it('describes the two uploads as multipart forms', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const form = (path: string) =>
      document.paths[path].post.requestBody.content['multipart/form-data'].schema;
    expect(form('/api/applications/import')).toMatchObject({
      required: ['file'],
      properties: { file: { format: 'binary' } },
    });
    expect(form('/api/applications/{id}/attachments').properties.kind.enum).toEqual([
      'screenshot',
      'document',
    ]);
  });
});

describe('export', () => {
  it('names the file by the date and neutralises spreadsheet formulas in CSV', async () => {
    const office = await organisationId(t.db, 'CPAM-67');
    await createSheet(admin, office, { name: 'Formule témoin', code: 'FORMULE', description: '=SOMME(A1)' });
    const exported = await reader.get('/api/applications/export?format=csv&q=formule');
    expect(exported.headers['content-disposition']).toMatch(/catalogue-applications-\d{4}-\d{2}-\d{2}\.csv/);
    const parsed = Papa.parse<string[]>(exported.body.replace(/^\uFEFF/, ''), {
      delimiter: ';',
      skipEmptyLines: true,
    }).data;
    expect(parsed[0]).toEqual(HEADER);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(['FORMULE']);
    expect(parsed[1]?.[HEADER.indexOf('Description')]).toBe("'=SOMME(A1)");
  });
});

describe('certification carried by an inventory', () => {
  it('is taken from the DDSI: the sheet starts in that state, its lifecycle history says so', async () => {
    const ddsi = await login(
      t.app,
      (await createUser(t.db, { roles: ['itDirectorate'], organisationCode: 'CNAM-DDSI' })).email,
    );
    const file = csv([row('BR-CERTIF', { Filière: 'Homologation', Certification: 'Homologuée' })]);
    const imported = await importFile(ddsi, 'inventaire.csv', file, false);
    expect(imported.json()).toMatchObject({ errors: [], created: 1 });
    const found = (await reader.get('/api/applications?q=BR-CERTIF')).json();
    expect(found.items).toHaveLength(1);
    const sheet = (await reader.get(`/api/applications/${found.items[0].id}`)).json();
    expect(sheet.certificationStatus).toBe('homologated');
    expect(
      sheet.lifecycles.find((l: { lifecycle: string }) => l.lifecycle === 'applicationCertification'),
    ).toMatchObject({
      state: 'homologated',
      reached: [{ state: 'homologated', by: null }],
    });
  });
});
