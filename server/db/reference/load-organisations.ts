import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ORGANISATION_TYPES, REGIONS } from '../../../common/organisations.ts';
import type { Database, Executor } from '../client.ts';
import { auditEvents, organisations } from '../schema.ts';

export const ORGANISATIONS_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'organisations.json',
);

const referenceFileSchema = z.object({
  version: z.string().min(1),
  organisations: z
    .array(
      z.object({
        code: z.string().regex(/^[A-Z0-9-]+$/),
        type: z.enum(ORGANISATION_TYPES),
        name: z.string().min(3),
        region: z.enum(REGIONS),
        department: z.string().optional(),
        city: z.string().optional(),
        parentCode: z.string().optional(),
      }),
    )
    .refine((list) => new Set(list.map((o) => o.code)).size === list.length, { error: 'duplicate code' }),
});

export type ReferenceFile = z.infer<typeof referenceFileSchema>;

export function readOrganisationsFile(file = ORGANISATIONS_FILE): ReferenceFile {
  return referenceFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * Idempotent: inserts what is new, updates what changed (matched on the code), never duplicates and
 * never deletes (an organisation that left the file may still own users and history).
 */
export async function loadOrganisations(db: Executor, file = ORGANISATIONS_FILE) {
  // One transaction: the rows and the audit event that reports them land together.
  return (db as Database).transaction((tx) => upsertOrganisations(tx, file));
}

async function upsertOrganisations(db: Executor, file: string) {
  const data = readOrganisationsFile(file);
  const rows = data.organisations.map((o) => ({
    code: o.code,
    type: o.type,
    name: o.name,
    region: o.region,
    department: o.department ?? null,
    city: o.city ?? null,
    parentCode: o.parentCode ?? null,
    referenceVersion: data.version,
  }));
  const result = await db
    .insert(organisations)
    .values(rows)
    .onConflictDoUpdate({
      target: organisations.code,
      set: {
        type: sql`excluded.type`,
        name: sql`excluded.name`,
        region: sql`excluded.region`,
        department: sql`excluded.department`,
        city: sql`excluded.city`,
        parentCode: sql`excluded.parent_code`,
        referenceVersion: sql`excluded.reference_version`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`(${organisations.type}, ${organisations.name}, ${organisations.region}, ${organisations.department}, ${organisations.city}, ${organisations.parentCode}, ${organisations.referenceVersion})
        IS DISTINCT FROM (excluded.type, excluded.name, excluded.region, excluded.department, excluded.city, excluded.parent_code, excluded.reference_version)`,
    })
    .returning({ code: organisations.code, inserted: sql<boolean>`(xmax = 0)` });
  const insertedCodes = result.filter((r) => r.inserted).map((r) => r.code);
  const updatedCodes = result.filter((r) => !r.inserted).map((r) => r.code);
  if (result.length > 0) {
    await db.insert(auditEvents).values({
      action: 'referenceData.load',
      targetType: 'referenceData',
      targetId: 'organisations',
      after: { version: data.version, inserted: insertedCodes, updated: updatedCodes },
    });
  }
  return {
    version: data.version,
    total: rows.length,
    inserted: insertedCodes.length,
    updated: updatedCodes.length,
  };
}
