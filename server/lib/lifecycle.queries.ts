import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditEvents, organisations } from '../db/schema.ts';

/** Office names by id, to show who the parties of a transition are. */
export async function officeNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The states one subject reached in one lifecycle, in order, read from its audit events. */
export async function lifecycleHistory(
  db: Executor,
  targetType: string,
  targetId: string,
  lifecycle: string,
) {
  const rows = await db
    .select({ state: sql<string>`${auditEvents.details}->>'to'`, at: auditEvents.occurredAt })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.targetType, targetType),
        eq(auditEvents.targetId, targetId),
        sql`${auditEvents.details}->>'lifecycle' = ${lifecycle}`,
      ),
    )
    .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
  return rows.map((r) => ({ state: r.state, at: r.at.toISOString() }));
}
