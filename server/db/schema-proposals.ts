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
import { PROPOSAL_STATES, SCORE_MAX, SCORE_MIN, SELECTION_STATES } from '../../common/calls/proposals.ts';
import { inList } from './checks.ts';
import { timestamps } from './columns.ts';
import { applications, organisations, users } from './schema.ts';
import { calls } from './schema-calls.ts';
import { projects } from './schema-projects.ts';

/**
 * Proposals answering calls for projects, their evaluation and the selection (server/modules/calls/
 * proposals/), re-exported by schema.ts.
 */

const proposalRef = () =>
  uuid('proposal_id')
    .notNull()
    .references(() => callProposals.id, { onDelete: 'cascade' });

export const callProposals = pgTable(
  'call_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    /** The proposing office: it holds the project if the proposal is selected. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    /** Markdown: how the office means to answer the call. */
    approach: text('approach').notNull(),
    team: text('team').notNull().default(''),
    effortDays: integer('effort_days'),
    plannedStart: date('planned_start', { mode: 'string' }),
    plannedEnd: date('planned_end', { mode: 'string' }),
    /** The state of the proposal lifecycle (common/lifecycles/proposal.ts), moved only by it. */
    state: text('state', { enum: PROPOSAL_STATES }).notNull().default('draft'),
    /** Why it was selected or not, written by the selection. */
    decisionRationale: text('decision_rationale'),
    /** The project the selection created from it. */
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('call_proposals_call_idx').on(t.callId, t.state),
    index('call_proposals_organisation_idx').on(t.organisationId),
    check('call_proposals_state_check', inList(t.state, PROPOSAL_STATES)),
    check('call_proposals_effort_days_check', sql`${t.effortDays} IS NULL OR ${t.effortDays} >= 0`),
    check(
      'call_proposals_planned_dates_check',
      sql`${t.plannedStart} IS NULL OR ${t.plannedEnd} IS NULL OR ${t.plannedStart} <= ${t.plannedEnd}`,
    ),
  ],
);

/** Other offices taking part in a proposal; each confirms its participation (its director). */
export const proposalPartners = pgTable(
  'proposal_partners',
  {
    proposalId: proposalRef(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.organisationId] }),
    index('proposal_partners_organisation_idx').on(t.organisationId),
  ],
);

/** The catalogue applications a proposal means to reuse. */
export const proposalReuses = pgTable(
  'proposal_reuses',
  {
    proposalId: proposalRef(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.applicationId] })],
);

/** The people the issuer names to score a call's proposals. */
export const callEvaluators = pgTable(
  'call_evaluators',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    namedBy: uuid('named_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.userId] }), index('call_evaluators_user_idx').on(t.userId)],
);

/** One evaluator's score (0–5) of one proposal on one criterion (its index in the call's criteria). */
export const proposalScores = pgTable(
  'proposal_scores',
  {
    proposalId: proposalRef(),
    evaluatorId: uuid('evaluator_id')
      .notNull()
      .references(() => users.id),
    criterion: integer('criterion').notNull(),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.evaluatorId, t.criterion] }),
    check('proposal_scores_criterion_check', sql`${t.criterion} >= 0`),
    check(
      'proposal_scores_score_check',
      sql`${t.score} BETWEEN ${sql.raw(String(SCORE_MIN))} AND ${sql.raw(String(SCORE_MAX))}`,
    ),
  ],
);

/** One choice of a selection: a proposal, whether it is selected, and why. */
export interface SelectionChoice {
  proposalId: string;
  selected: boolean;
  rationale: string;
}

/**
 * The selection the issuer proposed: applied at once for a local or regional call, awaiting the
 * governance board's confirmation for a national one (confirmCallSelection).
 */
export const callSelections = pgTable(
  'call_selections',
  {
    callId: uuid('call_id')
      .primaryKey()
      .references(() => calls.id, { onDelete: 'cascade' }),
    state: text('state', { enum: SELECTION_STATES }).notNull(),
    rationale: text('rationale').notNull(),
    choices: jsonb('choices').$type<SelectionChoice[]>().notNull(),
    proposedBy: uuid('proposed_by').references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    appliedBy: uuid('applied_by').references(() => users.id),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [check('call_selections_state_check', inList(t.state, SELECTION_STATES))],
);
