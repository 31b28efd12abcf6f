import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
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
import {
  ATTACHMENT_KINDS,
  CERTIFICATION_STATUSES,
  CRITICALITY_CLASSES,
  HOSTINGS,
  LIFECYCLE_STAGES,
  MATURITY_LEVELS,
  PERSONAL_DATA_CATEGORIES,
  TRACKS,
} from '../../common/catalog/vocabulary.ts';
import { USER_STATUSES } from '../../common/lifecycles/user-account.ts';
import { ORGANISATION_TYPES, REGIONS } from '../../common/organisations.ts';
import { ROLES } from '../../common/roles.ts';
import { inList, subsetOf } from './checks.ts';
import { timestamps, tsvector } from './columns.ts';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    type: text('type', { enum: ORGANISATION_TYPES }).notNull(),
    name: text('name').notNull(),
    region: text('region', { enum: REGIONS }).notNull(),
    department: text('department'),
    city: text('city'),
    parentCode: text('parent_code'),
    referenceVersion: text('reference_version').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('organisations_code_key').on(t.code),
    index('organisations_type_idx').on(t.type),
    index('organisations_region_idx').on(t.region),
    check('organisations_type_check', inList(t.type, ORGANISATION_TYPES)),
    check('organisations_region_check', inList(t.region, REGIONS)),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    roles: text('roles', { enum: ROLES }).array().notNull(),
    passwordHash: text('password_hash').notNull(),
    status: text('status', { enum: USER_STATUSES }).notNull().default('active'),
    version: integer('version').notNull().default(1),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** When the person was erased (RGPD art. 17): the row stays, pseudonymised, for the records' integrity. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    /** N of « Personne effacée n° N », drawn in order at the erasure. */
    erasureNumber: integer('erasure_number'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_erasure_number_key').on(t.erasureNumber),
    index('users_organisation_idx').on(t.organisationId),
    check('users_roles_check', subsetOf(t.roles, ROLES)),
    check('users_status_check', inList(t.status, USER_STATUSES)),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a database leak does not hand out live sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    emailKey: text('email_key').notNull(),
    ip: text('ip').notNull(),
    /** Null while the password is being checked: a reserved attempt counts as a failure. */
    succeeded: boolean('succeeded'),
    /** SHA-256 of the known-device cookie the attempt came with, when it was one of this account's. */
    deviceKey: text('device_key'),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_email_idx').on(t.emailKey, t.attemptedAt),
    index('login_attempts_ip_idx').on(t.ip, t.attemptedAt),
    index('login_attempts_device_idx').on(t.deviceKey, t.attemptedAt),
  ],
);

/** Browsers a user has signed in from: their attempts are throttled apart from everyone else's. */
export const knownDevices = pgTable(
  'known_devices',
  {
    /** SHA-256 of the cookie token. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('known_devices_user_idx').on(t.userId)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorOrganisationId: uuid('actor_organisation_id').references(() => organisations.id),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    /** `user`, or `system` for what the platform did by itself (deadlines); then `details.job` says which. */
    actorKind: text('actor_kind', { enum: ['user', 'system'] })
      .notNull()
      .default('user'),
    /** A lifecycle transition's name, states and validated input. */
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    check('audit_events_actor_kind_check', inList(t.actorKind, ['user', 'system'])),
    index('audit_events_occurred_idx').on(t.occurredAt),
    index('audit_events_actor_idx').on(t.actorUserId, t.occurredAt),
    index('audit_events_target_idx').on(t.targetType, t.targetId),
    index('audit_events_action_idx').on(t.action, t.occurredAt),
    // The events whose snapshots the retention purge has yet to blank: the daily run reads only these.
    index('audit_events_snapshot_idx')
      .on(t.occurredAt)
      .where(sql`${t.before} IS NOT NULL OR ${t.after} IS NOT NULL`),
  ],
);

