import { type TestCaseInput, testCaseInputSchema } from '../../../common/schemas/acceptance.ts';
import type { FieldError } from '../../lib/errors.ts';
import { readWorkbookRows } from '../../lib/workbook-rows.ts';

/**
 * A test plan from a workbook: the first sheet, a header line, then one case per line — Code, Titre,
 * Étapes, Résultat attendu, Exigences (codes separated by commas), Domaines fonctionnels (separated by
 * commas). Headers are matched by name, accents and case aside.
 */
const COLUMNS = {
  code: 'Code',
  title: 'Titre',
  steps: 'Étapes',
  expectedResult: 'Résultat attendu',
  requirementCodes: 'Exigences',
  functionalAreas: 'Domaines fonctionnels',
} as const;
export const TEST_CASE_COLUMNS = Object.values(COLUMNS);
export const MAX_TEST_CASES = 500;

const list = (cell: string) =>
  cell
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

export async function readTestCases(
  content: Buffer,
): Promise<{ cases: TestCaseInput[] } | { problem: string; errors?: FieldError[] }> {
  const read = await readWorkbookRows(content, {
    columns: COLUMNS,
    required: ['code', 'title'],
    maxRows: MAX_TEST_CASES,
    what: 'Le plan de tests',
    schema: testCaseInputSchema,
    build: (cell) => ({
      code: cell('code'),
      title: cell('title'),
      steps: cell('steps'),
      expectedResult: cell('expectedResult'),
      requirementCodes: list(cell('requirementCodes')).map((c) => c.toUpperCase()),
      functionalAreas: list(cell('functionalAreas')),
    }),
  });
  if ('problem' in read) return read;
  return { cases: read.rows.map((r) => r.value) };
}
