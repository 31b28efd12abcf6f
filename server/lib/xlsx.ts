import type ExcelJS from 'exceljs';

/** A column of a table sheet: its header, the key of its cells, its width in characters. */
export interface SheetColumn {
  header: string;
  key: string;
  width: number;
}

/** A workbook of the portal's spreadsheets; exceljs is loaded on the first one (≈ 28 MB once imported). */
export async function newWorkbook() {
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'Mutualis';
  return workbook;
}

/** Adds a sheet of one table: a bold header row kept in view, then one row per record. */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly SheetColumn[],
  rows: readonly Record<string, unknown>[],
  options: { freezeHeader?: boolean } = { freezeHeader: true },
) {
  const sheet = workbook.addWorksheet(
    name,
    options.freezeHeader ? { views: [{ state: 'frozen', ySplit: 1 }] } : {},
  );
  sheet.columns = columns.map((c) => ({ ...c }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

/** One table as a workbook of one sheet (small tables, written in the request). */
export async function writeTableXlsx(table: {
  name: string;
  columns: readonly SheetColumn[];
  rows: readonly Record<string, unknown>[];
}) {
  const workbook = await newWorkbook();
  addTableSheet(workbook, table.name, table.columns, table.rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
