import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  BOARD_ITEM_KINDS,
  BOARD_ITEM_STATES,
  DECISION_OUTCOMES,
  type DecisionLinkType,
  EVOLUTION_TARGETS,
  MEETING_STATES,
  VOTE_MODES,
} from '../../common/board/vocabulary.ts';
import { inList } from './checks.ts';
import { timestamps, tsvector } from './columns.ts';
import { organisations, users } from './schema.ts';
import { calls } from './schema-calls.ts';
import { agreements } from './schema-compensation.ts';
import { projects, sponsorshipRequests } from './schema-projects.ts';

/** The governance board (server/modules/board/): meetings, what waits for it, its decisions. */

/** An object of the portal a decision concerns, with its label as it read when the decision was drafted. */
export interface DecisionLink {
  type: DecisionLinkType;
  id: string;
  label: string;
}

export const boardMeetings = pgTable(
  'board_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    meetingOn: date('meeting_on').notNull(),
    location: text('location').notNull().default(''),
    state: text('state', { enum: MEETING_STATES }).notNull().default('planned'),
    /** Who sat, one line each ("Nom — organisme"). */
    attendance: text('attendance').array().notNull().default(sql`'{}'::text[]`),
    /** Markdown. */
    minutes: text('minutes').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps,
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('board_meetings_date_idx').on(t.meetingOn),
    check('board_meetings_state_check', inList(t.state, MEETING_STATES)),
  ],
);

/**
 * What waits for the board: a request anyone submitted (evolution, arbitration), an escalated sponsorship
 * request, a call's selection, a participation or compensation question. On a meeting's agenda once
 * scheduled; decided (or back to waiting when postponed) when the meeting's minutes are published.
 */
export const boardItems = pgTable(
  'board_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: BOARD_ITEM_KINDS }).notNull(),
    title: text('title').notNull(),
    reason: text('reason').notNull(),
    evolutionTarget: text('evolution_target', { enum: EVOLUTION_TARGETS }),
    /** The offices an arbitration is between. */
    officeIds: uuid('office_ids').array().notNull().default(sql`'{}'::uuid[]`),
    sponsorshipId: uuid('sponsorship_id').references(() => sponsorshipRequests.id),
    callId: uuid('call_id').references(() => calls.id),
    projectId: uuid('project_id').references(() => projects.id),
    /** An agreement the office's director approved, awaiting the DDO's approval (drawn automatically). */
    agreementId: uuid('agreement_id').references(() => agreements.id),
    state: text('state', { enum: BOARD_ITEM_STATES }).notNull().default('waiting'),
    meetingId: uuid('meeting_id').references(() => boardMeetings.id),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittingOrganisationId: uuid('submitting_organisation_id')
      .notNull()
      .references(() => organisations.id),
    ...timestamps,
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('board_items_state_idx').on(t.state, t.createdAt),
    index('board_items_meeting_idx').on(t.meetingId),
    // One live item per escalated sponsorship and per call's selection.
    uniqueIndex('board_items_sponsorship_key')
      .on(t.sponsorshipId)
      .where(sql`state IN ('waiting', 'scheduled')`),
    uniqueIndex('board_items_call_key').on(t.callId).where(sql`state IN ('waiting', 'scheduled')`),
    uniqueIndex('board_items_agreement_key').on(t.agreementId).where(sql`state IN ('waiting', 'scheduled')`),
    check('board_items_kind_check', inList(t.kind, BOARD_ITEM_KINDS)),
    check('board_items_state_check', inList(t.state, BOARD_ITEM_STATES)),
    check('board_items_evolution_target_check', inList(t.evolutionTarget, EVOLUTION_TARGETS)),
    check(
      'board_items_references_check',
      sql`(${t.kind} = 'evolution') = (${t.evolutionTarget} IS NOT NULL)
        AND (${t.kind} = 'sponsorship') = (${t.sponsorshipId} IS NOT NULL)
        AND (${t.kind} = 'callSelection') = (${t.callId} IS NOT NULL)
        AND (${t.kind} = 'agreement') = (${t.agreementId} IS NOT NULL)
        AND (${t.state} = 'scheduled') = (${t.meetingId} IS NOT NULL)`,
    ),
  ],
);

/**
 * A decision of the board on one item of a meeting's agenda: drafted while the meeting is held, numbered
 * (year-number) and applied when its minutes are published; from then on in the public decision log.
 */
export const boardDecisions = pgTable(
  'board_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => boardMeetings.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => boardItems.id),
    year: integer('year'),
    number: integer('number'),
    question: text('question').notNull(),
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
    outcome: text('outcome', { enum: DECISION_OUTCOMES }).notNull(),
    statement: text('statement').notNull(),
    rationale: text('rationale').notNull(),
    voteMode: text('vote_mode', { enum: VOTE_MODES }).notNull(),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesAbstain: integer('votes_abstain'),
    links: jsonb('links').$type<DecisionLink[]>().notNull().default([]),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(question, ''))), 'A') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(statement, ''))), 'B') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(rationale, ''))), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex('board_decisions_item_key').on(t.itemId, t.meetingId),
    uniqueIndex('board_decisions_number_key').on(t.year, t.number),
    index('board_decisions_published_idx').on(t.publishedAt),
    index('board_decisions_search_idx').using('gin', t.searchVector),
    check('board_decisions_outcome_check', inList(t.outcome, DECISION_OUTCOMES)),
    check('board_decisions_vote_mode_check', inList(t.voteMode, VOTE_MODES)),
    check(
      'board_decisions_vote_check',
      sql`(${t.voteMode} = 'vote') = (${t.votesFor} IS NOT NULL AND ${t.votesAgainst} IS NOT NULL AND ${t.votesAbstain} IS NOT NULL)
        AND coalesce(least(${t.votesFor}, ${t.votesAgainst}, ${t.votesAbstain}), 0) >= 0`,
    ),
    check('board_decisions_number_check', sql`(${t.number} IS NULL) = (${t.publishedAt} IS NULL)`),
  ],
);

/** The last number given to a decision of each year (`INSERT … ON CONFLICT DO UPDATE`: one at a time). */
export const boardDecisionCounters = pgTable('board_decision_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});
