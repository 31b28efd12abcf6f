import { and, asc, count, desc, eq, exists, getTableColumns, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AnswerStatus, EvaluatedTrack, ReviewState } from '../../../common/evaluation/vocabulary.ts';
import type { Executor, Transaction } from '../../db/client.ts';
import {
  applications,
  evaluationAnswers,
  evaluationEvidenceFiles,
  evaluationGrids,
  evaluationGridVersions,
  evaluations,
  projects,
  users,
} from '../../db/schema.ts';

export type EvaluationRow = typeof evaluations.$inferSelect;
export type AnswerRow = typeof evaluationAnswers.$inferSelect;

/** An evaluation with the grid version it stays on and the title of what it evaluates. */
const detailColumns = {
  ...getTableColumns(evaluations),
  gridId: evaluationGridVersions.gridId,
  gridKind: evaluationGrids.kind,
  gridNumber: evaluationGridVersions.number,
  gridState: evaluationGridVersions.state,
  content: evaluationGridVersions.content,
  subjectTitle: sql<string>`coalesce(${projects.title}, ${applications.name})`,
  subjectCode: applications.code,
};

function detailQuery(db: Executor) {
  return db
    .select(detailColumns)
    .from(evaluations)
    .innerJoin(evaluationGridVersions, eq(evaluationGridVersions.id, evaluations.gridVersionId))
    .innerJoin(evaluationGrids, eq(evaluationGrids.id, evaluationGridVersions.gridId))
    .leftJoin(projects, eq(projects.id, evaluations.projectId))
    .leftJoin(applications, eq(applications.id, evaluations.applicationId));
}
export type EvaluationDetailRow = Awaited<ReturnType<ReturnType<typeof detailQuery>['execute']>>[number];

export async function findEvaluation(db: Executor, id: string) {
  const [row] = await detailQuery(db).where(eq(evaluations.id, id));
  return row ?? null;
}

/** The evaluation row itself, locked for a write that depends on it (answers, evidence, profile). */
export async function lockEvaluation(db: Transaction, id: string) {
  const [row] = await db
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(eq(evaluations.id, id))
    .for('no key update');
  return row ?? null;
}

export type SubjectRef = { projectId: string } | { applicationId: string };
const subjectCondition = (subject: SubjectRef) =>
  'projectId' in subject
    ? eq(evaluations.projectId, subject.projectId)
    : eq(evaluations.applicationId, subject.applicationId);

export async function findEvaluationOf(db: Executor, subject: SubjectRef) {
  const [row] = await detailQuery(db).where(subjectCondition(subject));
  return row ?? null;
}

/** The catalogue sheet an evaluation under the transitional procedure concerns: what its rules read. */
export async function findApplicationForEvaluation(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: applications.id,
      track: applications.track,
      designerOrganisationId: applications.designerOrganisationId,
    })
    .from(applications)
    .where(eq(applications.id, id));
  return row ?? null;
}

export async function insertEvaluation(db: Transaction, values: typeof evaluations.$inferInsert) {
  const [row] = await db.insert(evaluations).values(values).returning({ id: evaluations.id });
  if (!row) throw new Error('evaluation insert returned nothing');
  return row.id;
}

