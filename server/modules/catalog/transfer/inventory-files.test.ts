import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_EXAMPLE } from '../../../../common/catalog/inventory-columns.ts';
import { createSheet, signedInAs, uploadFile } from '../../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, organisationId, type TestContext } from '../../../test/harness.ts';
import { INVENTORY_HEADER, inventoryCells, inventoryRow } from '../../../test/inventory-fixtures.ts';
import { sheetRow, xlsxOf, zipOf } from '../../../test/zip-files.ts';
import { guardFormula } from './inventory.ts';
import { decodeText, MAX_IMPORT_ROWS } from './inventory-files.ts';
import { zipExpansionProblem } from './zip-limits.ts';

let t: TestContext;
let developer: Agent; // CPAM-67
let reader: Agent;
beforeAll(async () => {
  t = await createTestContext();
  developer = await signedInAs(t, ['developer'], 'CPAM-67');
  reader = await signedInAs(t, ['agent'], 'CPAM-13');
});
afterAll(() => t.close());

const HEADER = INVENTORY_HEADER;
const row = inventoryRow;
const cellsOf = inventoryCells;
const importFile = (name: string, content: Buffer | string, dryRun = true) =>
  uploadFile(t.app, developer, `/api/applications/import?dryRun=${dryRun}`, { name, content });

describe('CSV from French Excel', () => {
  it('reads Windows-1252 with « ; » and says how the file was read', async () => {
    const text = Papa.unparse(
      { fields: HEADER, data: [cellsOf(row('WIN-CONGES', { Nom: 'Congés à l’été', Description: 'Œuvre' }))] },
      { delimiter: ';', newline: '\r\n' },
    );
    const content = latin(text);
    expect(content.includes(Buffer.from('Congés'))).toBe(false); // really not UTF-8
    const imported = await importFile('inventaire.csv', content, false);
    expect(imported.json()).toMatchObject({
      errors: [],
      created: 1,
      reading: { format: 'csv', encoding: 'windows-1252', separator: ';' },
    });
    const found = (await reader.get('/api/applications?q=WIN-CONGES')).json().items;
    expect(found.map((a: { name: string }) => a.name)).toEqual(['Congés à l’été']);
    expect(decodeText(Buffer.from([0x80, 0x9c, 0x85, 0xe9, 0x96]))).toEqual({
      text: '€œ…é–',
      encoding: 'windows-1252',
    });
  });

  it('reads UTF-8 with a byte order mark and a « , » separator, and UTF-8 without one', async () => {
    const text = Papa.unparse({
      fields: HEADER,
      data: [cellsOf(row('UTF-VIRGULE', { Nom: 'Études, suivi' }))],
    });
    const withBom = await importFile('inventaire.csv', `\uFEFF${text}`);
    expect(withBom.json()).toMatchObject({
      errors: [],
      items: [{ code: 'UTF-VIRGULE', name: 'Études, suivi' }],
      reading: { format: 'csv', encoding: 'utf-8-bom', separator: ',' },
    });
    const plain = await importFile(
      'inventaire.csv',
      Papa.unparse({ fields: HEADER, data: [] }, { delimiter: '\t' }),
    );
    expect(plain.json().reading).toEqual({ format: 'csv', encoding: 'utf-8', separator: '\t' });
  });
});

/** Windows-1252 bytes of a text (the characters these tests use). */
function latin(text: string) {
  const special: Record<string, number> = { '’': 0x92, Œ: 0x8c, œ: 0x9c, '€': 0x80 };
  return Buffer.from([...text].map((c) => special[c] ?? c.charCodeAt(0)));
}

