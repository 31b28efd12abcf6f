import { sql } from 'drizzle-orm';
import {
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
  ACCEPTANCE_TRACKS,
  ANOMALY_SEVERITIES,
  ANOMALY_STATUSES,
  CAMPAIGN_STATES,
  EXECUTION_RESULTS,
  REPORT_DECISIONS,
  RUNNER_KINDS,
} from '../../common/acceptance/vocabulary.ts';
import { ATTACHMENT_KINDS } from '../../common/catalog/vocabulary.ts';
import type { ReportFigures, ReportReservation } from '../../common/schemas/acceptance.ts';
import { inList } from './checks.ts';
import { attachmentFileColumns, timestamps } from './columns.ts';
import { applications, organisations, users } from './schema.ts';
import { projects } from './schema-projects.ts';

/** Acceptance campaigns and national acceptance reports (server/modules/acceptance/), re-exported by schema.ts. */

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const campaignRef = () =>
  uuid('campaign_id')
    .notNull()
    .references(() => acceptanceCampaigns.id, { onDelete: 'cascade' });

/** A campaign for a version of an application, or for a project's delivery. */
export const acceptanceCampaigns = pgTable(
  'acceptance_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    projectId: uuid('project_id').references(() => projects.id),
    applicationId: uuid('application_id').references(() => applications.id),
    track: text('track', { enum: ACCEPTANCE_TRACKS }).notNull(),
    /** The version under acceptance ("2.1.0"). */
    versionLabel: text('version_label').notNull(),
    runnerKind: text('runner_kind', { enum: RUNNER_KINDS }).notNull(),
    /** The state of the campaign lifecycle (common/lifecycles/acceptance-campaign.ts), moved only by it. */
    state: text('state', { enum: CAMPAIGN_STATES }).notNull().default('planned'),
    plannedStart: date('planned_start', { mode: 'string' }),
    plannedEnd: date('planned_end', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index('acceptance_campaigns_project_idx').on(t.projectId),
    index('acceptance_campaigns_application_idx').on(t.applicationId),
    check('acceptance_campaigns_state_check', inList(t.state, CAMPAIGN_STATES)),
    check('acceptance_campaigns_track_check', inList(t.track, ACCEPTANCE_TRACKS)),
    check('acceptance_campaigns_runner_kind_check', inList(t.runnerKind, RUNNER_KINDS)),
    check(
      'acceptance_campaigns_subject_check',
      sql`(${t.projectId} IS NOT NULL) OR (${t.applicationId} IS NOT NULL)`,
    ),
  ],
);

/** The offices that run the campaign (the national centre alone, or a group of offices). */
export const acceptanceCampaignOffices = pgTable(
  'acceptance_campaign_offices',
  {
    campaignId: campaignRef(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.organisationId] })],
);

/** The named testers of a campaign. */
export const acceptanceCampaignTesters = pgTable(
  'acceptance_campaign_testers',
  {
    campaignId: campaignRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.userId] }),
    index('acceptance_campaign_testers_user_idx').on(t.userId),
  ],
);

/** The test plan: cases tied to requirements of the grid (codes) and to functional areas. */
export const acceptanceTestCases = pgTable(
  'acceptance_test_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: campaignRef(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    steps: text('steps').notNull().default(''),
    expectedResult: text('expected_result').notNull().default(''),
    requirementCodes: text('requirement_codes').array().notNull().default(sql`'{}'::text[]`),
    functionalAreas: text('functional_areas').array().notNull().default(sql`'{}'::text[]`),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('acceptance_test_cases_code_key').on(t.campaignId, t.code)],
);

/** Each execution of a case (a re-test is a new execution); the latest one is the case's result. */
export const acceptanceExecutions = pgTable(
  'acceptance_executions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => acceptanceTestCases.id, { onDelete: 'cascade' }),
    campaignId: campaignRef(),
    result: text('result', { enum: EXECUTION_RESULTS }).notNull(),
    testerId: uuid('tester_id')
      .notNull()
      .references(() => users.id),
    executedOn: date('executed_on', { mode: 'string' }).notNull(),
    /** The version of the application the case ran on (a re-test names the fixed one). */
    versionLabel: text('version_label'),
    comment: text('comment').notNull().default(''),
    evidenceUrls: text('evidence_urls').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('acceptance_executions_case_idx').on(t.caseId, t.createdAt),
    index('acceptance_executions_campaign_idx').on(t.campaignId),
    check('acceptance_executions_result_check', inList(t.result, EXECUTION_RESULTS)),
  ],
);

/** Files given as evidence of an execution (bytes on disk, lib/attachment-files.ts), beside its links. */
export const acceptanceExecutionFiles = pgTable(
  'acceptance_execution_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    executionId: uuid('execution_id')
      .notNull()
      .references(() => acceptanceExecutions.id, { onDelete: 'cascade' }),
    ...attachmentFileColumns(() => uuid('uploaded_by').references(() => users.id)),
  },
  (t) => [
    index('acceptance_execution_files_execution_idx').on(t.executionId, t.createdAt),
    check('acceptance_execution_files_kind_check', inList(t.kind, ATTACHMENT_KINDS)),
  ],
);

export const acceptanceAnomalies = pgTable(
  'acceptance_anomalies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: campaignRef(),
    /** AN-1, AN-2… within the campaign. */
    number: integer('number').notNull(),
    caseId: uuid('case_id').references(() => acceptanceTestCases.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    severity: text('severity', { enum: ANOMALY_SEVERITIES }).notNull(),
    status: text('status', { enum: ANOMALY_STATUSES }).notNull().default('open'),
    fixedInVersion: text('fixed_in_version'),
    raisedBy: uuid('raised_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('acceptance_anomalies_number_key').on(t.campaignId, t.number),
    check('acceptance_anomalies_severity_check', inList(t.severity, ANOMALY_SEVERITIES)),
    check('acceptance_anomalies_status_check', inList(t.status, ANOMALY_STATUSES)),
    check(
      'acceptance_anomalies_fixed_in_version_check',
      sql`${t.status} <> 'fixed' OR ${t.fixedInVersion} IS NOT NULL`,
    ),
  ],
);

/**
 * The national acceptance report: the signed PDF itself (bytea, written in the signing transaction, so
 * that no report exists without its campaign's decision and the other way round) and its SHA-256.
 */
export const acceptanceReports = pgTable(
  'acceptance_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: campaignRef().unique(),
    /** PV-2026-0001: the year of signature and a sequence within it. */
    number: text('number').notNull().unique(),
    decision: text('decision', { enum: REPORT_DECISIONS }).notNull(),
    projectId: uuid('project_id').references(() => projects.id),
    /** The sheet it certified (set at signature, or when the project's delivery creates the sheet). */
    applicationId: uuid('application_id').references(() => applications.id),
    versionLabel: text('version_label').notNull(),
    figures: jsonb('figures').$type<ReportFigures>().notNull(),
    reservations: jsonb('reservations').$type<ReportReservation[]>().notNull(),
    observations: text('observations'),
    toFix: text('to_fix'),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    signerName: text('signer_name').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    pdf: bytea('pdf').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** SHA-256 of the signer's certificate (DER), to say which certificate signed. */
    certificateSha256: text('certificate_sha256').notNull(),
  },
  (t) => [
    index('acceptance_reports_application_idx').on(t.applicationId),
    index('acceptance_reports_project_idx').on(t.projectId),
    check('acceptance_reports_decision_check', inList(t.decision, REPORT_DECISIONS)),
  ],
);
