import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Executor } from '../client.ts';
import { auditEvents, businessDomains } from '../schema.ts';

export const BUSINESS_DOMAINS_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'business-domains.json',
);

const fileSchema = z.object({
  version: z.string().min(1),
  domains: z
    .array(z.object({ code: z.string().regex(/^[a-z0-9-]+$/), fr: z.string().min(2), en: z.string().min(2) }))
    .refine((list) => new Set(list.map((d) => d.code)).size === list.length, { error: 'duplicate code' }),
});

/** Idempotent like the office directory: matched on the code, never deleted (sheets refer to it). */
export async function loadBusinessDomains(db: Executor, file = BUSINESS_DOMAINS_FILE) {
  const data = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return (db as Database).transaction(async (tx) => {
    const result = await tx
      .insert(businessDomains)
      .values(
        data.domains.map((d, position) => ({
          code: d.code,
          labelFr: d.fr,
          labelEn: d.en,
          position,
          referenceVersion: data.version,
        })),
      )
      .onConflictDoUpdate({
        target: businessDomains.code,
        set: {
          labelFr: sql`excluded.label_fr`,
          labelEn: sql`excluded.label_en`,
          position: sql`excluded.position`,
          referenceVersion: sql`excluded.reference_version`,
        },
        setWhere: sql`(${businessDomains.labelFr}, ${businessDomains.labelEn}, ${businessDomains.position}, ${businessDomains.referenceVersion})
          IS DISTINCT FROM (excluded.label_fr, excluded.label_en, excluded.position, excluded.reference_version)`,
      })
      .returning({ code: businessDomains.code, inserted: sql<boolean>`(xmax = 0)` });
    const inserted = result.filter((r) => r.inserted).map((r) => r.code);
    const updated = result.filter((r) => !r.inserted).map((r) => r.code);
    if (result.length > 0) {
      await tx.insert(auditEvents).values({
        action: 'referenceData.load',
        targetType: 'referenceData',
        targetId: 'businessDomains',
        after: { version: data.version, inserted, updated },
      });
    }
    return {
      version: data.version,
      total: data.domains.length,
      inserted: inserted.length,
      updated: updated.length,
    };
  });
}
