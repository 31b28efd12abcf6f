import {
  aliasedTable,
  and,
  count,
  desc,
  eq,
  gte,
  inArray,
  like,
  lt,
  notLike,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { AuditListQuery } from '../../../common/schemas/audit.ts';
import type { Executor } from '../../db/client.ts';
import { applications, auditEvents, organisations, users } from '../../db/schema.ts';
import type { AuditScope } from './audit.policy.ts';

const actorUser = aliasedTable(users, 'actor_user');
const actorOrganisation = aliasedTable(organisations, 'actor_organisation');
const targetUser = aliasedTable(users, 'target_user');
const targetOrganisation = aliasedTable(organisations, 'target_organisation');
const targetApplication = aliasedTable(applications, 'target_application');

/** The events a scope lets its actor read. */
function scopeCondition(scope: AuditScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'none' || scope.targetTypes.length === 0) return sql`false`;
  return inArray(auditEvents.targetType, scope.targetTypes);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A bare date in `to` includes that whole day. */
function upperBound(value: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000);
  return new Date(value);
}

export async function listAuditEvents(db: Executor, scope: AuditScope, query: AuditListQuery) {
  const where = and(
    scopeCondition(scope),
    query.hideSessions ? notLike(auditEvents.action, 'session.%') : undefined,
    query.actor ? eq(auditEvents.actorUserId, query.actor) : undefined,
    query.action
      ? query.action.endsWith('.')
        ? like(auditEvents.action, `${escapeLike(query.action)}%`)
        : eq(auditEvents.action, query.action)
      : undefined,
    query.targetType ? eq(auditEvents.targetType, query.targetType) : undefined,
    query.targetId ? eq(auditEvents.targetId, query.targetId) : undefined,
    query.from ? gte(auditEvents.occurredAt, new Date(query.from)) : undefined,
    query.to ? lt(auditEvents.occurredAt, upperBound(query.to)) : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select({
        event: auditEvents,
        actor: { id: actorUser.id, displayName: actorUser.displayName, email: actorUser.email },
        actorOrganisation: {
          id: actorOrganisation.id,
          code: actorOrganisation.code,
          name: actorOrganisation.name,
        },
        // A readable name for the target, so that the trail reads without looking ids up: joined here,
        // once for the page, never one query per event.
        targetLabel: sql<string | null>`coalesce(
          ${targetUser.displayName} || ' <' || ${targetUser.email} || '>',
          ${targetOrganisation.name},
          ${targetApplication.name} || ' (' || ${targetApplication.code} || ')'
        )`,
      })
      .from(auditEvents)
      .leftJoin(actorUser, eq(actorUser.id, auditEvents.actorUserId))
      .leftJoin(actorOrganisation, eq(actorOrganisation.id, auditEvents.actorOrganisationId))
      .leftJoin(
        targetUser,
        and(eq(auditEvents.targetType, 'user'), eq(auditEvents.targetId, sql`${targetUser.id}::text`)),
      )
      .leftJoin(
        targetOrganisation,
        and(
          eq(auditEvents.targetType, 'organisation'),
          eq(auditEvents.targetId, sql`${targetOrganisation.id}::text`),
        ),
      )
      .leftJoin(
        targetApplication,
        and(
          eq(auditEvents.targetType, 'application'),
          eq(auditEvents.targetId, sql`${targetApplication.id}::text`),
        ),
      )
      .where(where)
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

export type AuditEventRow = Awaited<ReturnType<typeof listAuditEvents>>['rows'][number];

/** Distinct actions and target types seen so far, for the filters of the audit page. */
export async function listAuditVocabulary(db: Executor, scope: AuditScope) {
  const where = scopeCondition(scope);
  const [actions, targetTypes] = await Promise.all([
    db.selectDistinct({ value: auditEvents.action }).from(auditEvents).where(where).orderBy(sql`1`),
    db.selectDistinct({ value: auditEvents.targetType }).from(auditEvents).where(where).orderBy(sql`1`),
  ]);
  return { items: actions.map((r) => r.value), targetTypes: targetTypes.map((r) => r.value) };
}
