import { CRITICALITY_CLASSES, type CriticalityClass } from '../catalog/vocabulary.ts';
import type { GridContent, Requirement, Section } from '../schemas/evaluation-grid.ts';
import type { AnswerStatus, BlockingReason, EvaluatedTrack, ReviewState } from './vocabulary.ts';

/**
 * What a grid's declared rules make of the answers — pure functions, shared by the server (which stores
 * nothing it can compute) and the web. An evaluation only ever sees the requirements of its track.
 */

export interface AnswerFacts {
  status: AnswerStatus;
  review: ReviewState;
}
export type Answers = ReadonlyMap<string, AnswerFacts>;

export interface PlacedRequirement extends Requirement {
  section: Pick<Section, 'code' | 'title' | 'reviewer'>;
}

/** The requirements of a grid that apply to a track, in the grid's order, with their section. */
export function applicableRequirements(content: GridContent, track: EvaluatedTrack): PlacedRequirement[] {
  return content.sections.flatMap(({ requirements, ...section }) =>
    requirements.filter((r) => r.tracks.includes(track)).map((r) => ({ ...r, section })),
  );
}

/** What an answer is worth towards maturity: a returned answer counts for nothing until answered again. */
function worth(answer: AnswerFacts | undefined): number | null {
  if (!answer || answer.review === 'returned') return 0;
  if (answer.status === 'notApplicable') return null;
  return answer.status === 'met' ? 1 : answer.status === 'partlyMet' ? 0.5 : 0;
}

/** The share (0–100, one decimal) of requirements met, not applicable ones left out; 100 when none is left. */
function shareMet(requirements: readonly Requirement[], answers: Answers): number {
  let total = 0;
  let met = 0;
  for (const requirement of requirements) {
    const value = worth(answers.get(requirement.code));
    if (value === null) continue;
    total += 1;
    met += value;
  }
  return total === 0 ? 100 : Math.round((met / total) * 1000) / 10;
}

export interface Maturity {
  level: number;
  mandatoryMet: number;
  recommendedMet: number;
}

/**
 * The maturity level: the highest level of the grid's rules whose two shares (mandatory and recommended
 * requirements met, a partly met one counting half) are reached; 1 when none is.
 */
export function computeMaturity(content: GridContent, track: EvaluatedTrack, answers: Answers): Maturity {
  const requirements = applicableRequirements(content, track);
  const mandatoryMet = shareMet(
    requirements.filter((r) => r.level === 'mandatory'),
    answers,
  );
  const recommendedMet = shareMet(
    requirements.filter((r) => r.level === 'recommended'),
    answers,
  );
  const reached = content.rules.maturity
    .filter((rule) => mandatoryMet >= rule.mandatoryMet && recommendedMet >= rule.recommendedMet)
    .map((rule) => rule.level);
  return { level: Math.max(1, ...reached), mandatoryMet, recommendedMet };
}

export interface Criticality {
  /** Null until every profile question is answered. */
  class: CriticalityClass | null;
  points: number;
  unanswered: string[];
}

const rank = (c: CriticalityClass) => CRITICALITY_CLASSES.indexOf(c);

/**
 * The criticality class: the sum of the points of the profile's answers gives the highest class whose
 * threshold it reaches; an answer declared `atLeast` a class raises it to that class (health data, a
 * write access to the national information system).
 */
export function computeCriticality(
  content: GridContent,
  profile: Readonly<Record<string, string>>,
): Criticality {
  let points = 0;
  let floor: CriticalityClass = CRITICALITY_CLASSES[0];
  const unanswered: string[] = [];
  for (const question of content.profile) {
    const option = question.options.find((o) => o.value === profile[question.code]);
    if (!option) {
      unanswered.push(question.code);
      continue;
    }
    points += option.points;
    if (option.atLeast && rank(option.atLeast) > rank(floor)) floor = option.atLeast;
  }
  if (unanswered.length > 0) return { class: null, points, unanswered };
  const byThreshold = content.rules.criticality
    .filter((t) => points >= t.minPoints)
    .map((t) => t.class)
    .reduce<CriticalityClass>((best, c) => (rank(c) > rank(best) ? c : best), CRITICALITY_CLASSES[0]);
  return { class: rank(floor) > rank(byThreshold) ? floor : byThreshold, points, unanswered };
}

export interface BlockingItem {
  code: string;
  reason: BlockingReason;
}

/** Why one mandatory requirement still blocks, or null: met or not applicable, and validated. */
export function blockingReason(answer: AnswerFacts | undefined): BlockingReason | null {
  if (!answer) return 'unanswered';
  if (answer.review === 'returned') return 'returned';
  if (answer.status === 'notMet') return 'notMet';
  if (answer.status === 'partlyMet') return 'partlyMet';
  return answer.review === 'validated' ? null : 'awaitingReview';
}

/**
 * The blocking items: mandatory requirements of the track not yet met (or not applicable) with the
 * reviewer's validation. An acceptance campaign opens only when there is none.
 */
export function blockingItems(content: GridContent, track: EvaluatedTrack, answers: Answers): BlockingItem[] {
  return applicableRequirements(content, track)
    .filter((r) => r.level === 'mandatory')
    .flatMap((r) => {
      const reason = blockingReason(answers.get(r.code));
      return reason ? [{ code: r.code, reason }] : [];
    });
}

export interface Progress {
  total: number;
  answered: number;
  validated: number;
  returned: number;
  awaitingReview: number;
}

export function evaluationProgress(content: GridContent, track: EvaluatedTrack, answers: Answers): Progress {
  const progress: Progress = { total: 0, answered: 0, validated: 0, returned: 0, awaitingReview: 0 };
  for (const requirement of applicableRequirements(content, track)) {
    progress.total += 1;
    const answer = answers.get(requirement.code);
    if (!answer) continue;
    progress.answered += 1;
    if (answer.review === 'validated') progress.validated += 1;
    else if (answer.review === 'returned') progress.returned += 1;
    else progress.awaitingReview += 1;
  }
  return progress;
}
