import { sql } from 'drizzle-orm';
import {
  check,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { BUDGET_THRESHOLDS, type Sizing } from '../../common/store/hosting.ts';
import { inList } from './checks.ts';
import { timestamps } from './columns.ts';
import { organisations } from './schema.ts';

/** AM Cloud hosting costs (server/modules/hosting/), re-exported by schema.ts. */

/** The DDSI's price list, one row per version (reference data, server/db/reference/hosting-prices.json). */
export const hostingPriceLists = pgTable(
  'hosting_price_lists',
  {
    version: integer('version').primaryKey(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    label: text('label').notNull(),
    vcpuCents: integer('vcpu_cents').notNull(),
    memoryGbCents: integer('memory_gb_cents').notNull(),
    storageGbCents: integer('storage_gb_cents').notNull(),
    sizing: jsonb('sizing').$type<Sizing>().notNull(),
  },
  (t) => [
    uniqueIndex('hosting_price_lists_effective_from_key').on(t.effectiveFrom),
    check(
      'hosting_price_lists_prices_check',
      sql`${t.vcpuCents} >= 0 AND ${t.memoryGbCents} >= 0 AND ${t.storageGbCents} >= 0`,
    ),
  ],
);

/** An office's yearly hosting budget, set by the DDSI. */
export const hostingBudgets = pgTable(
  'hosting_budgets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    amountCents: integer('amount_cents').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('hosting_budgets_office_year_key').on(t.organisationId, t.year),
    check('hosting_budgets_amount_cents_check', sql`${t.amountCents} >= 0`),
    check('hosting_budgets_year_check', sql`${t.year} BETWEEN 2000 AND 2100`),
  ],
);

/** A threshold of a budget reached: one row each, so that an office is alerted once per threshold. */
export const hostingBudgetAlerts = pgTable(
  'hosting_budget_alerts',
  {
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => hostingBudgets.id, { onDelete: 'cascade' }),
    threshold: integer('threshold').notNull(),
    consumedCents: integer('consumed_cents').notNull(),
    reachedAt: timestamp('reached_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.budgetId, t.threshold] }),
    check('hosting_budget_alerts_threshold_check', inList(t.threshold, BUDGET_THRESHOLDS)),
  ],
);