describe('the template example row', () => {
  it('is plainly fictitious and refused, so that it never creates nor overwrites a sheet', async () => {
    const office = await organisationId(t.db, 'CPAM-67');
    // Even a sheet that took the example's code cannot be overwritten by the template.
    await createSheet(developer, office, { code: TEMPLATE_EXAMPLE.code, name: 'Vraie application' });
    const template = await reader.get('/api/applications/import/template.csv');
    const [, example] = Papa.parse<string[]>(template.body.replace(/^\uFEFF/, ''), { delimiter: ';' }).data;
    expect(example?.slice(0, 2)).toEqual(['EXEMPLE-A-SUPPRIMER', 'Exemple — ligne à supprimer']);
    const refused = await importFile('modele.csv', template.body, false);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      {
        line: 2,
        field: 'Identifiant',
        message:
          "Ligne d'exemple du modèle (« EXEMPLE-A-SUPPRIMER ») : supprimez-la avant d'importer, elle ne décrit aucune application.",
      },
    ]);
    // The example's name under another code is refused as well.
    const renamed = Papa.unparse({
      fields: HEADER,
      data: [cellsOf(row('AUTRE-CODE', { Nom: TEMPLATE_EXAMPLE.name }))],
    });
    expect((await importFile('modele.csv', renamed)).json().errors).toHaveLength(1);
    const sheets = (await reader.get(`/api/applications?q=${TEMPLATE_EXAMPLE.code}`)).json().items;
    expect(sheets.map((s: { name: string }) => s.name)).toEqual(['Vraie application']);
  });
});

describe('spreadsheet formulas in CSV exports', () => {
  it('neutralises every cell that starts like a formula, unless it is a plain number', () => {
    for (const value of ["-2+3+cmd|' /C calc'!A0", '=1+1', '+A1', '@SUM(A1)', '\tx', '\r=1', '-A1', '+'])
      expect(guardFormula(value)).toBe(`'${value}`);
    for (const value of ['-2', '+33', '-3,5', '12', 'texte', '2-3', ''])
      expect(guardFormula(value)).toBe(value);
  });

  it('exports the payload neutralised and imports it back unchanged', async () => {
    const office = await organisationId(t.db, 'CPAM-67');
    const payload = "-2+3+cmd|' /C calc'!A0";
    await createSheet(developer, office, { code: 'FORMULE-MOINS', description: payload });
    const exported = await reader.get('/api/applications/export?format=csv&q=FORMULE-MOINS');
    const [, cells] = Papa.parse<string[]>(exported.body.replace(/^\uFEFF/, ''), { delimiter: ';' }).data;
    expect(cells?.[HEADER.indexOf('Description')]).toBe(`'${payload}`);
    const again = await importFile('export.csv', exported.body, false);
    expect(again.json()).toMatchObject({ errors: [], updated: 1 });
    const id = (await reader.get('/api/applications?q=FORMULE-MOINS')).json().items[0].id;
    expect((await reader.get(`/api/applications/${id}`)).json().description).toBe(payload);
  });
});

describe('XLSX limits', () => {
  const header = sheetRow(1, HEADER);
  it('reads a sheet row by row and stops at the row limit (a million rows cost what 20,001 cost)', async () => {
    const line = (n: number) => sheetRow(n, cellsOf(row(`XL-${n}`)));
    // 60 MB of sheet XML, 1 MB compressed: under the expansion limit, far over the row limit.
    const rows = Array.from({ length: 1_000_000 }, (_, i) =>
      i === 0 ? header : sheetRow(i + 1, ['XL']),
    ).join('');
    const refused = await importFile('inventaire.xlsx', xlsxOf(rows));
    expect(refused.json().errors).toEqual([
      {
        line: 0,
        field: 'fichier',
        message: `Au plus ${MAX_IMPORT_ROWS} lignes par import : le fichier en compte davantage. Découpez-le en plusieurs fichiers.`,
      },
    ]);
    const small = await importFile('inventaire.xlsx', xlsxOf(header + line(2) + line(3)));
    expect(small.json()).toMatchObject({ errors: [], created: 2, reading: { format: 'xlsx' } });
  }, 120_000);

  it('refuses an archive that expands past 100 MB, even when its headers say otherwise', async () => {
    const padding = { name: 'xl/media/padding.bin', data: Buffer.alloc(120 * 1024 * 1024) };
    const bomb = await importFile('inventaire.xlsx', xlsxOf(header, [padding]));
    expect(bomb.json().errors).toEqual([
      {
        line: 0,
        field: 'fichier',
        message: "Le classeur décompressé dépasse 100 Mo : découpez l'inventaire en plusieurs fichiers.",
      },
    ]);
    const liar = zipOf([{ ...padding, declaredSize: 1000 }]);
    expect(await zipExpansionProblem(liar)).toMatch(/dépasse 100 Mo/);
    expect(await zipExpansionProblem(zipOf([{ name: 'a.xml', data: 'x'.repeat(1000) }]))).toBeNull();
  }, 60_000);
});
