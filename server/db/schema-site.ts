import { sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema.ts';

/**
 * The site's legal settings (common/legal/site-settings.ts): one row, written at start with the Cnam's
 * values when missing (db/reference/load-site-settings.ts), then edited by an administrator.
 */
export const siteSettings = pgTable(
  'site_settings',
  {
    id: integer('id').primaryKey().default(1),
    publisherName: text('publisher_name').notNull(),
    publisherAddress: text('publisher_address').notNull(),
    publisherIdentification: text('publisher_identification'),
    publicationDirector: text('publication_director').notNull(),
    hostName: text('host_name').notNull(),
    hostAddress: text('host_address').notNull(),
    hostPhone: text('host_phone'),
    dpoContact: text('dpo_contact'),
    dataRequestsEmail: text('data_requests_email'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // A unique index on a constant: the table holds one row at most.
  () => [uniqueIndex('site_settings_single_row').on(sql`(true)`)],
);
