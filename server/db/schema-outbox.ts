import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Effects that leave the transaction (notifications, e-mail, provisioning calls), written by the change
 * that causes them and delivered after commit by the outbox worker: nothing is sent for a rolled-back
 * change, nothing is lost for a committed one.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Not before this time (retries back off). */
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Given up after too many attempts: an administrator retries it. */
    failedAt: timestamp('failed_at', { withTimezone: true }),
    requestId: text('request_id'),
  },
  (t) => [
    index('outbox_pending_idx').on(t.availableAt).where(sql`delivered_at IS NULL AND failed_at IS NULL`),
  ],
);
