import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { WISH_STATES, WISH_VOTE_VALUES } from '../../common/clubs/vocabulary.ts';
import { inList } from './checks.ts';
import { timestamps } from './columns.ts';
import { applications, organisations, users } from './schema.ts';

/**
 * User clubs (server/modules/clubs/): an application's club is the application itself; its member offices
 * with their contacts, the designer office's news and meetings, the wish list and one vote per office.
 */

const applicationRef = () =>
  uuid('application_id')
    .notNull()
    .references(() => applications.id, { onDelete: 'cascade' });

export const clubMembers = pgTable(
  'club_members',
  {
    applicationId: applicationRef(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    joinedBy: uuid('joined_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.organisationId] }),
    index('club_members_office_idx').on(t.organisationId),
  ],
);

/** The people a member office names as its contacts in the club (who joins becomes one). */
export const clubContacts = pgTable(
  'club_contacts',
  {
    applicationId: uuid('application_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.organisationId, t.userId] }),
    // An office that leaves takes its contacts with it.
    foreignKey({
      name: 'club_contacts_member_fk',
      columns: [t.applicationId, t.organisationId],
      foreignColumns: [clubMembers.applicationId, clubMembers.organisationId],
    }).onDelete('cascade'),
  ],
);

/** News of the club, in Markdown, published by the designer office. */
export const clubPosts = pgTable(
  'club_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: applicationRef(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [index('club_posts_application_idx').on(t.applicationId, t.createdAt)],
);

/** A meeting of the club: its date and agenda, its minutes once held. */
export const clubMeetings = pgTable(
  'club_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: applicationRef(),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    agenda: text('agenda').notNull(),
    minutes: text('minutes'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('club_meetings_application_idx').on(t.applicationId, t.heldOn)],
);

/** A wish of evolution (common/lifecycles/club-wish.ts): voted on by members, answered by the designer. */
export const clubWishes = pgTable(
  'club_wishes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: applicationRef(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    state: text('state', { enum: WISH_STATES }).notNull().default('open'),
    plannedVersion: text('planned_version'),
    declineReason: text('decline_reason'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    authorOrganisationId: uuid('author_organisation_id')
      .notNull()
      .references(() => organisations.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('club_wishes_application_idx').on(t.applicationId),
    check('club_wishes_state_check', inList(t.state, WISH_STATES)),
  ],
);

/** One vote per office and wish, cast by whoever of the office; voting again replaces it. */
export const clubWishVotes = pgTable(
  'club_wish_votes',
  {
    wishId: uuid('wish_id')
      .notNull()
      .references(() => clubWishes.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    value: text('value', { enum: WISH_VOTE_VALUES }).notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.wishId, t.organisationId] }),
    check('club_wish_votes_value_check', inList(t.value, WISH_VOTE_VALUES)),
  ],
);

export type ClubWishRow = typeof clubWishes.$inferSelect;
export type ClubMeetingRow = typeof clubMeetings.$inferSelect;
export type ClubPostRow = typeof clubPosts.$inferSelect;
