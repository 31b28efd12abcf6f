import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { applications } from '../../../db/schema.ts';

/** A sheet's fields a replacement reads, locked when asked. */
export async function findReplacementSubject(db: Executor, id: string, options: { lock?: boolean } = {}) {
  const query = db
    .select({
      id: applications.id,
      code: applications.code,
      name: applications.name,
      designerOrganisationId: applications.designerOrganisationId,
      lifecycleStage: applications.lifecycleStage,
      archivedAt: applications.archivedAt,
      replacedById: applications.replacedById,
      replacedAt: applications.replacedAt,
      version: applications.version,
    })
    .from(applications)
    .where(eq(applications.id, id))
    .limit(1);
  const [row] = options.lock ? await query.for('no key update') : await query;
  return row ?? null;
}
export type ReplacementSubject = NonNullable<Awaited<ReturnType<typeof findReplacementSubject>>>;

/** Retires the sheet in favour of `replacedById` if nobody changed it since `version`; null otherwise. */
export async function retireInFavourAtVersion(
  db: Executor,
  id: string,
  version: number,
  values: { replacedById: string; updatedBy: string; at: Date },
) {
  const [row] = await db
    .update(applications)
    .set({
      lifecycleStage: 'retired',
      replacedById: values.replacedById,
      replacedAt: values.at,
      updatedBy: values.updatedBy,
      updatedAt: values.at,
      version: sql`${applications.version} + 1`,
    })
    .where(and(eq(applications.id, id), eq(applications.version, version)))
    .returning({ id: applications.id, version: applications.version });
  return row ?? null;
}

/**
 * Both sides of a redundancy resolved, as the sheet shows them: the application this one was retired in
 * favour of, and the applications retired in favour of this one (most recent first).
 */
export async function findReplacementLinks(db: Executor, id: string, replacedById: string | null) {
  const [replacedBy, replaces] = await Promise.all([
    replacedById
      ? db
          .select({ id: applications.id, code: applications.code, name: applications.name })
          .from(applications)
          .where(eq(applications.id, replacedById))
          .limit(1)
      : Promise.resolve([]),
    db
      .select({
        id: applications.id,
        code: applications.code,
        name: applications.name,
        replacedAt: applications.replacedAt,
      })
      .from(applications)
      .where(eq(applications.replacedById, id))
      .orderBy(desc(applications.replacedAt), asc(applications.name)),
  ]);
  return { replacedBy: replacedBy[0] ?? null, replaces };
}
