import {
  type AnswerFacts,
  blockingItems,
  computeCriticality,
  computeMaturity,
  evaluationProgress,
} from '../../../common/evaluation/rules.ts';
import type { EvaluatedTrack } from '../../../common/evaluation/vocabulary.ts';
import type { GridContent } from '../../../common/schemas/evaluation-grid.ts';

/** What an evaluation's grid rules make of its answers: computed on every read, never stored. */
export function computedOf(
  evaluation: { content: GridContent; track: EvaluatedTrack; profile: Record<string, string> },
  answers: readonly ({ code: string } & AnswerFacts)[],
) {
  const facts = new Map(answers.map((a) => [a.code, { status: a.status, review: a.review }] as const));
  return {
    progress: evaluationProgress(evaluation.content, evaluation.track, facts),
    maturity: computeMaturity(evaluation.content, evaluation.track, facts),
    criticality: computeCriticality(evaluation.content, evaluation.profile),
    blockingItems: blockingItems(evaluation.content, evaluation.track, facts),
  };
}
