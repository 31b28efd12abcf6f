import { type TestCaseInput, testCaseInputSchema } from '../../../common/schemas/acceptance.ts';
import type { FieldError } from '../../lib/errors.ts';
import { readFirstSheetInWorker } from '../catalog/transfer/xlsx-sheet.ts';
import { zipExpansionProblem } from '../catalog/transfer/zip-limits.ts';

/**
 * A test plan from a workbook: the first sheet, a header line, then one case per line — Code, Titre,
 * Étapes, Résultat attendu, Exigences (codes separated by commas), Domaines fonctionnels (separated by
 * commas). Headers are matched by name, accents and case aside.
 */
export const TEST_CASE_COLUMNS = [
  'Code',
  'Titre',
  'Étapes',
  'Résultat attendu',
  'Exigences',
  'Domaines fonctionnels',
];
const FIELDS = ['code', 'title', 'steps', 'expectedResult', 'requirementCodes', 'functionalAreas'] as const;
export const MAX_TEST_CASES = 500;

const comparable = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();
const list = (cell: string) =>
  cell
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

export async function readTestCases(
  content: Buffer,
): Promise<{ cases: TestCaseInput[] } | { problem: string; errors?: FieldError[] }> {
  const zip = await zipExpansionProblem(content);
  if (zip) return { problem: zip };
  const sheet = await readFirstSheetInWorker(content, MAX_TEST_CASES + 1);
  if (sheet.outcome === 'tooManyRows')
    return { problem: `Le plan de tests compte plus de ${MAX_TEST_CASES} cas : scindez-le.` };
  if (sheet.outcome !== 'read') return { problem: "Le fichier n'est pas un classeur XLSX lisible." };
  const [header, ...lines] = sheet.lines;
  const positions = FIELDS.map((_, i) =>
    (header?.cells ?? []).findIndex((cell) => comparable(cell) === comparable(TEST_CASE_COLUMNS[i] ?? '')),
  );
  const missing = TEST_CASE_COLUMNS.filter((_, i) => i < 2 && positions[i] === -1);
  if (missing.length > 0)
    return { problem: `La première ligne doit nommer les colonnes ; il manque : ${missing.join(', ')}.` };
  const cases: TestCaseInput[] = [];
  const errors: FieldError[] = [];
  for (const line of lines) {
    const cell = (i: number) =>
      positions[i] === -1 ? '' : (line.cells[positions[i] as number] ?? '').trim();
    if (FIELDS.every((_, i) => cell(i) === '')) continue;
    const parsed = testCaseInputSchema.safeParse({
      code: cell(0),
      title: cell(1),
      steps: cell(2),
      expectedResult: cell(3),
      requirementCodes: list(cell(4)).map((c) => c.toUpperCase()),
      functionalAreas: list(cell(5)),
    });
    if (parsed.success) cases.push(parsed.data);
    else
      for (const issue of parsed.error.issues) {
        const column = TEST_CASE_COLUMNS[FIELDS.indexOf(issue.path[0] as (typeof FIELDS)[number])];
        errors.push({
          field: `ligne ${line.line}.${issue.path.join('.')}`,
          message: `Ligne ${line.line}, colonne « ${column} » : ${issue.message}`,
        });
      }
  }
  if (errors.length > 0)
    return { problem: `Le plan de tests a ${errors.length} erreur(s) : rien n'est importé.`, errors };
  if (cases.length === 0)
    return { problem: "Le classeur ne contient aucun cas de test sous la ligne d'en-tête." };
  return { cases };
}
