import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { runInWorker } from '../../../lib/worker.ts';

export type SheetLines = { line: number; cells: string[] }[];
export type SheetReading =
  | { outcome: 'read'; lines: SheetLines }
  | { outcome: 'tooManyRows' | 'noSheet' | 'unreadable' };

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('hyperlink' in value) return String((value as { hyperlink: string }).hyperlink);
  }
  return String(value);
}

/**
 * The first sheet's rows as text, read with exceljs's streaming reader, line 1 first (empty when the
 * sheet starts lower); stops as soon as there are more than `maxLines`.
 */
export async function readFirstSheet(content: Uint8Array, maxLines: number): Promise<SheetReading> {
  const input = Readable.from([Buffer.from(content.buffer, content.byteOffset, content.byteLength)]);
  // Loaded here, in the worker, on first use: exceljs costs the server ≈ 28 MB once imported.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const lines: SheetLines = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        if (lines.length === 0 && row.number !== 1) lines.push({ line: 1, cells: [] });
        const values = Array.isArray(row.values) ? row.values : [];
        lines.push({
          line: row.number,
          cells: Array.from(values.slice(1), (v) => cellText(v as ExcelJS.CellValue)),
        });
        if (lines.length > maxLines) return { outcome: 'tooManyRows' };
      }
      return { outcome: 'read', lines };
    }
    return { outcome: 'noSheet' };
  } catch {
    return { outcome: 'unreadable' };
  } finally {
    input.destroy();
  }
}

const WORKER = new URL('./xlsx-sheet.worker.ts', import.meta.url);

/** readFirstSheet in a worker thread of its own: parsing XML is CPU work that would hold every request. */
export function readFirstSheetInWorker(content: Buffer, maxLines: number): Promise<SheetReading> {
  return runInWorker<SheetReading>(WORKER, { content: new Uint8Array(content), maxLines });
}