/** Controlled list of business domains (reference data, loaded from reference/business-domains.json). */
export const businessDomains = pgTable('business_domains', {
  code: text('code').primaryKey(),
  labelFr: text('label_fr').notNull(),
  labelEn: text('label_en').notNull(),
  position: integer('position').notNull(),
  referenceVersion: text('reference_version').notNull(),
});

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export interface ApplicationTechnologies {
  php?: string | null;
  symfony?: string | null;
  starterKit?: string | null;
  psram?: string | null;
  database?: string | null;
  others?: string[];
}
export interface Contact {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}
export interface OtherLanguageText {
  name?: string;
  shortDescription?: string;
  longDescription?: string;
}

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    summary: text('summary').notNull(),
    description: text('description').notNull().default(''),
    domainCode: text('domain_code')
      .notNull()
      .references(() => businessDomains.code),
    designerOrganisationId: uuid('designer_organisation_id')
      .notNull()
      .references(() => organisations.id),
    track: text('track', { enum: TRACKS }).notNull(),
    /** The state of the certification lifecycle (common/lifecycles/application.ts), moved only by it. */
    certificationStatus: text('certification_status', { enum: CERTIFICATION_STATUSES })
      .notNull()
      .default('none'),
    lifecycleStage: text('lifecycle_stage', { enum: LIFECYCLE_STAGES }).notNull(),
    maturityLevel: integer('maturity_level'),
    criticalityClass: text('criticality_class', { enum: CRITICALITY_CLASSES }),
    technologies: jsonb('technologies').$type<ApplicationTechnologies>().notNull().default({}),
    technologyTags: text('technology_tags').array().notNull().default(sql`'{}'::text[]`),
    hosting: text('hosting', { enum: HOSTINGS }).notNull(),
    personalData: boolean('personal_data').notNull().default(false),
    personalDataCategories: text('personal_data_categories', { enum: PERSONAL_DATA_CATEGORIES })
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    cnilReference: text('cnil_reference'),
    connectors: text('connectors').array().notNull().default(sql`'{}'::text[]`),
    forgeUrl: text('forge_url'),
    documentationUrl: text('documentation_url'),
    licence: text('licence'),
    maintainer: jsonb('maintainer').$type<Contact>().notNull().default({}),
    support: jsonb('support').$type<Contact>().notNull().default({}),
    /** Words the sheet is also found by (domain, designer office, technologies, connectors), set by the service. */
    keywords: text('keywords').notNull().default(''),
    otherLanguages: jsonb('other_languages').$type<Record<string, OtherLanguageText>>().notNull().default({}),
    /** Kept up to date with application_usages in the same transaction: sorts and ranks without a join. */
    usageCount: integer('usage_count').notNull().default(0),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    /** Retired in favour of a shared application (a redundancy resolved), and when. */
    replacedById: uuid('replaced_by_id').references((): AnyPgColumn => applications.id),
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    ...timestamps,
    /** The name as the catalogue sorts it (unaccented, lower case), computed once on write. */
    sortName: text('sort_name').generatedAlwaysAs(sql`f_unaccent(lower(name))`),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(name, '') || ' ' || coalesce(code, ''))), 'A') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(summary, ''))), 'B') || setweight(to_tsvector('french'::regconfig, f_unaccent(coalesce(description, '') || ' ' || coalesce(keywords, ''))), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex('applications_code_key').on(t.code),
    // Writes are rare and reads constant: no GIN pending list that every search would scan.
    index('applications_search_idx').using('gin', t.searchVector).with({ fastupdate: false }),
    index('applications_domain_idx').on(t.domainCode),
    index('applications_designer_idx').on(t.designerOrganisationId),
    index('applications_usage_idx').on(t.usageCount),
    index('applications_tags_idx').using('gin', t.technologyTags).with({ fastupdate: false }),
    check('applications_track_check', inList(t.track, TRACKS)),
    check('applications_certification_status_check', inList(t.certificationStatus, CERTIFICATION_STATUSES)),
    // A certified application stays on the track it was certified for (common/lifecycles/application.ts).
    check(
      'applications_certification_track_check',
      sql`(${t.certificationStatus} <> 'labelled' OR ${t.track} = 'labelling') AND (${t.certificationStatus} <> 'homologated' OR ${t.track} = 'homologation') AND (${t.certificationStatus} <> 'inProgress' OR ${t.track} IN ('labelling', 'homologation'))`,
    ),
    check('applications_lifecycle_stage_check', inList(t.lifecycleStage, LIFECYCLE_STAGES)),
    check(
      'applications_replacement_check',
      sql`(${t.replacedById} IS NULL) = (${t.replacedAt} IS NULL) AND ${t.replacedById} IS DISTINCT FROM ${t.id}`,
    ),
    check('applications_maturity_level_check', inList(t.maturityLevel, MATURITY_LEVELS)),
    check('applications_criticality_class_check', inList(t.criticalityClass, CRITICALITY_CLASSES)),
    check('applications_hosting_check', inList(t.hosting, HOSTINGS)),
    check(
      'applications_personal_data_categories_check',
      subsetOf(t.personalDataCategories, PERSONAL_DATA_CATEGORIES),
    ),
  ],
);

