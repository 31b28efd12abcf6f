import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
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
