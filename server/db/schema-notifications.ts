import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  EMAIL_CADENCES,
  EVENT_KINDS,
  FOLLOW_TARGETS,
  RECIPIENT_REASONS,
} from '../../common/notifications.ts';
import { inList } from './checks.ts';
import { users } from './schema.ts';

/** The tables of follows and notifications (server/modules/notifications/), re-exported by schema.ts. */

const userRef = () =>
  uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

/**
 * Who follows what. Authors, holders and parties follow automatically (`automatic`); an unfollow is kept
 * as `following = false`, so that a later automatic follow does not undo it.
 */
export const follows = pgTable(
  'follows',
  {
    userId: userRef(),
    targetType: text('target_type', { enum: FOLLOW_TARGETS }).notNull(),
    targetId: uuid('target_id').notNull(),
    following: boolean('following').notNull().default(true),
    automatic: boolean('automatic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.targetType, t.targetId] }),
    index('follows_target_idx').on(t.targetType, t.targetId).where(sql`following`),
    check('follows_target_type_check', inList(t.targetType, FOLLOW_TARGETS)),
  ],
);

/** A thread a person no longer wants to hear of, whatever their reason to (follower, party, mention). */
export const notificationMutes = pgTable(
  'notification_mutes',
  {
    userId: userRef(),
    targetType: text('target_type', { enum: FOLLOW_TARGETS }).notNull(),
    targetId: uuid('target_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.targetType, t.targetId] }),
    check('notification_mutes_target_type_check', inList(t.targetType, FOLLOW_TARGETS)),
  ],
);

/** E-mail cadence per person and kind of event; no row: immediate. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: userRef(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    cadence: text('cadence', { enum: EMAIL_CADENCES }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check('notification_preferences_kind_check', inList(t.kind, EVENT_KINDS)),
    check('notification_preferences_cadence_check', inList(t.cadence, EMAIL_CADENCES)),
  ],
);

/**
 * One in-app notification per person and event (the event is the outbox message that carried it: a
 * second delivery of it writes nothing). `emailCadence` is the person's preference when it was written;
 * `emailedAt` is set when its e-mail (alone or in a digest) was handed to the outbox.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userRef(),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    targetType: text('target_type', { enum: FOLLOW_TARGETS }).notNull(),
    targetId: uuid('target_id').notNull(),
    targetLabel: text('target_label').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    reason: text('reason', { enum: RECIPIENT_REASONS }).notNull(),
    emailCadence: text('email_cadence', { enum: EMAIL_CADENCES }).notNull(),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_user_event_key').on(t.userId, t.eventId),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`read_at IS NULL`),
    index('notifications_digest_idx')
      .on(t.emailCadence, t.createdAt)
      .where(sql`emailed_at IS NULL AND email_cadence IN ('daily', 'weekly')`),
    check('notifications_kind_check', inList(t.kind, EVENT_KINDS)),
    check('notifications_reason_check', inList(t.reason, RECIPIENT_REASONS)),
    check('notifications_cadence_check', inList(t.emailCadence, EMAIL_CADENCES)),
  ],
);

/**
 * Keys the server signs links with (the one-click unsubscribe of e-mails): drawn at random by the first
 * process that needs one and shared through the database by every instance, so that a link stays valid
 * across restarts and servers. A row per purpose; deleting it invalidates every link of that purpose.
 */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