export const applicationContributors = pgTable(
  'application_contributors',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.organisationId] })],
);

export const applicationVersions = pgTable(
  'application_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    releasedOn: date('released_on', { mode: 'string' }),
    notes: text('notes').notNull().default(''),
  },
  (t) => [uniqueIndex('application_versions_number_key').on(t.applicationId, t.number)],
);

export const applicationUsages = pgTable(
  'application_usages',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    since: date('since', { mode: 'string' }),
    userCount: integer('user_count'),
    versionNumber: text('version_number'),
    comment: text('comment').notNull().default(''),
    declaredBy: uuid('declared_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.organisationId] }),
    index('application_usages_organisation_idx').on(t.organisationId),
  ],
);

export const applicationAttachments = pgTable(
  'application_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ATTACHMENT_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /**
     * Null for every file stored since migration 0007: the bytes are on disk, in
     * `<data directory>/attachments/<id[0..2]>/<id>` (see attachment-files.ts); files attached before
     * keep their bytes here and are served from here.
     */
    content: bytea('content'),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('application_attachments_application_idx').on(t.applicationId),
    check('application_attachments_kind_check', inList(t.kind, ATTACHMENT_KINDS)),
  ],
);

// Acceptance campaigns and national acceptance reports: schema-acceptance.ts.
export * from './schema-acceptance.ts';
// Accessibility problems reported from the statement page: schema-accessibility.ts.
export * from './schema-accessibility.ts';
// The governance board: meetings, agenda items, decisions: schema-board.ts.
export * from './schema-board.ts';
// Calls for projects and their questions: schema-calls.ts.
export * from './schema-calls.ts';
// User clubs: members and contacts, news, meetings, wishes and votes: schema-clubs.ts.
export * from './schema-clubs.ts';
// The developer community (directory, regional referents): schema-community.ts.
export * from './schema-community.ts';
// Effort records, the daily rate table and compensation agreements: schema-compensation.ts.
export * from './schema-compensation.ts';
// Evaluation grids and evaluations: schema-evaluations.ts.
export * from './schema-evaluations.ts';
// AM Cloud hosting: price lists, budgets and their alerts: schema-hosting.ts.
export * from './schema-hosting.ts';
// What the portal last fetched from GitLab, Jenkins and the Composer repository: schema-integrations.ts.
export * from './schema-integrations.ts';
// Follows, mutes, notification preferences and notifications: schema-notifications.ts.
export * from './schema-notifications.ts';
// The outbox of background jobs: schema-outbox.ts.
export * from './schema-outbox.ts';
// Projects in progress, their sponsorships, offers, comments and capacities: schema-projects.ts.
export * from './schema-projects.ts';
// Proposals answering calls, their evaluation and the selection: schema-proposals.ts.
export * from './schema-proposals.ts';
// The good-practice referential (pages, versions, proposals, votes): schema-referential.ts.
export * from './schema-referential.ts';
// The catalogue search's own tables (the typo lexicon, the change log): schema-search.ts.
export * from './schema-search.ts';
// The site's legal settings (publisher, host, personal data contacts): schema-site.ts.
export * from './schema-site.ts';
// The Store's reviews, deployment requests and AM Cloud tenants: schema-store.ts.
export * from './schema-store.ts';
// Support tickets of the starter kit and of applications: schema-support.ts.
export * from './schema-support.ts';
