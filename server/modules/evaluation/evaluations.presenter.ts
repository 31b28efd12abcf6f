import { GRID_KIND_LABELS, type ReviewerRole } from '../../../common/evaluation/vocabulary.ts';
import type { AnswerDto, EvaluationDto, EvaluationSummaryDto } from '../../../common/schemas/evaluation.ts';
import { computedOf } from './evaluations.mapper.ts';
import type { AnswerDetailRow, EvaluationDetailRow, EvidenceRow } from './evaluations.queries.ts';

type AnswerFactsRow = Parameters<typeof computedOf>[1][number];

export function presentEvaluationSummary(item: {
  evaluation: EvaluationDetailRow;
  answers: readonly AnswerFactsRow[];
  publishedNumber: number | null;
}): EvaluationSummaryDto {
  const { evaluation, publishedNumber } = item;
  return {
    id: evaluation.id,
    track: evaluation.track,
    subject: evaluation.projectId
      ? { kind: 'project', id: evaluation.projectId, title: evaluation.subjectTitle, code: null }
      : {
          kind: 'application',
          id: evaluation.applicationId as string,
          title: evaluation.subjectTitle,
          code: evaluation.subjectCode,
        },
    grid: {
      kind: evaluation.gridKind,
      title: GRID_KIND_LABELS[evaluation.gridKind],
      versionId: evaluation.gridVersionId,
      number: evaluation.gridNumber,
      newerPublishedNumber:
        publishedNumber !== null && publishedNumber > evaluation.gridNumber ? publishedNumber : null,
    },
    updatedAt: evaluation.updatedAt.toISOString(),
    version: evaluation.version,
    ...computedOf(evaluation, item.answers),
  };
}

function presentAnswer(row: AnswerDetailRow, evidence: EvidenceRow[]): AnswerDto {
  return {
    status: row.status,
    reason: row.reason,
    links: row.links,
    answeredAt: row.answeredAt.toISOString(),
    answeredBy: row.answeredByName,
    review: row.review,
    reviewComment: row.reviewComment,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewedBy: row.reviewedByName,
    evidence: evidence
      .filter((file) => file.answerId === row.id)
      .map(({ answerId: _answerId, createdAt, ...file }) => ({
        ...file,
        createdAt: createdAt.toISOString(),
      })),
    version: row.version,
  };
}

export function presentEvaluation(described: {
  evaluation: EvaluationDetailRow;
  answers: AnswerDetailRow[];
  evidence: EvidenceRow[];
  publishedNumber: number | null;
  canAnswer: boolean;
  canReview: (section: { reviewer: ReviewerRole }) => boolean;
}): EvaluationDto {
  const { evaluation, answers, evidence } = described;
  const byCode = new Map(answers.map((a) => [a.requirementCode, a] as const));
  const summary = presentEvaluationSummary({
    evaluation,
    answers: answers.map((a) => ({ code: a.requirementCode, status: a.status, review: a.review })),
    publishedNumber: described.publishedNumber,
  });
  return {
    ...summary,
    profile: evaluation.profile,
    profileQuestions: evaluation.content.profile,
    sections: evaluation.content.sections
      .map((section) => ({
        code: section.code,
        title: section.title,
        reviewer: section.reviewer,
        canReview: described.canReview({ reviewer: section.reviewer }),
        requirements: section.requirements
          .filter((r) => r.tracks.includes(evaluation.track))
          .map((r) => {
            const answer = byCode.get(r.code);
            return { ...r, answer: answer ? presentAnswer(answer, evidence) : null };
          }),
      }))
      .filter((section) => section.requirements.length > 0),
    can: { answer: described.canAnswer },
  };
}
