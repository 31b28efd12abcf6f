import { and, eq, inArray, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import {
  RETENTION_PURGED_ACTION,
  RETENTION_TARGET_TYPE,
  type RetentionPurgeDetails,
} from '../../../common/retention.ts';
import type { Executor } from '../../db/client.ts';
import { auditEvents, loginAttempts, notifications, sessions } from '../../db/schema.ts';

/**
 * The purges of the retention job, each removing or blanking at most `limit` rows older than `cutoff`
 * and answering how many it touched: the job calls one again, in a new transaction, while it answers
 * `limit` or more (retention.service.ts).
 */

/** The sign-in log: throttle attempts (typed address, IP) and the sign-in and sign-out events of the journal. */
export async function purgeSignInEvents(db: Executor, cutoff: Date, limit: number) {
  const attempts = await db
    .delete(loginAttempts)
    .where(
      inArray(
        loginAttempts.id,
        db
          .select({ id: loginAttempts.id })
          .from(loginAttempts)
          .where(lt(loginAttempts.attemptedAt, cutoff))
          .orderBy(loginAttempts.id)
          .limit(limit),
      ),
    )
    .returning({ id: loginAttempts.id });
  const events = await db
    .delete(auditEvents)
    .where(
      inArray(
        auditEvents.id,
        db
          .select({ id: auditEvents.id })
          .from(auditEvents)
          .where(
            and(
              inArray(auditEvents.action, ['session.login', 'session.logout']),
              lt(auditEvents.occurredAt, cutoff),
            ),
          )
          .orderBy(auditEvents.id)
          .limit(limit),
      ),
    )
    .returning({ id: auditEvents.id });
  return attempts.length + events.length;
}

/**
 * Sessions that ended before `cutoff` (their absolute expiry, or no activity since): signing out, a
 * password change or a deactivation delete theirs at once. A session idle since before the cutoff has
 * ended, since the idle timeout is at most a day and the period at least one.
 */
export async function purgeEndedSessions(db: Executor, cutoff: Date, limit: number) {
  const ended = await db
    .delete(sessions)
    .where(
      inArray(
        sessions.id,
        db
          .select({ id: sessions.id })
          .from(sessions)
          .where(or(lt(sessions.expiresAt, cutoff), lt(sessions.lastSeenAt, cutoff)))
          .limit(limit),
      ),
    )
    .returning({ id: sessions.id });
  return ended.length;
}

/**
 * What an audit event keeps once its details are purged: the lifecycle transition it records (its
 * states and the grounds given, which decisions and reports rely on), the job that acted, how the
 * person signed in, the report it came from, and a purge's own counts.
 */
export const AUDIT_DETAILS_KEPT = [
  'lifecycle',
  'transition',
  'from',
  'to',
  'input',
  'job',
  'via',
  'report',
  'action',
  'category',
  'count',
  'cutoff',
  'periodDays',
];

/**
 * Blanks the before/after snapshots of events older than `cutoff` (they copy the record's fields: names,
 * e-mail addresses, contacts…) and drops the details' other keys (the forge's member lists). Who acted,
 * when, what and on which record stay. Reads `audit_events_snapshot_idx`: blanked events leave it.
 */
export async function purgeAuditDetails(db: Executor, cutoff: Date, limit: number) {
  const kept = sql`ARRAY[${sql.join(
    AUDIT_DETAILS_KEPT.map((key) => sql`${key}`),
    sql`, `,
  )}]::text[]`;
  const blanked = await db
    .update(auditEvents)
    .set({
      before: null,
      after: null,
      details: sql`(SELECT jsonb_object_agg(key, value) FROM jsonb_each(${auditEvents.details}) WHERE key = ANY(${kept}))`,
    })
    .where(
      inArray(
        auditEvents.id,
        db
          .select({ id: auditEvents.id })
          .from(auditEvents)
          .where(
            and(
              or(isNotNull(auditEvents.before), isNotNull(auditEvents.after)),
              lt(auditEvents.occurredAt, cutoff),
            ),
          )
          .orderBy(auditEvents.occurredAt)
          .limit(limit),
      ),
    )
    .returning({ id: auditEvents.id });
  return blanked.length;
}

/** Deletes at most `limit` notifications matching `where`. */
async function deleteNotifications(db: Executor, where: SQL, limit: number) {
  const deleted = await db
    .delete(notifications)
    .where(
      inArray(
        notifications.id,
        db.select({ id: notifications.id }).from(notifications).where(where).limit(limit),
      ),
    )
    .returning({ id: notifications.id });
  return deleted.length;
}

/** Notifications read before `cutoff`. */
export const purgeReadNotifications = (db: Executor, cutoff: Date, limit: number) =>
  deleteNotifications(db, lt(notifications.readAt, cutoff), limit);

/** Every notification written before `cutoff`, read or not. */
export const purgeNotifications = (db: Executor, cutoff: Date, limit: number) =>
  deleteNotifications(db, lt(notifications.createdAt, cutoff), limit);

/** The purge's one audit event (the platform acting), written with its first batch. */
export async function insertPurgeEvent(db: Executor, details: RetentionPurgeDetails & { job: string }) {
  const [row] = await db
    .insert(auditEvents)
    .values({
      actorKind: 'system',
      action: RETENTION_PURGED_ACTION,
      targetType: RETENTION_TARGET_TYPE,
      targetId: details.category,
      details: { ...details },
    })
    .returning({ id: auditEvents.id });
  if (!row) throw new Error('retention event not written');
  return row.id;
}

/** Each further batch adds its count to the event, in the batch's own transaction. */
export async function addToPurgeEvent(db: Executor, eventId: number, count: number) {
  await db
    .update(auditEvents)
    .set({
      details: sql`jsonb_set(${auditEvents.details}, '{count}', to_jsonb((${auditEvents.details}->>'count')::bigint + ${count}))`,
    })
    .where(eq(auditEvents.id, eventId));
}