export async function updateProfileAtVersion(
  db: Transaction,
  id: string,
  version: number,
  profile: Record<string, string>,
) {
  const [row] = await db
    .update(evaluations)
    .set({ profile, version: sql`${evaluations.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(evaluations.id, id), eq(evaluations.version, version)))
    .returning({ id: evaluations.id });
  return row ?? null;
}

export const touchEvaluation = (db: Transaction, id: string) =>
  db.update(evaluations).set({ updatedAt: sql`now()` }).where(eq(evaluations.id, id));

const answerer = alias(users, 'answerer');
const reviewer = alias(users, 'reviewer');

/** Every answer of an evaluation, with who answered and who reviewed. */
export async function answersOf(db: Executor, evaluationId: string) {
  return db
    .select({
      ...getTableColumns(evaluationAnswers),
      answeredByName: answerer.displayName,
      reviewedByName: reviewer.displayName,
    })
    .from(evaluationAnswers)
    .leftJoin(answerer, eq(answerer.id, evaluationAnswers.answeredBy))
    .leftJoin(reviewer, eq(reviewer.id, evaluationAnswers.reviewedBy))
    .where(eq(evaluationAnswers.evaluationId, evaluationId))
    .orderBy(asc(evaluationAnswers.requirementCode));
}
export type AnswerDetailRow = Awaited<ReturnType<typeof answersOf>>[number];

/** The answers' facts of several evaluations at once (lists, the campaigns' guard). */
export async function answerFactsOf(db: Executor, evaluationIds: string[]) {
  if (evaluationIds.length === 0) return [];
  return db
    .select({
      evaluationId: evaluationAnswers.evaluationId,
      code: evaluationAnswers.requirementCode,
      status: evaluationAnswers.status,
      review: evaluationAnswers.review,
    })
    .from(evaluationAnswers)
    .where(inArray(evaluationAnswers.evaluationId, evaluationIds));
}

export async function findAnswer(
  db: Executor,
  evaluationId: string,
  code: string,
  options: { lock?: boolean } = {},
) {
  const query = db
    .select()
    .from(evaluationAnswers)
    .where(
      and(eq(evaluationAnswers.evaluationId, evaluationId), eq(evaluationAnswers.requirementCode, code)),
    );
  const [row] = options.lock ? await query.for('no key update') : await query;
  return row ?? null;
}

export interface AnswerValues {
  status: AnswerStatus;
  reason: string | null;
  links: string[];
  answeredBy: string;
}

export async function insertAnswer(
  db: Transaction,
  evaluationId: string,
  code: string,
  values: AnswerValues,
) {
  const [row] = await db
    .insert(evaluationAnswers)
    .values({ evaluationId, requirementCode: code, ...values })
    .returning();
  if (!row) throw new Error('answer insert returned nothing');
  return row;
}

/** A new answer puts it back in review; null when the answer moved since it was read. */
export async function updateAnswerAtVersion(
  db: Transaction,
  id: string,
  version: number,
  values: AnswerValues,
) {
  const [row] = await db
    .update(evaluationAnswers)
    .set({
      ...values,
      review: 'pending',
      answeredAt: sql`now()`,
      version: sql`${evaluationAnswers.version} + 1`,
    })
    .where(and(eq(evaluationAnswers.id, id), eq(evaluationAnswers.version, version)))
    .returning();
  return row ?? null;
}

export async function reviewAnswerAtVersion(
  db: Transaction,
  id: string,
  version: number,
  values: { review: ReviewState; reviewComment: string | null; reviewedBy: string },
) {
  const [row] = await db
    .update(evaluationAnswers)
    .set({ ...values, reviewedAt: sql`now()`, version: sql`${evaluationAnswers.version} + 1` })
    .where(and(eq(evaluationAnswers.id, id), eq(evaluationAnswers.version, version)))
    .returning();
  return row ?? null;
}

// ——— Evidence files ———

const evidenceSummary = {
  id: evaluationEvidenceFiles.id,
  answerId: evaluationEvidenceFiles.answerId,
  kind: evaluationEvidenceFiles.kind,
  fileName: evaluationEvidenceFiles.fileName,
  mediaType: evaluationEvidenceFiles.mediaType,
  size: evaluationEvidenceFiles.size,
  createdAt: evaluationEvidenceFiles.createdAt,
};

export type EvidenceRow = Awaited<ReturnType<typeof evidenceOf>>[number];

export async function evidenceOf(db: Executor, evaluationId: string) {
  return db
    .select(evidenceSummary)
    .from(evaluationEvidenceFiles)
    .innerJoin(evaluationAnswers, eq(evaluationAnswers.id, evaluationEvidenceFiles.answerId))
    .where(eq(evaluationAnswers.evaluationId, evaluationId))
    .orderBy(asc(evaluationEvidenceFiles.createdAt), asc(evaluationEvidenceFiles.id));
}

export async function countEvidence(db: Executor, answerId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(evaluationEvidenceFiles)
    .where(eq(evaluationEvidenceFiles.answerId, answerId));
  return row?.n ?? 0;
}

export async function insertEvidence(db: Transaction, values: typeof evaluationEvidenceFiles.$inferInsert) {
  const [row] = await db
    .insert(evaluationEvidenceFiles)
    .values(values)
    .returning({ ...evidenceSummary, sha256: evaluationEvidenceFiles.sha256 });
  if (!row) throw new Error('evidence insert returned nothing');
  return row;
}

const evidenceOfAnswer = (answerId: string, fileId: string) =>
  and(eq(evaluationEvidenceFiles.id, fileId), eq(evaluationEvidenceFiles.answerId, answerId));

export async function findEvidence(db: Executor, answerId: string, fileId: string) {
  const [row] = await db.select().from(evaluationEvidenceFiles).where(evidenceOfAnswer(answerId, fileId));
  return row ?? null;
}

export async function deleteEvidence(db: Transaction, answerId: string, fileId: string) {
  const [row] = await db.delete(evaluationEvidenceFiles).where(evidenceOfAnswer(answerId, fileId)).returning({
    id: evaluationEvidenceFiles.id,
    fileName: evaluationEvidenceFiles.fileName,
    sha256: evaluationEvidenceFiles.sha256,
  });
  return row ?? null;
}

// ——— Lists ———

export interface EvaluationFilters {
  track?: EvaluatedTrack | undefined;
  /** Only evaluations with answers awaiting review. */
  awaitingReview?: boolean | undefined;
  page: number;
  pageSize: number;
}

/**
 * A page of evaluations, the latest changed first. Every signed-in person reads them (as the projects
 * and sheets they belong to): the scope is the whole network, so no condition of scope is added.
 */
export async function listEvaluationRows(db: Executor, filters: EvaluationFilters) {
  const pending = exists(
    db
      .select({ one: sql`1` })
      .from(evaluationAnswers)
      .where(
        and(eq(evaluationAnswers.evaluationId, evaluations.id), eq(evaluationAnswers.review, 'pending')),
      ),
  );
  const where = and(
    filters.track ? eq(evaluations.track, filters.track) : undefined,
    filters.awaitingReview ? pending : undefined,
  );
  const [total] = await db.select({ n: count() }).from(evaluations).where(where);
  const items = await detailQuery(db)
    .where(where)
    .orderBy(desc(evaluations.updatedAt), asc(evaluations.id))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);
  return { items, total: total?.n ?? 0 };
}
