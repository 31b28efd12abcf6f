import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ATTACHMENT_KINDS } from '../../common/catalog/vocabulary.ts';
import {
  ACTIVE_PHASES,
  OFFER_KINDS,
  OFFER_STATES,
  PROJECT_OFFICE_ROLES,
  PROJECT_PHASES,
  type ProjectPhase,
  SPONSORSHIP_STATES,
} from '../../common/projects.ts';
import type { DuplicateCheck } from '../../common/schemas/project.ts';
import { PROJECT_TRACKS } from '../../common/tracks.ts';
import { inList } from './checks.ts';
import { timestamps, tsvector } from './columns.ts';
import { applications, businessDomains, organisations, users } from './schema.ts';

/** The tables of projects in progress (server/modules/projects/), re-exported by schema.ts. */

/** The project a row belongs to; deleted with it. */
const projectRef = () =>
  uuid('project_id')
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' });

/** Planned dates per phase (edited) and actual dates (set by the transitions): `{ development: { start, end } }`. */
export type PhaseDates = Partial<Record<ProjectPhase, { start?: string | null; end?: string | null }>>;

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    /** What problem, for whom. */
    need: text('need').notNull(),
    /** Markdown, rendered like the catalogue's. */
    description: text('description').notNull().default(''),
    domainCode: text('domain_code')
      .notNull()
      .references(() => businessDomains.code),
    holderOrganisationId: uuid('holder_organisation_id')
      .notNull()
      .references(() => organisations.id),
    track: text('track', { enum: PROJECT_TRACKS }).notNull(),
    /** The state of the project lifecycle (common/lifecycles/project.ts), moved only by it. */
    phase: text('phase', { enum: PROJECT_PHASES }).notNull().default('needExpressed'),
    /** The phase a suspended project resumes to. */
    suspendedFrom: text('suspended_from', { enum: ACTIVE_PHASES }),
    plannedDates: jsonb('planned_dates').$type<PhaseDates>().notNull().default({}),
    actualDates: jsonb('actual_dates').$type<PhaseDates>().notNull().default({}),
    forgeUrl: text('forge_url'),
    /** "Application existante — procédure transitoire" (§2.4), with the sheet it concerns. */
    transitionalProcedure: boolean('transitional_procedure').notNull().default(false),
    transitionalApplicationId: uuid('transitional_application_id').references(() => applications.id),
    /** Homologation: the day the project was declared on the portal (§2.2.2). */
    homologationDeclaredOn: date('homologation_declared_on', { mode: 'string' }),
    /** Set by the acceptance module (to come): the signed national acceptance report. */
    acceptanceReportSignedAt: timestamp('acceptance_report_signed_at', { withTimezone: true }),
    acceptanceReportReference: text('acceptance_report_reference'),
    /** Until then an administrator may deliver without it, with a written reason (audited). */
    acceptanceOverrideReason: text('acceptance_override_reason'),
    acceptanceOverrideBy: uuid('acceptance_override_by').references(() => users.id),
    acceptanceOverrideAt: timestamp('acceptance_override_at', { withTimezone: true }),
    /** The catalogue sheet the project created or updated when delivered (the sheet finds it back by this column). */
    applicationId: uuid('application_id').references(() => applications.id),
    /** National participation: the national directorate the development belongs to (§2.3). */
    owningDirectorateId: uuid('owning_directorate_id').references(() => organisations.id),
    /** To be hosted on AM Cloud and listed in the Store (never on the non-standard track). */
    amStore: boolean('am_store').notNull().default(false),
    /** The similar items the declarant confirmed this is not a duplicate of (null: none were shown). */
    duplicateCheck: jsonb('duplicate_check').$type<DuplicateCheck>(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps,
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(title, ''))), 'A') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(need, ''))), 'B') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(description, ''))), 'C')`,
    ),
  },
  (t) => [
    index('projects_search_idx').using('gin', t.searchVector),
    index('projects_holder_idx').on(t.holderOrganisationId),
    index('projects_application_idx').on(t.applicationId),
    index('projects_updated_idx').on(t.updatedAt),
    check('projects_track_check', inList(t.track, PROJECT_TRACKS)),
    check('projects_phase_check', inList(t.phase, PROJECT_PHASES)),
    check('projects_suspended_from_check', inList(t.suspendedFrom, ACTIVE_PHASES)),
    // §2.2.3: a non-standard application never goes to AM Cloud or the Store.
    check('projects_am_store_check', sql`NOT (${t.amStore} AND ${t.track} = 'nonStandard')`),
  ],
);

/** Developer and pilot offices of a project. */
export const projectOffices = pgTable(
  'project_offices',
  {
    projectId: projectRef(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role', { enum: PROJECT_OFFICE_ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.organisationId, t.role] }),
    index('project_offices_organisation_idx').on(t.organisationId),
    check('project_offices_role_check', inList(t.role, PROJECT_OFFICE_ROLES)),
  ],
);

export const projectContacts = pgTable(
  'project_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectRef(),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('project_contacts_project_idx').on(t.projectId)],
);

/** National participation (§2.3): the local staff a project borrows, and for how long. */
export const projectContributions = pgTable(
  'project_contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectRef(),
    personName: text('person_name').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Share of the person's working time, in percent. */
    sharePercent: integer('share_percent').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    role: text('role').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_contributions_project_idx').on(t.projectId),
    check('project_contributions_share_check', sql`${t.sharePercent} BETWEEN 1 AND 100`),
    check('project_contributions_dates_check', sql`${t.endsOn} IS NULL OR ${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const projectComments = pgTable(
  'project_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectRef(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    /** Deleted comments keep their place in the thread, without their text. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('project_comments_project_idx').on(t.projectId, t.createdAt)],
);

/**
 * Screenshots and documents of a project; the bytes are on disk, in
 * `<data directory>/attachments/<id[0..2]>/<id>` beside the catalogue's (lib/attachment-files.ts).
 */
export const projectAttachments = pgTable(
  'project_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectRef(),
    kind: text('kind', { enum: ATTACHMENT_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_attachments_project_idx').on(t.projectId, t.createdAt),
    check('project_attachments_kind_check', inList(t.kind, ATTACHMENT_KINDS)),
  ],
);

/** A holder asks a national directorate to sponsor its project (§2.1.4); the directorate decides. */
export const sponsorshipRequests = pgTable(
  'sponsorship_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectRef(),
    directorateId: uuid('directorate_id')
      .notNull()
      .references(() => organisations.id),
    pitch: text('pitch').notNull(),
    state: text('state', { enum: SPONSORSHIP_STATES }).notNull().default('pending'),
    rationale: text('rationale'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** Why it was withdrawn, when said; the decision's rationale is kept in `rationale`. */
    withdrawalReason: text('withdrawal_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('sponsorship_requests_project_idx').on(t.projectId),
    index('sponsorship_requests_queue_idx').on(t.directorateId, t.state, t.requestedAt),
    // One live request (pending or accepted) per project and directorate.
    uniqueIndex('sponsorship_requests_live_key')
      .on(t.projectId, t.directorateId)
      .where(sql`state IN ('pending', 'accepted')`),
    check('sponsorship_requests_state_check', inList(t.state, SPONSORSHIP_STATES)),
  ],
);

/** An office offers to join a project; the holder accepts or declines. */
export const projectOffers = pgTable(
  'project_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: projectRef(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: OFFER_KINDS }).notNull(),
    message: text('message').notNull(),
    personDays: integer('person_days'),
    state: text('state', { enum: OFFER_STATES }).notNull().default('pending'),
    rationale: text('rationale'),
    offeredBy: uuid('offered_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('project_offers_project_idx').on(t.projectId),
    uniqueIndex('project_offers_live_key')
      .on(t.projectId, t.organisationId, t.kind)
      .where(sql`state IN ('pending', 'accepted')`),
    check('project_offers_kind_check', inList(t.kind, OFFER_KINDS)),
    check('project_offers_state_check', inList(t.state, OFFER_STATES)),
    check(
      'project_offers_person_days_check',
      sql`${t.personDays} IS NULL OR ${t.personDays} BETWEEN 1 AND 10000`,
    ),
  ],
);

/** What an office can give to others' projects in a quarter ("forces disponibles"). */
export const capacityDeclarations = pgTable(
  'capacity_declarations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** `2026-T4`. */
    quarter: text('quarter').notNull(),
    personDays: integer('person_days').notNull(),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    comment: text('comment').notNull().default(''),
    declaredBy: uuid('declared_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('capacity_declarations_quarter_key').on(t.organisationId, t.quarter),
    check('capacity_declarations_person_days_check', sql`${t.personDays} BETWEEN 0 AND 100000`),
  ],
);

const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/**
 * The projects' change log: one row per transaction that wrote what the project search and the search for
 * similar items keep a copy of (a project, its offices and sponsorships, an office, a domain's label), with
 * the transaction's id. A server process asks whether anything committed since its copy's snapshot
 * (projects-snapshot.queries.ts) and reads the projects again only then. Written by triggers (migration
 * 0013), pruned with the catalogue's change log.
 */
export const projectChanges = pgTable(
  'project_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_changes_xid_idx').on(t.xid)],
);
