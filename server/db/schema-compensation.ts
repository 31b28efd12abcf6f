import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  AGREEMENT_COMMITMENTS,
  AGREEMENT_STATES,
  EFFORT_ACTIVITIES,
  EFFORT_ENTRY_KINDS,
  EFFORT_PROFILES,
  EFFORT_SOURCES,
  EFFORT_TARGET_KINDS,
  type EffortProfile,
  STATEMENT_FREQUENCIES,
  STATEMENT_STATES,
  VALUATION_RULES,
} from '../../common/compensation/vocabulary.ts';
import { inList, subsetOf } from './checks.ts';
import { timestamps } from './columns.ts';
import { applications, organisations, users } from './schema.ts';
import { projects } from './schema-projects.ts';

/** Effort records, the daily rate table and compensation agreements (server/modules/compensation/). */

const MONTH = `'^[0-9]{4}-(0[1-9]|1[0-2])$'`;
const month = (name: string) => text(name);
const monthCheck = (column: AnyPgColumn) => sql`${column} ~ ${sql.raw(MONTH)}`;

/** What effort and agreements are about: exactly one of a project, an application, a national development. */
const targetColumns = () => ({
  targetKind: text('target_kind', { enum: EFFORT_TARGET_KINDS }).notNull(),
  projectId: uuid('project_id').references(() => projects.id),
  applicationId: uuid('application_id').references(() => applications.id),
  nationalLabel: text('national_label'),
});
const targetCheck = (t: {
  targetKind: AnyPgColumn;
  projectId: AnyPgColumn;
  applicationId: AnyPgColumn;
  nationalLabel: AnyPgColumn;
}) => sql`(${t.targetKind} = 'project') = (${t.projectId} IS NOT NULL)
  AND (${t.targetKind} = 'application') = (${t.applicationId} IS NOT NULL)
  AND (${t.targetKind} = 'nationalDevelopment') = (${t.nationalLabel} IS NOT NULL)`;

/**
 * One line of effort an office gave in a month (person-days, to the hundredth). Never updated nor
 * deleted: a correction is a line of its own (`kind = 'correction'`, a signed difference) pointing at
 * the line it corrects, so the history stays whole.
 */
export const effortEntries = pgTable(
  'effort_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    month: month('month').notNull(),
    activity: text('activity', { enum: EFFORT_ACTIVITIES }).notNull(),
    profile: text('profile', { enum: EFFORT_PROFILES }).notNull(),
    ...targetColumns(),
    personDays: numeric('person_days', { precision: 7, scale: 2 }).notNull(),
    kind: text('kind', { enum: EFFORT_ENTRY_KINDS }).notNull().default('entry'),
    correctsId: uuid('corrects_id').references((): AnyPgColumn => effortEntries.id),
    reason: text('reason'),
    source: text('source', { enum: EFFORT_SOURCES }).notNull().default('form'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('effort_entries_office_month_idx').on(t.organisationId, t.month),
    index('effort_entries_corrects_idx').on(t.correctsId),
    check('effort_entries_month_check', monthCheck(t.month)),
    check('effort_entries_activity_check', inList(t.activity, EFFORT_ACTIVITIES)),
    check('effort_entries_profile_check', inList(t.profile, EFFORT_PROFILES)),
    check('effort_entries_target_kind_check', inList(t.targetKind, EFFORT_TARGET_KINDS)),
    check('effort_entries_target_check', targetCheck(t)),
    check('effort_entries_kind_check', inList(t.kind, EFFORT_ENTRY_KINDS)),
    check('effort_entries_source_check', inList(t.source, EFFORT_SOURCES)),
    check(
      'effort_entries_person_days_check',
      sql`CASE ${t.kind} WHEN 'entry' THEN ${t.personDays} > 0 AND ${t.correctsId} IS NULL
        ELSE ${t.personDays} <> 0 AND ${t.correctsId} IS NOT NULL AND ${t.reason} IS NOT NULL END`,
    ),
  ],
);

/** A month of an office's effort, confirmed by its director: from then on, only corrections. */
export const effortConfirmations = pgTable(
  'effort_confirmations',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    month: month('month').notNull(),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.month] }),
    check('effort_confirmations_month_check', monthCheck(t.month)),
  ],
);

/**
 * The daily rate table, versioned reference data: a version is never changed, a new one is published
 * (in force from its date). A statement keeps the version and the rates it was computed with.
 */
