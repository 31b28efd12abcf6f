import { parentPort, workerData } from 'node:worker_threads';
import { type InventoryCells, writeInventoryXlsx } from './inventory-xlsx.ts';

/** Runs in a worker thread: writes the inventory workbook of the cells it was given and sends the bytes back. */
const { rows, withGuide } = workerData as { rows: InventoryCells; withGuide: boolean };
parentPort?.postMessage(await writeInventoryXlsx(rows, { withGuide }));
