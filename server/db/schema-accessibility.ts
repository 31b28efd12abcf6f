import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { REPORT_STATES } from '../../common/accessibility/vocabulary.ts';
import { inList } from './checks.ts';
import { timestamps } from './columns.ts';
import { users } from './schema.ts';

/**
 * Accessibility problems reported from the statement page (/accessibilite), by anyone: a person signed in
 * (then `reporter_id`) or not. The administrators handle them through their lifecycle
 * (common/lifecycles/accessibility-report.ts). `source_key` is a SHA-256 of the sender's account, or of
 * the network address when signed out, kept only to limit how many reports one source sends
 * (accessibility.service.ts) — never the address itself.
 */
export const accessibilityReports = pgTable(
  'accessibility_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageUrl: text('page_url').notNull(),
    description: text('description').notNull(),
    reporterName: text('reporter_name'),
    /** Where the answer goes. */
    email: text('email').notNull(),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    sourceKey: text('source_key').notNull(),
    state: text('state', { enum: REPORT_STATES }).notNull().default('received'),
    /** The answer sent to the person, or why the report was closed without one. */
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check('accessibility_reports_state_check', inList(t.state, REPORT_STATES)),
    index('accessibility_reports_state_idx').on(t.state, t.createdAt),
    index('accessibility_reports_source_idx').on(t.sourceKey, t.createdAt),
  ],
);
