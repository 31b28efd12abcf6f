import { parentPort, workerData } from 'node:worker_threads';
import { readFirstSheet } from './xlsx-sheet.ts';

/** Runs in a worker thread: reads the first sheet of the XLSX it was given and sends the rows back. */
const { content, maxLines } = workerData as { content: Uint8Array; maxLines: number };
parentPort?.postMessage(await readFirstSheet(content, maxLines));
