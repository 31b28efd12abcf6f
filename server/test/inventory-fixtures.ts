import { INVENTORY_COLUMNS } from '../../common/catalog/inventory-columns.ts';

/** The inventory's French headers, in the template's order. */
export const INVENTORY_HEADER = INVENTORY_COLUMNS.map((c) => c.header);

/** A valid inventory row of CPAM-67 (French headers → cell); override what the test is about. */
export const inventoryRow = (
  code: string,
  overrides: Record<string, string> = {},
): Record<string, string> => ({
  Identifiant: code,
  Nom: `Application ${code}`,
  'Description courte': `Application ${code} du Bas-Rhin pour les services.`,
  'Domaine métier': 'Pilotage et statistiques',
  'Organisme concepteur': 'CPAM-67',
  Filière: 'Hors standard',
  'Cycle de vie': 'En production',
  Hébergement: "Serveur de l'organisme",
  ...overrides,
});

/** A row's cells in the header's order. */
export const inventoryCells = (row: Record<string, string>) => INVENTORY_HEADER.map((h) => row[h] ?? '');
