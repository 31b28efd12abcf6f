import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditEvents, organisations, users } from '../db/schema.ts';

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
    .select({
      from: sql<string>`${auditEvents.details}->>'from'`,
      state: sql<string>`${auditEvents.details}->>'to'`,
      transition: sql<string>`${auditEvents.details}->>'transition'`,
      input: sql<Record<string, unknown> | null>`${auditEvents.details}->'input'`,
      at: auditEvents.occurredAt,
      actorKind: auditEvents.actorKind,
      actorName: users.displayName,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        eq(auditEvents.targetType, targetType),
        eq(auditEvents.targetId, targetId),
        sql`${auditEvents.details}->>'lifecycle' = ${lifecycle}`,
      ),
    )
    .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
