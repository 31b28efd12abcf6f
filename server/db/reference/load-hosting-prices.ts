import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Executor } from '../client.ts';
import { hostingPriceLists } from '../schema.ts';

export const HOSTING_PRICES_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'hosting-prices.json',
);

const resources = { vcpu: z.number().min(0), memoryGb: z.number().min(0), storageGb: z.number().min(0) };
const cents = z.number().int().min(0);
const fileSchema = z.object({
  versions: z.array(
    z.object({
      version: z.number().int().min(1),
      effectiveFrom: z.iso.date(),
      label: z.string().min(3),
      vcpuCents: cents,
      memoryGbCents: cents,
      storageGbCents: cents,
      sizing: z.object({
        base: z.object(resources),
        block: z.object({ users: z.number().int().min(1), ...resources }),
        environmentPercent: z.object({ production: cents, preproduction: cents, training: cents }),
      }),
    }),
  ),
});

/**
 * The DDSI's AM Cloud price list, one row per version. A published version never changes (the costs of
 * past months are computed from it): a version already loaded is left as it is, a new one is added.
 */
export async function loadHostingPrices(db: Executor, file = HOSTING_PRICES_FILE) {
  const data = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const inserted = await db
    .insert(hostingPriceLists)
    .values(data.versions)
    .onConflictDoNothing()
    .returning({ version: hostingPriceLists.version });
  return { total: data.versions.length, inserted: inserted.length };
}
