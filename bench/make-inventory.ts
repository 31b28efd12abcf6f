/**
 * Writes a generated inventory (CSV, import layout) of N applications, one in twenty of them a planted
 * duplicate of another (the redundancy clusters are tested on this inventory), for timing the import:
 *
 *   npx tsx bench/make-inventory.ts 2000 /tmp/inventaire-2000.csv
 *   time npm run cli -- import applications /tmp/inventaire-2000.csv
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { BUSINESS_DOMAINS_FILE } from '../server/db/reference/load-business-domains.ts';
import { readOrganisationsFile } from '../server/db/reference/load-organisations.ts';
import { generateCatalogue, toInventoryCsv } from './generate.ts';

const count = Number(process.argv[2] ?? 2000);
const file = process.argv[3] ?? `inventaire-${count}.csv`;
const offices = readOrganisationsFile().organisations.map((o) => o.code);
const domains = new Map(
  (
    JSON.parse(readFileSync(BUSINESS_DOMAINS_FILE, 'utf8')) as { domains: { code: string; fr: string }[] }
  ).domains.map((d) => [d.code, d.fr]),
);
writeFileSync(
  file,
  toInventoryCsv(generateCatalogue(count, offices, 7, { duplicates: Math.round(count / 20) }), domains),
);
console.log(`${count} applications written to ${file}`);
