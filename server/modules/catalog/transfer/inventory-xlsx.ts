import { INVENTORY_COLUMNS } from '../../../../common/catalog/inventory-columns.ts';
import { runInWorker } from '../../../lib/worker.ts';
import { addTableSheet, newWorkbook } from '../../../lib/xlsx.ts';

/** The rows of an inventory spreadsheet, one record of cell texts per application, keyed by column. */
export type InventoryCells = Record<string, string>[];

/** Writes the inventory workbook: the applications sheet, and the column guide when asked. */
export async function writeInventoryXlsx(rows: InventoryCells, options: { withGuide?: boolean } = {}) {
  const workbook = await newWorkbook();
  const columns = INVENTORY_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.min(60, Math.max(14, c.header.length + 4)),
  }));
  addTableSheet(workbook, 'Applications', columns, rows);
  if (options.withGuide)
    addTableSheet(
      workbook,
      'Colonnes',
      [
        { header: 'Colonne', key: 'header', width: 34 },
        { header: 'Obligatoire', key: 'required', width: 12 },
        { header: 'Contenu attendu', key: 'help', width: 90 },
        { header: 'Exemple', key: 'example', width: 50 },
      ],
      INVENTORY_COLUMNS.map((c) => ({ ...c, required: c.required ? 'oui' : 'non' })),
      { freezeHeader: false },
    );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const WORKER = new URL('./inventory-xlsx.worker.ts', import.meta.url);

/**
 * writeInventoryXlsx in a worker thread of its own: an export of the whole catalogue is seconds of
 * CPU (4.3 s for 10,000 applications on a loaded 2-core machine; the event loop then waits at most ≈ 50 ms, for the copy of the cells) that would otherwise hold every other request.
 */
export async function writeInventoryXlsxInWorker(
  rows: InventoryCells,
  options: { withGuide?: boolean } = {},
) {
  return Buffer.from(await runInWorker<Uint8Array>(WORKER, { rows, withGuide: options.withGuide === true }));
}
