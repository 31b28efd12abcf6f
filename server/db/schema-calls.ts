import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { CALL_SCOPES, CALL_STATES } from '../../common/calls/vocabulary.ts';
import { ATTACHMENT_KINDS } from '../../common/catalog/vocabulary.ts';
import { REGIONS } from '../../common/organisations.ts';
import { inList } from './checks.ts';
import { attachmentFileColumns, timestamps } from './columns.ts';
import { businessDomains, organisations, users } from './schema.ts';

/** Calls for projects and their public questions (server/modules/calls/), re-exported by schema.ts. */

/** One evaluation criterion of a call and its weight (the weights make 100). */
export interface CallCriterion {
  label: string;
  weight: number;
}

const callRef = () =>
  uuid('call_id')
    .notNull()
    .references(() => calls.id, { onDelete: 'cascade' });

export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    /** Markdown: the context, and what the call expects to come out of it. */
    context: text('context').notNull(),
    expectedOutcome: text('expected_outcome').notNull().default(''),
    /** An office (its director issues) or a national directorate (its sponsors issue). */
    issuerOrganisationId: uuid('issuer_organisation_id')
      .notNull()
      .references(() => organisations.id),
    scope: text('scope', { enum: CALL_SCOPES }).notNull(),
    /** The region whose offices may answer a regional call. */
    region: text('region', { enum: REGIONS }),
    domainCode: text('domain_code')
      .notNull()
      .references(() => businessDomains.code),
    /** The effort envelope, in person-days, and the budget in euros, when the call has them. */
    effortDays: integer('effort_days'),
    budgetEuros: integer('budget_euros'),
    criteria: jsonb('criteria').$type<CallCriterion[]>().notNull().default([]),
    /** The timeline, each a day that ends at midnight, Paris time. */
    publicationOn: date('publication_on', { mode: 'string' }),
    questionsUntil: date('questions_until', { mode: 'string' }).notNull(),
    proposalsUntil: date('proposals_until', { mode: 'string' }).notNull(),
    selectionBy: date('selection_by', { mode: 'string' }).notNull(),
    /** The state of the call lifecycle (common/lifecycles/call.ts), moved only by it. */
    state: text('state', { enum: CALL_STATES }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('calls_state_deadline_idx').on(t.state, t.proposalsUntil),
    index('calls_issuer_idx').on(t.issuerOrganisationId),
    check('calls_state_check', inList(t.state, CALL_STATES)),
    check('calls_scope_check', inList(t.scope, CALL_SCOPES)),
    check('calls_region_check', inList(t.region, REGIONS)),
    check('calls_effort_days_check', sql`${t.effortDays} IS NULL OR ${t.effortDays} >= 0`),
    check('calls_budget_euros_check', sql`${t.budgetEuros} IS NULL OR ${t.budgetEuros} >= 0`),
    check(
      'calls_timeline_check',
      sql`${t.questionsUntil} <= ${t.proposalsUntil} AND ${t.proposalsUntil} <= ${t.selectionBy}`,
    ),
  ],
);

/** The offices a local call names as those that may answer. */
export const callOffices = pgTable(
  'call_offices',
  {
    callId: callRef(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.callId, t.organisationId] })],
);

/** A question an office asks about a call; the issuer's answer is visible to all. */
export const callQuestions = pgTable(
  'call_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: callRef(),
    question: text('question').notNull(),
    askedBy: uuid('asked_by').references(() => users.id),
    askedByOrganisationId: uuid('asked_by_organisation_id').references(() => organisations.id),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('call_questions_call_idx').on(t.callId, t.createdAt)],
);

/** The documents of a call (terms, templates), stored as the catalogue's files (lib/attachments.ts). */
export const callAttachments = pgTable(
  'call_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: callRef(),
    ...attachmentFileColumns(() => uuid('uploaded_by').references(() => users.id)),
  },
  (t) => [
    index('call_attachments_call_idx').on(t.callId, t.createdAt),
    check('call_attachments_kind_check', inList(t.kind, ATTACHMENT_KINDS)),
  ],
);
