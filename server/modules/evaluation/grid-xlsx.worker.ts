import { parentPort, workerData } from 'node:worker_threads';
import type { SheetData, SheetLines } from './grid-xlsx.ts';

/**
 * Runs in a worker thread (grid-xlsx.files.ts): writes a grid's workbook, or reads every sheet of one
 * as text. exceljs is loaded here only, never in the server's own thread.
 */
type Job = { task: 'write'; sheets: SheetData[] } | { task: 'read'; content: Uint8Array };

const { default: excel } = await import('exceljs');
const { cellText } = await import('../catalog/transfer/xlsx-sheet.ts');
const job = workerData as Job;

async function write(sheets: SheetData[]) {
  const workbook = new excel.Workbook();
  workbook.creator = 'Mutualis';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.headers.map((h) => ({ header: h.title, width: h.width }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row);
    worksheet.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function read(content: Uint8Array): Promise<SheetLines | null> {
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(content.buffer, content.byteOffset, content.byteLength) as never);
  } catch {
    return null;
  }
  const sheets: SheetLines = {};
  for (const worksheet of workbook.worksheets) {
    const lines: SheetLines[string] = [];
    worksheet.eachRow((row, line) => {
      const values = Array.isArray(row.values) ? row.values : [];
      lines.push({ line, cells: Array.from(values.slice(1), (v) => cellText(v as never)) });
    });
    sheets[worksheet.name] = lines;
  }
  return sheets;
}

parentPort?.postMessage(job.task === 'write' ? await write(job.sheets) : await read(job.content));
