import { aliasedTable, and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type {
  EmailCadence,
  EventKind,
  FollowTarget,
  RecipientReason,
} from '../../../common/notifications.ts';
import type { Executor } from '../../db/client.ts';
import { notificationPreferences, notifications, outboxMessages, users } from '../../db/schema.ts';

export const NOTIFY_CHANNEL = 'mutualis_notifications';
/** NOTIFY payloads stay under PostgreSQL's 8,000 bytes: 150 ids of 37 characters a message. */
const IDS_PER_NOTIFY = 150;

const actors = aliasedTable(users, 'actors');

export const notificationColumns = {
  id: notifications.id,
  userId: notifications.userId,
  eventId: notifications.eventId,
  kind: notifications.kind,
  targetType: notifications.targetType,
  targetId: notifications.targetId,
  targetLabel: notifications.targetLabel,
  params: notifications.params,
  reason: notifications.reason,
  emailCadence: notifications.emailCadence,
  emailedAt: notifications.emailedAt,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
  actorName: actors.displayName,
};

export async function cadencesFor(db: Executor, userIds: string[], kind: EventKind) {
  if (userIds.length === 0) return new Map<string, EmailCadence>();
  const rows = await db
    .select({ userId: notificationPreferences.userId, cadence: notificationPreferences.cadence })
    .from(notificationPreferences)
    .where(and(inArray(notificationPreferences.userId, userIds), eq(notificationPreferences.kind, kind)));
  return new Map(rows.map((r) => [r.userId, r.cadence]));
}

export interface NewNotification {
  userId: string;
  eventId: number;
  kind: EventKind;
  actorId: string | null;
  targetType: FollowTarget;
  targetId: string;
  targetLabel: string;
  params: Record<string, string>;
  reason: RecipientReason;
  emailCadence: EmailCadence;
  emailedAt: Date | null;
}

/** Writes them once: a second delivery of the same event writes nothing (one per person and event). */
export async function insertNotifications(db: Executor, rows: NewNotification[]) {
  if (rows.length === 0) return [];
  return db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: [notifications.userId, notifications.eventId] })
    .returning({
      id: notifications.id,
      userId: notifications.userId,
      emailCadence: notifications.emailCadence,
    });
}

/** Outbox messages written together (one per e-mail to send), in the caller's transaction. */
export async function enqueueMany(
  db: Executor,
  topic: string,
  payloads: Record<string, unknown>[],
  requestId: string | null,
) {
  if (payloads.length === 0) return;
  await db.insert(outboxMessages).values(payloads.map((payload) => ({ topic, payload, requestId })));
}

/** Tells the servers listening (their live streams) who has news; sent at commit, dropped on rollback. */
export async function notifyUsers(db: Executor, userIds: string[]) {
  for (let i = 0; i < userIds.length; i += IDS_PER_NOTIFY)
    await db.execute(
      sql`SELECT pg_notify(${NOTIFY_CHANNEL}, ${userIds.slice(i, i + IDS_PER_NOTIFY).join(',')})`,
    );
}

export interface NotificationFilter {
  unread?: boolean | undefined;
  kind?: EventKind | undefined;
  page: number;
  pageSize: number;
}

const ofUser = (userId: string, filter: Pick<NotificationFilter, 'unread' | 'kind'>) =>
  and(
    eq(notifications.userId, userId),
    filter.unread === true ? isNull(notifications.readAt) : undefined,
    filter.unread === false ? sql`${notifications.readAt} IS NOT NULL` : undefined,
    filter.kind ? eq(notifications.kind, filter.kind) : undefined,
  );

export async function listNotifications(db: Executor, userId: string, filter: NotificationFilter) {
  const rows = await db
    .select(notificationColumns)
    .from(notifications)
    .leftJoin(actors, eq(actors.id, notifications.actorId))
    .where(ofUser(userId, filter))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [total] = await db.select({ n: count() }).from(notifications).where(ofUser(userId, filter));
  return { rows, total: total?.n ?? 0 };
}

export async function countUnread(db: Executor, userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks read the given notifications of this person (others' ids are ignored), or all of them. */
export async function markRead(db: Executor, userId: string, ids: string[] | 'all', now: Date) {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === 'all' ? undefined : inArray(notifications.id, ids),
      ),
    );
}

export async function findNotificationsForMail(db: Executor, ids: string[]) {
  const rows = await db
    .select({ ...notificationColumns, email: users.email, displayName: users.displayName })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(actors, eq(actors.id, notifications.actorId))
    .where(inArray(notifications.id, ids))
    .orderBy(notifications.createdAt);
  // Drizzle cannot type a select that joins a table and an alias of it: the shape is said here.
  return rows as unknown as MailNotificationRow[];
}
export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>['rows'][number];
export type MailNotificationRow = NotificationRow & { email: string; displayName: string };

export async function markEmailed(db: Executor, ids: string[], now: Date) {
  if (ids.length === 0) return;
  await db.update(notifications).set({ emailedAt: now }).where(inArray(notifications.id, ids));
}

/** Notifications waiting for a digest of this cadence, written up to `now`, by person. */
export async function pendingDigest(db: Executor, cadence: 'daily' | 'weekly', now: Date) {
  const rows = await db
    .select({ id: notifications.id, userId: notifications.userId })
    .from(notifications)
    .where(
      and(
        eq(notifications.emailCadence, cadence),
        isNull(notifications.emailedAt),
        sql`${notifications.createdAt} <= ${now}`,
      ),
    )
    .orderBy(notifications.userId, notifications.createdAt);
  const byUser = new Map<string, string[]>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row.id]);
  return byUser;
}
