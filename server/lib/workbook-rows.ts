import type { z } from 'zod';
import { readFirstSheetInWorker } from '../modules/catalog/transfer/xlsx-sheet.ts';
import { zipExpansionProblem } from '../modules/catalog/transfer/zip-limits.ts';
import type { FieldError } from './errors.ts';

/**
 * Rows of a workbook the portal imports (a test plan, effort records): the first sheet, a header line
 * naming the columns (matched by name, accents and case aside), then one row per line, each checked by
 * a zod schema. Every error names its line and column in French; one error and nothing is imported.
 */
export interface WorkbookLayout<Field extends string, Row> {
  /** The columns by field, in the order of the template. */
  columns: Record<Field, string>;
  required: readonly NoInfer<Field>[];
  maxRows: number;
  /** "Le plan de tests", "Le relevé d'effort": the subject of the messages. */
  what: string;
  /** The object the schema checks, from the cells of one line. */
  build: (cell: (field: NoInfer<Field>) => string) => unknown;
  schema: z.ZodType<Row>;
  /** The column an issue is about, from its path in the built object (default: its first key). */
  fieldOf?: (path: readonly PropertyKey[]) => Field | undefined;
}

export type WorkbookReading<Row> =
  | { rows: { line: number; value: Row }[] }
  | { problem: string; errors?: FieldError[] };

export const comparable = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();

/** "Ligne 4, colonne « Mois » : …", with the field `ligne 4.month`. */
export const lineError = (line: number, field: string, column: string, message: string): FieldError => ({
  field: `ligne ${line}.${field}`,
  message: `Ligne ${line}, colonne « ${column} » : ${message}`,
});

export const rowErrorsProblem = (what: string, count: number) =>
  `${what} a ${count} erreur(s) : rien n'est importé.`;

export async function readWorkbookRows<Field extends string, Row>(
  content: Buffer,
  layout: WorkbookLayout<Field, Row>,
): Promise<WorkbookReading<Row>> {
  const zip = await zipExpansionProblem(content);
  if (zip) return { problem: zip };
  const sheet = await readFirstSheetInWorker(content, layout.maxRows + 1);
  if (sheet.outcome === 'tooManyRows')
    return { problem: `${layout.what} compte plus de ${layout.maxRows} lignes : scindez-le.` };
  if (sheet.outcome !== 'read') return { problem: "Le fichier n'est pas un classeur XLSX lisible." };
  const fields = Object.keys(layout.columns) as Field[];
  const [header, ...lines] = sheet.lines;
  const positions = new Map(
    fields.map((f) => [
      f,
      (header?.cells ?? []).findIndex((cell) => comparable(cell) === comparable(layout.columns[f])),
    ]),
  );
  const missing = layout.required.filter((f) => positions.get(f) === -1).map((f) => layout.columns[f]);
  if (missing.length > 0)
    return { problem: `La première ligne doit nommer les colonnes ; il manque : ${missing.join(', ')}.` };
  const rows: { line: number; value: Row }[] = [];
  const errors: FieldError[] = [];
  for (const line of lines) {
    const cell = (f: Field) => {
      const at = positions.get(f) ?? -1;
      return at === -1 ? '' : (line.cells[at] ?? '').trim();
    };
    if (fields.every((f) => cell(f) === '')) continue;
    const parsed = layout.schema.safeParse(layout.build(cell));
    if (parsed.success) rows.push({ line: line.line, value: parsed.data });
    else
      for (const issue of parsed.error.issues) {
        const field = layout.fieldOf?.(issue.path) ?? (issue.path[0] as Field);
        errors.push(
          lineError(line.line, issue.path.join('.'), layout.columns[field] ?? String(field), issue.message),
        );
      }
  }
  if (errors.length > 0) return { problem: rowErrorsProblem(layout.what, errors.length), errors };
  if (rows.length === 0) return { problem: "Le classeur ne contient aucune ligne sous la ligne d'en-tête." };
  return { rows };
}
