import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ATTACHMENT_KINDS } from '../../common/catalog/vocabulary.ts';
import {
  ANSWER_STATUSES,
  EVALUATED_TRACKS,
  GRID_KINDS,
  GRID_VERSION_STATES,
  REVIEW_STATES,
} from '../../common/evaluation/vocabulary.ts';
import type { GridContent } from '../../common/schemas/evaluation-grid.ts';
import { inList } from './checks.ts';
import { attachmentFileColumns } from './columns.ts';
import { applications, users } from './schema.ts';
import { projects } from './schema-projects.ts';

/** Evaluation grids and evaluations (server/modules/evaluation/), re-exported by schema.ts. */

/** One grid per kind; its versions hold the content. */
export const evaluationGrids = pgTable(
  'evaluation_grids',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: GRID_KINDS }).notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('evaluation_grids_kind_check', inList(t.kind, GRID_KINDS))],
);

/**
 * A version of a grid: its whole content as one document (sections, requirements, profile, rules),
 * edited while a draft, frozen once published. At most one draft and one published version per grid.
 */
export const evaluationGridVersions = pgTable(
  'evaluation_grid_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gridId: uuid('grid_id')
      .notNull()
      .references(() => evaluationGrids.id),
    number: integer('number').notNull(),
    state: text('state', { enum: GRID_VERSION_STATES }).notNull().default('draft'),
    content: jsonb('content').$type<GridContent>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('evaluation_grid_versions_number_key').on(t.gridId, t.number),
    uniqueIndex('evaluation_grid_versions_one_draft_key').on(t.gridId).where(sql`state = 'draft'`),
    uniqueIndex('evaluation_grid_versions_one_published_key').on(t.gridId).where(sql`state = 'published'`),
    check('evaluation_grid_versions_state_check', inList(t.state, GRID_VERSION_STATES)),
  ],
);

/**
 * The evaluation of a project, or of an existing catalogue application under the transitional
 * procedure (§2.4): the grid version it was started on (it stays on it), the track whose requirements
 * apply, and the profile answers that give the criticality class.
 */
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gridVersionId: uuid('grid_version_id')
      .notNull()
      .references(() => evaluationGridVersions.id),
    projectId: uuid('project_id')
      .unique()
      .references(() => projects.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .unique()
      .references(() => applications.id, { onDelete: 'cascade' }),
    track: text('track', { enum: EVALUATED_TRACKS }).notNull(),
    profile: jsonb('profile').$type<Record<string, string>>().notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('evaluations_grid_version_idx').on(t.gridVersionId),
    check('evaluations_track_check', inList(t.track, EVALUATED_TRACKS)),
    check('evaluations_subject_check', sql`(${t.projectId} IS NULL) <> (${t.applicationId} IS NULL)`),
  ],
);

/** One answer per requirement of an evaluation, with its review. */
export const evaluationAnswers = pgTable(
  'evaluation_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    requirementCode: text('requirement_code').notNull(),
    status: text('status', { enum: ANSWER_STATUSES }).notNull(),
    /** Why the requirement does not apply (required for notApplicable), or what is missing. */
    reason: text('reason'),
    links: text('links').array().notNull().default(sql`'{}'::text[]`),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
    review: text('review', { enum: REVIEW_STATES }).notNull().default('pending'),
    reviewComment: text('review_comment'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('evaluation_answers_requirement_key').on(t.evaluationId, t.requirementCode),
    check('evaluation_answers_status_check', inList(t.status, ANSWER_STATUSES)),
    check('evaluation_answers_review_check', inList(t.review, REVIEW_STATES)),
    check(
      'evaluation_answers_reason_check',
      sql`${t.status} <> 'notApplicable' OR coalesce(length(${t.reason}), 0) > 0`,
    ),
  ],
);

/** Files given as evidence for one answer (bytes on disk, lib/attachment-files.ts). */
export const evaluationEvidenceFiles = pgTable(
  'evaluation_evidence_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    answerId: uuid('answer_id')
      .notNull()
      .references(() => evaluationAnswers.id, { onDelete: 'cascade' }),
    ...attachmentFileColumns(() => uuid('uploaded_by').references(() => users.id)),
  },
  (t) => [
    index('evaluation_evidence_files_answer_idx').on(t.answerId, t.createdAt),
    check('evaluation_evidence_files_kind_check', inList(t.kind, ATTACHMENT_KINDS)),
  ],
);
