import { runInWorker } from '../../lib/worker.ts';
import { zipExpansionProblem } from '../catalog/transfer/zip-limits.ts';
import type { SheetData, SheetLines } from './grid-xlsx.ts';

const WORKER = new URL('./grid-xlsx.worker.ts', import.meta.url);

/** The workbook's bytes, written in a worker thread. */
export async function writeGridWorkbook(sheets: SheetData[]): Promise<Buffer> {
  const bytes = await runInWorker<Uint8Array>(WORKER, { task: 'write', sheets });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Every sheet of an uploaded workbook as text lines, read in a worker thread after checking what the
 * archive expands to; a string says why it cannot be read.
 */
export async function readGridWorkbook(content: Buffer): Promise<SheetLines | string> {
  const problem = await zipExpansionProblem(content);
  if (problem) return problem;
  const sheets = await runInWorker<SheetLines | null>(WORKER, {
    task: 'read',
    content: new Uint8Array(content),
  });
  return sheets ?? "Le fichier n'est pas un classeur XLSX lisible.";
}
