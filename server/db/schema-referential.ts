import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { PROPOSAL_STATES, REFERENTIAL_CATEGORIES, VOTE_VALUES } from '../../common/referential/vocabulary.ts';
import { inList } from './checks.ts';
import { timestamps } from './columns.ts';
import { users } from './schema.ts';

/**
 * The good-practice referential (letter §2.1.2, §3.1): pages in Markdown, each with its numbered versions
 * (the current one named on the page), the community's proposals (a draft version of a page, or a new
 * page, with a discussion and votes), one vote per person and proposal.
 */
export const referentialPages = pgTable(
  'referential_pages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    category: text('category', { enum: REFERENTIAL_CATEGORIES }).notNull(),
    title: text('title').notNull(),
    /** The current version (the latest accepted); set in the transaction that writes the version. */
    currentVersionId: uuid('current_version_id'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('referential_pages_slug_key').on(t.slug),
    check('referential_pages_category_check', inList(t.category, REFERENTIAL_CATEGORIES)),
  ],
);

export const referentialVersions = pgTable(
  'referential_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => referentialPages.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** What changed, in the author's words. */
    summary: text('summary').notNull().default(''),
    authorId: uuid('author_id').references(() => users.id),
    /** The maintainer who accepted it (null for the first version of a page written by a maintainer). */
    acceptedBy: uuid('accepted_by').references(() => users.id),
    proposalId: uuid('proposal_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('referential_versions_page_number_key').on(t.pageId, t.number)],
);

export const referentialProposals = pgTable(
  'referential_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The page changed; null for a new page (then `category` says where it goes). */
    pageId: uuid('page_id').references(() => referentialPages.id, { onDelete: 'cascade' }),
    category: text('category', { enum: REFERENTIAL_CATEGORIES }).notNull(),
    /** The version the change was written from (null for a new page). */
    baseVersionId: uuid('base_version_id').references(() => referentialVersions.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Why: the discussion starts from it. */
    rationale: text('rationale').notNull(),
    state: text('state', { enum: PROPOSAL_STATES }).notNull().default('open'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('referential_proposals_page_idx').on(t.pageId, t.state),
    check('referential_proposals_state_check', inList(t.state, PROPOSAL_STATES)),
    check('referential_proposals_category_check', inList(t.category, REFERENTIAL_CATEGORIES)),
  ],
);

export const referentialVotes = pgTable(
  'referential_votes',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => referentialProposals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    value: text('value', { enum: VOTE_VALUES }).notNull(),
    comment: text('comment').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    // One vote per person and proposal: voting again changes it.
    primaryKey({ columns: [t.proposalId, t.userId] }),
    check('referential_votes_value_check', inList(t.value, VOTE_VALUES)),
    check('referential_votes_comment_check', sql`length(${t.comment}) <= 2000`),
  ],
);
