import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  applicationForgeSignals,
  applications,
  type IntegrationSystemCode,
  integrationSnapshots,
} from '../../db/schema.ts';

export type ForgeSignalsRow = typeof applicationForgeSignals.$inferInsert;

/** The live sheets the forge facets speak of: those with a forge address or a starter kit declared. */
export async function listSignalSheets(db: Executor) {
  return db
    .select({
      id: applications.id,
      forgeUrl: applications.forgeUrl,
      starterKit: sql<string | null>`nullif(${applications.technologies}->>'starterKit', '')`,
    })
    .from(applications)
    .where(
      and(
        isNull(applications.archivedAt),
        or(
          sql`${applications.forgeUrl} IS NOT NULL`,
          sql`nullif(${applications.technologies}->>'starterKit', '') IS NOT NULL`,
        ),
      ),
    );
}

/** The snapshots of a system at the given subjects (those that exist). */
export async function readSnapshotsAt(db: Executor, system: IntegrationSystemCode, subjects: string[]) {
  if (subjects.length === 0) return [];
  return db
    .select()
    .from(integrationSnapshots)
    .where(
      and(
        eq(integrationSnapshots.system, system),
        sql`${integrationSnapshots.subject} = ANY(${sql.param(subjects)}::text[])`,
      ),
    );
}

const CHUNK = 500;

/**
 * Writes the signals of these sheets and removes those of the others. A row is rewritten only when a
 * value differs (`setWhere`): its trigger logs a catalogue change, and an unchanged refresh logs none.
 */
export async function writeForgeSignals(db: Executor, rows: ForgeSignalsRow[]) {
  const t = applicationForgeSignals;
  for (let k = 0; k < rows.length; k += CHUNK)
    await db
      .insert(t)
      .values(rows.slice(k, k + CHUNK))
      .onConflictDoUpdate({
        target: t.applicationId,
        set: {
          buildFailing: sql`excluded.build_failing`,
          starterKitUsed: sql`excluded.starter_kit_used`,
          starterKitSource: sql`excluded.starter_kit_source`,
          starterKitCurrent: sql`excluded.starter_kit_current`,
          starterKitBehind: sql`excluded.starter_kit_behind`,
          inactive: sql`excluded.inactive`,
        },
        setWhere: sql`(${t.buildFailing}, ${t.starterKitUsed}, ${t.starterKitSource}, ${t.starterKitCurrent},
          ${t.starterKitBehind}, ${t.inactive}) IS DISTINCT FROM (excluded.build_failing,
          excluded.starter_kit_used, excluded.starter_kit_source, excluded.starter_kit_current,
          excluded.starter_kit_behind, excluded.inactive)`,
      });
  // One array parameter, however many sheets (a list of parameters stops at 65,535).
  const kept = rows.map((r) => r.applicationId);
  await db.delete(t).where(sql`NOT (${t.applicationId} = ANY(${sql.param(kept)}::uuid[]))`);
}
