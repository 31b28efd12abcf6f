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
import {
  DEPLOYMENT_STATES,
  ENVIRONMENTS,
  TENANT_OPERATIONS,
  TENANT_STATUSES,
} from '../../common/store/vocabulary.ts';
import { inList, subsetOf } from './checks.ts';
import { timestamps } from './columns.ts';
import { applications, organisations, users } from './schema.ts';

/** The Store's reviews, deployment requests and AM Cloud tenants (server/modules/store/), re-exported by schema.ts. */

/** The application asked for and the office it is for (a request, a tenant). */
const applicationAndOffice = () => ({
  applicationId: uuid('application_id')
    .notNull()
    .references(() => applications.id),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
});

/** One review per office and application, written and edited by its author. */
export const storeReviews = pgTable(
  'store_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    rating: integer('rating').notNull(),
    comment: text('comment').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('store_reviews_office_key').on(t.applicationId, t.organisationId),
    check('store_reviews_rating_check', sql`${t.rating} BETWEEN 1 AND 5`),
  ],
);

/** What the requesting office answers about personal data (required yes when the application holds any). */
export interface DataProtectionAnswers {
  dpoInformed: boolean;
  processingRegisterUpdated: boolean;
  cnilFormalitiesDone: boolean;
  comment: string;
}

/** A request that an application of the Store be deployed for an office (common/lifecycles/deployment-request.ts). */
export const deploymentRequests = pgTable(
  'deployment_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** DMD-2026-0001: the year of creation and a sequence within it. */
    reference: text('reference').notNull(),
    ...applicationAndOffice(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    state: text('state', { enum: DEPLOYMENT_STATES }).notNull().default('draft'),
    expectedUsers: integer('expected_users').notNull(),
    wantedOn: date('wanted_on', { mode: 'string' }).notNull(),
    environments: text('environments', { enum: ENVIRONMENTS }).array().notNull(),
    dataProtection: jsonb('data_protection').$type<DataProtectionAnswers>().notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('deployment_requests_reference_key').on(t.reference),
    index('deployment_requests_application_idx').on(t.applicationId),
    index('deployment_requests_organisation_idx').on(t.organisationId, t.state),
    index('deployment_requests_state_idx').on(t.state),
    check('deployment_requests_state_check', inList(t.state, DEPLOYMENT_STATES)),
    check('deployment_requests_environments_check', subsetOf(t.environments, ENVIRONMENTS)),
    check('deployment_requests_expected_users_check', sql`${t.expectedUsers} BETWEEN 1 AND 1000000`),
  ],
);

/**
 * An office's tenant of an application's shared AM Cloud instance (one instance and one database serve
 * every office of an application). The idempotency key is the request's: a retry never makes two.
 */
export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => deploymentRequests.id),
    ...applicationAndOffice(),
    environments: text('environments', { enum: ENVIRONMENTS }).array().notNull(),
    declaredUsers: integer('declared_users').notNull(),
    status: text('status', { enum: TENANT_STATUSES }).notNull().default('requested'),
    idempotencyKey: text('idempotency_key').notNull(),
    /** The platform's id of the tenant, once it answered. */
    externalId: text('external_id'),
    /** Where the office's people reach it, as the platform reports it. */
    accessUrl: text('access_url'),
    /** Calls to the platform that failed (timeout, 5xx), and when the next one is due. */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    liveAt: timestamp('live_at', { withTimezone: true }),
    /** A suspension, resumption or removal asked of the platform and not confirmed yet. */
    pendingOperation: text('pending_operation', { enum: TENANT_OPERATIONS }),
    /** Whether the office asked for an export of its data with the removal. */
    exportRequested: boolean('export_requested').notNull().default(false),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    /** Where the platform put the export of the removed tenant's data. */
    dataExportUrl: text('data_export_url'),
    /** Until when the platform keeps a removed tenant's data (REMOVED_DATA_RETENTION_DAYS). */
    dataRetainedUntil: timestamp('data_retained_until', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('tenants_request_key').on(t.requestId),
    uniqueIndex('tenants_idempotency_key').on(t.idempotencyKey),
    index('tenants_application_idx').on(t.applicationId),
    index('tenants_status_idx').on(t.status),
    check('tenants_status_check', inList(t.status, TENANT_STATUSES)),
    check('tenants_environments_check', subsetOf(t.environments, ENVIRONMENTS)),
    check('tenants_pending_operation_check', inList(t.pendingOperation, TENANT_OPERATIONS)),
  ],
);

/** Webhook deliveries of the platform already handled, by their event id: a duplicate is ignored. */
export const provisioningEvents = pgTable('provisioning_events', {
  eventId: text('event_id').primaryKey(),
  externalId: text('external_id').notNull(),
  status: text('status').notNull(),
  /** Whether the event changed anything (false: it came for a tenant already in that state). */
  applied: boolean('applied').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});