export const dailyRateTables = pgTable(
  'daily_rate_tables',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: integer('number').notNull().unique(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** Euro cents per person-day, for every profile. */
    rates: jsonb('rates').$type<Record<EffortProfile, number>>().notNull(),
    note: text('note').notNull().default(''),
    publishedBy: uuid('published_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('daily_rate_tables_number_check', sql`${t.number} >= 1`)],
);

/** A compensation agreement between the DDO and an office; an amendment is a new agreement linked to the first. */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    ...targetColumns(),
    officeSignatory: text('office_signatory').notNull(),
    ddoSignatory: text('ddo_signatory').notNull(),
    periodStart: month('period_start').notNull(),
    periodEnd: month('period_end').notNull(),
    valuation: text('valuation', { enum: VALUATION_RULES }).notNull(),
    flatAmountCents: integer('flat_amount_cents'),
    ceilingCents: integer('ceiling_cents').notNull(),
    commitments: text('commitments', { enum: AGREEMENT_COMMITMENTS }).array().notNull().default([]),
    commitmentNote: text('commitment_note').notNull().default(''),
    statementFrequency: text('statement_frequency', { enum: STATEMENT_FREQUENCIES }).notNull(),
    state: text('state', { enum: AGREEMENT_STATES }).notNull().default('draft'),
    /** The first agreement this one amends, and its rank among the amendments (0 for the first). */
    amendsId: uuid('amends_id').references((): AnyPgColumn => agreements.id),
    amendmentNumber: integer('amendment_number').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('agreements_office_idx').on(t.organisationId),
    index('agreements_state_idx').on(t.state),
    unique('agreements_amends_id_amendment_number_key').on(t.amendsId, t.amendmentNumber),
    check('agreements_state_check', inList(t.state, AGREEMENT_STATES)),
    check('agreements_valuation_check', inList(t.valuation, VALUATION_RULES)),
    check('agreements_target_kind_check', inList(t.targetKind, EFFORT_TARGET_KINDS)),
    check('agreements_target_check', targetCheck(t)),
    check('agreements_commitments_check', subsetOf(t.commitments, AGREEMENT_COMMITMENTS)),
    check('agreements_statement_frequency_check', inList(t.statementFrequency, STATEMENT_FREQUENCIES)),
    check(
      'agreements_period_check',
      sql`${monthCheck(t.periodStart)} AND ${monthCheck(t.periodEnd)} AND ${t.periodStart} <= ${t.periodEnd}`,
    ),
    check(
      'agreements_flat_amount_cents_check',
      sql`(${t.valuation} = 'flat') = (${t.flatAmountCents} IS NOT NULL) AND coalesce(${t.flatAmountCents}, 0) >= 0`,
    ),
    check('agreements_ceiling_cents_check', sql`${t.ceilingCents} >= 0`),
    check('agreements_amendment_number_check', sql`(${t.amendsId} IS NULL) = (${t.amendmentNumber} = 0)`),
  ],
);

/** The versions of an agreement's text, negotiated between the parties (numbered from 1, never changed). */
export const agreementTexts = pgTable(
  'agreement_texts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    authorOrganisationId: uuid('author_organisation_id').references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('agreement_texts_agreement_id_number_key').on(t.agreementId, t.number)],
);

/** Comments of the negotiation, each on a version of the text. */
export const agreementComments = pgTable(
  'agreement_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    textNumber: integer('text_number').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    authorOrganisationId: uuid('author_organisation_id').references(() => organisations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agreement_comments_agreement_idx').on(t.agreementId, t.createdAt)],
);

/** A line of a statement: a profile's confirmed effort (hundredths of a person-day) at its frozen rate. */
export interface StatementLine {
  profile: EffortProfile;
  hundredths: number;
  rateCents: number;
  amountCents: number;
}

/**
 * A periodic statement of an agreement: its figures computed once, with the rule, the rate table version
 * and the rates it used frozen on it (a later version of the rate table never changes it). One live
 * statement (draft or validated) per agreement and period; a withdrawn draft frees the period.
 */
export const agreementStatements = pgTable(
  'agreement_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    periodStart: month('period_start').notNull(),
    periodEnd: month('period_end').notNull(),
    state: text('state', { enum: STATEMENT_STATES }).notNull().default('draft'),
    valuation: text('valuation', { enum: VALUATION_RULES }).notNull(),
    rateTableId: uuid('rate_table_id').references(() => dailyRateTables.id),
    rateTableNumber: integer('rate_table_number'),
    /** The rates of that version, in cents per person-day, as they were. */
    rates: jsonb('rates').$type<Record<EffortProfile, number>>(),
    flatShareCents: integer('flat_share_cents'),
    ceilingCents: integer('ceiling_cents').notNull(),
    lines: jsonb('lines').$type<StatementLine[]>().notNull().default([]),
    confirmedHundredths: integer('confirmed_hundredths').notNull(),
    valuedCents: integer('valued_cents').notNull(),
    alreadyPaidCents: integer('already_paid_cents').notNull(),
    payableCents: integer('payable_cents').notNull(),
    overCents: integer('over_cents').notNull(),
    computedBy: uuid('computed_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('agreement_statements_agreement_idx').on(t.agreementId, t.periodStart),
    uniqueIndex('agreement_statements_live_period_key')
      .on(t.agreementId, t.periodStart)
      .where(sql`${t.state} <> 'withdrawn'`),
    check('agreement_statements_state_check', inList(t.state, STATEMENT_STATES)),
    check('agreement_statements_valuation_check', inList(t.valuation, VALUATION_RULES)),
    check(
      'agreement_statements_period_check',
      sql`${monthCheck(t.periodStart)} AND ${monthCheck(t.periodEnd)} AND ${t.periodStart} <= ${t.periodEnd}`,
    ),
    check(
      'agreement_statements_rule_check',
      sql`(${t.valuation} = 'rateTable') = (${t.rates} IS NOT NULL AND ${t.rateTableNumber} IS NOT NULL)
        AND (${t.valuation} = 'flat') = (${t.flatShareCents} IS NOT NULL)`,
    ),
    check(
      'agreement_statements_amounts_check',
      sql`${t.valuedCents} >= 0 AND ${t.payableCents} >= 0 AND ${t.overCents} >= 0 AND ${t.alreadyPaidCents} >= 0
        AND ${t.confirmedHundredths} >= 0 AND ${t.payableCents} + ${t.overCents} = ${t.valuedCents}
        AND ${t.payableCents} + ${t.alreadyPaidCents} <= greatest(${t.ceilingCents}, ${t.alreadyPaidCents})`,
    ),
  ],
);
