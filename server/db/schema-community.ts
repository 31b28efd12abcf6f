import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { REGISTRATION_STATUSES, SESSION_STATES, TRAINING_MODES } from '../../common/community/training.ts';
import { REFERENT_APPLICATION_STATES, REFERENT_REGIONS } from '../../common/community/vocabulary.ts';
import { inList } from './checks.ts';
import { timestamps } from './columns.ts';
import { organisations, users } from './schema.ts';

/**
 * The developer community (letter §3.2.1): each developer's profile (one per account, written by its
 * owner; the training date by the starter-kit training), the offices named starter-kit referent of a
 * region, and the offices' applications to become one.
 */
export const developerProfiles = pgTable(
  'developer_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    headline: text('headline'),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    /** Languages and frameworks. */
    technologies: text('technologies').array().notNull().default(sql`'{}'::text[]`),
    applicationIds: uuid('application_ids').array().notNull().default(sql`'{}'::uuid[]`),
    projectIds: uuid('project_ids').array().notNull().default(sql`'{}'::uuid[]`),
    availableForCollaboration: boolean('available_for_collaboration').notNull().default(false),
    availabilityNote: text('availability_note'),
    /** The day the starter-kit training was completed (it opens level-1 support). */
    trainedAt: date('trained_at', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('developer_profiles_skills_idx').using('gin', t.skills),
    index('developer_profiles_technologies_idx').using('gin', t.technologies),
  ],
);

export const regionalReferents = pgTable(
  'regional_referents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    region: text('region', { enum: REFERENT_REGIONS as [string, ...string[]] }).notNull(),
    /** Who named it (the DDSI, or the application it accepted); null for the offices the letter names. */
    namedBy: uuid('named_by').references(() => users.id),
    namedAt: timestamp('named_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('regional_referents_office_region_key').on(t.organisationId, t.region),
    index('regional_referents_region_idx').on(t.region),
    check('regional_referents_region_check', inList(t.region, REFERENT_REGIONS)),
  ],
);

export const referentApplications = pgTable(
  'referent_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    region: text('region', { enum: REFERENT_REGIONS as [string, ...string[]] }).notNull(),
    motivation: text('motivation').notNull(),
    state: text('state', { enum: REFERENT_APPLICATION_STATES }).notNull().default('pending'),
    appliedBy: uuid('applied_by').references(() => users.id),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    // One pending application per office and region: a second is a 409 naming the region.
    uniqueIndex('referent_applications_region_key')
      .on(t.organisationId, t.region)
      .where(sql`state = 'pending'`),
    index('referent_applications_state_idx').on(t.state),
    check('referent_applications_region_check', inList(t.region, REFERENT_REGIONS)),
    check('referent_applications_state_check', inList(t.state, REFERENT_APPLICATION_STATES)),
  ],
);

/** Starter-kit training sessions (letter §3.2.1.1): three days, by a referent office, for a region. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    region: text('region', { enum: REFERENT_REGIONS as [string, ...string[]] }).notNull(),
    title: text('title').notNull(),
    mode: text('mode', { enum: TRAINING_MODES }).notNull(),
    place: text('place'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    capacity: integer('capacity').notNull(),
    trainerOrganisationId: uuid('trainer_organisation_id')
      .notNull()
      .references(() => organisations.id),
    state: text('state', { enum: SESSION_STATES }).notNull().default('published'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('training_sessions_region_idx').on(t.region, t.startsOn),
    check('training_sessions_region_check', inList(t.region, REFERENT_REGIONS)),
    check('training_sessions_mode_check', inList(t.mode, TRAINING_MODES)),
    check('training_sessions_state_check', inList(t.state, SESSION_STATES)),
    check('training_sessions_capacity_check', sql`${t.capacity} > 0`),
    check('training_sessions_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/**
 * A request for a place: in a session (registered or on its waiting list, in order of arrival), or for a
 * region without a session yet (`demand`, session null). The prerequisites the office declared, and when the
 * referent checked them.
 */
export const trainingRegistrations = pgTable(
  'training_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id').references(() => trainingSessions.id),
    region: text('region', { enum: REFERENT_REGIONS as [string, ...string[]] }).notNull(),
    developerUserId: uuid('developer_user_id')
      .notNull()
      .references(() => users.id),
    requestedBy: uuid('requested_by').references(() => users.id),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
    prerequisites: jsonb('prerequisites')
      .$type<{ php: boolean; symfony: boolean; versioning: boolean; symfonyUsed: boolean }>()
      .notNull(),
    prerequisitesCheckedAt: timestamp('prerequisites_checked_at', { withTimezone: true }),
    reason: text('reason'),
    note: text('note'),
    /** Order of the waiting list: promotion takes the smallest. */
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    // One live request per developer and session: a second is a 409 naming the developer.
    uniqueIndex('training_registrations_live_key')
      .on(t.sessionId, t.developerUserId)
      .where(sql`status IN ('registered', 'waitlisted', 'attended', 'absent')`),
    uniqueIndex('training_registrations_demand_key')
      .on(t.region, t.developerUserId)
      .where(sql`status = 'demand'`),
    index('training_registrations_session_idx').on(t.sessionId, t.status),
    check('training_registrations_region_check', inList(t.region, REFERENT_REGIONS)),
    check('training_registrations_status_check', inList(t.status, REGISTRATION_STATUSES)),
  ],
);
