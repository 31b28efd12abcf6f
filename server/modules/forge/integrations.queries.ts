import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { applications, type IntegrationSystemCode, integrationSnapshots, projects } from '../../db/schema.ts';
import { selectRows, toNumber } from '../../lib/rows.ts';

export type SnapshotRow = typeof integrationSnapshots.$inferSelect;

export async function findSnapshot(db: Executor, system: IntegrationSystemCode, subject: string) {
  const [row] = await db
    .select()
    .from(integrationSnapshots)
    .where(and(eq(integrationSnapshots.system, system), eq(integrationSnapshots.subject, subject)))
    .limit(1);
  return row ?? null;
}

/** A successful fetch: the data, where the next one starts, the time; the last error is cleared. */
export async function saveSnapshot(
  db: Executor,
  values: {
    system: IntegrationSystemCode;
    subject: string;
    source: 'live' | 'demo';
    data: unknown;
    cursor: string | null;
    at: Date;
  },
) {
  const row = {
    system: values.system,
    subject: values.subject,
    source: values.source,
    data: values.data,
    cursor: values.cursor,
    fetchedAt: values.at,
    attemptedAt: values.at,
    lastError: null,
  };
  await db
    .insert(integrationSnapshots)
    .values(row)
    .onConflictDoUpdate({ target: [integrationSnapshots.system, integrationSnapshots.subject], set: row });
}

/** A failed fetch keeps the data of the last success and says what went wrong. */
export async function recordSnapshotFailure(
  db: Executor,
  system: IntegrationSystemCode,
  subject: string,
  message: string,
  at: Date,
) {
  await db
    .insert(integrationSnapshots)
    .values({ system, subject, attemptedAt: at, lastError: message })
    .onConflictDoUpdate({
      target: [integrationSnapshots.system, integrationSnapshots.subject],
      set: { attemptedAt: at, lastError: message },
    });
}

/** Every forge address the portal knows: live sheets' and projects', once each. */
export async function listForgeUrls(db: Executor): Promise<string[]> {
  const rows = await selectRows<{ url: string }>(
    db,
    sql`SELECT ${applications.forgeUrl} AS url FROM ${applications}
        WHERE ${isNotNull(applications.forgeUrl)} AND ${isNull(applications.archivedAt)}
        UNION
        SELECT ${projects.forgeUrl} FROM ${projects} WHERE ${isNotNull(projects.forgeUrl)}`,
  );
  return rows.map((r) => r.url);
}

export async function findApplicationForgeUrl(db: Executor, id: string) {
  const [row] = await db
    .select({ forgeUrl: applications.forgeUrl, technologies: applications.technologies })
    .from(applications)
    .where(eq(applications.id, id))
    .limit(1);
  return row ?? null;
}

/** Per system: how many subjects, the latest success, and the latest errors (the administrators' page). */
export async function integrationFigures(db: Executor, system: IntegrationSystemCode) {
  const [figures] = await selectRows<{ linked: unknown; last: Date | string | null }>(
    db,
    sql`SELECT count(*) AS linked, max(${integrationSnapshots.fetchedAt}) AS last
        FROM ${integrationSnapshots} WHERE ${integrationSnapshots.system} = ${system}`,
  );
  const errors = await db
    .select({
      subject: integrationSnapshots.subject,
      message: integrationSnapshots.lastError,
      at: integrationSnapshots.attemptedAt,
    })
    .from(integrationSnapshots)
    .where(and(eq(integrationSnapshots.system, system), isNotNull(integrationSnapshots.lastError)))
    .orderBy(desc(integrationSnapshots.attemptedAt))
    .limit(20);
  return {
    linked: toNumber(figures?.linked),
    lastSyncAt: figures?.last ? new Date(figures.last) : null,
    errors: errors.map((e) => ({ subject: e.subject, message: e.message ?? '', at: e.at ?? new Date(0) })),
  };
}

/** Every snapshot of a system (the Composer packages and the composer.lock files: a few hundred rows). */
export async function listSnapshots(db: Executor, system: IntegrationSystemCode) {
  return db.select().from(integrationSnapshots).where(eq(integrationSnapshots.system, system));
}

/** The live sheets that have a forge address, by name. */
export async function listLinkedApplications(db: Executor) {
  return db
    .select({ id: applications.id, name: applications.name, forgeUrl: applications.forgeUrl })
    .from(applications)
    .where(and(isNotNull(applications.forgeUrl), isNull(applications.archivedAt)))
    .orderBy(applications.name);
}
