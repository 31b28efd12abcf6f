import type { CriticalityClass } from '../catalog/vocabulary.ts';
import type { Label } from '../lifecycle.ts';
import type { Role } from '../roles.ts';

/**
 * The code lists of evaluation grids and evaluations (letter §2.2.1, §2.2.2, §2.4, §3.3). The grids
 * themselves are reference data in the database, versioned; these lists are what the software's rules
 * depend on.
 */

/** One grid per kind: the labelling track, the homologation track, existing applications (§2.4). */
export const GRID_KINDS = ['labelling', 'homologation', 'transitional'] as const;
export type GridKind = (typeof GRID_KINDS)[number];
export const GRID_KIND_LABELS: Record<GridKind, Label> = {
  labelling: { fr: 'Grille de labellisation', en: 'Labelling grid' },
  homologation: { fr: "Grille d'homologation", en: 'Homologation grid' },
  transitional: {
    fr: 'Grille de la procédure transitoire (applications existantes)',
    en: 'Transitional procedure grid (existing applications)',
  },
};

/** The tracks a requirement applies to: the two certifying tracks. */
export const EVALUATED_TRACKS = ['labelling', 'homologation'] as const;
export type EvaluatedTrack = (typeof EVALUATED_TRACKS)[number];

export const REQUIREMENT_LEVELS = ['mandatory', 'recommended'] as const;
export type RequirementLevel = (typeof REQUIREMENT_LEVELS)[number];
export const REQUIREMENT_LEVEL_LABELS: Record<RequirementLevel, Label> = {
  mandatory: { fr: 'Obligatoire', en: 'Mandatory' },
  recommended: { fr: 'Recommandée', en: 'Recommended' },
};

/** How a reviewer checks a requirement. */
export const VERIFICATION_METHODS = ['document', 'demonstration', 'test', 'audit', 'interview'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];
export const VERIFICATION_LABELS: Record<VerificationMethod, Label> = {
  document: { fr: 'Revue de document', en: 'Document review' },
  demonstration: { fr: 'Démonstration', en: 'Demonstration' },
  test: { fr: 'Test', en: 'Test' },
  audit: { fr: 'Audit du code ou de la configuration', en: 'Code or configuration audit' },
  interview: { fr: 'Entretien', en: 'Interview' },
};

/** Who reviews the answers of a section: the DDSI for technical items, the DDFC for acceptance, the DDO. */
export const REVIEWER_ROLES = [
  'itDirectorate',
  'nationalAccountant',
  'operationsDirectorate',
] as const satisfies readonly Role[];
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];
export const REVIEWER_LABELS: Record<ReviewerRole, Label> = {
  itDirectorate: { fr: 'DDSI', en: 'IT directorate (DDSI)' },
  nationalAccountant: { fr: 'DDFC/DC2R', en: 'DDFC/DC2R' },
  operationsDirectorate: { fr: 'DDO', en: 'Operations directorate (DDO)' },
};

/** A grid version: written as a draft, then published (frozen); a later publication supersedes it. */
export const GRID_VERSION_STATES = ['draft', 'published', 'superseded'] as const;
export type GridVersionState = (typeof GRID_VERSION_STATES)[number];

/** An answer to one requirement. */
export const ANSWER_STATUSES = ['met', 'partlyMet', 'notMet', 'notApplicable'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];
export const ANSWER_STATUS_LABELS: Record<AnswerStatus, Label> = {
  met: { fr: 'Satisfaite', en: 'Met' },
  partlyMet: { fr: 'Partiellement satisfaite', en: 'Partly met' },
  notMet: { fr: 'Non satisfaite', en: 'Not met' },
  notApplicable: { fr: 'Non applicable', en: 'Not applicable' },
};

/**
 * The review of one answer, one small declared lifecycle: a new or changed answer awaits review; the
 * section's reviewer validates it or returns it with a comment; answering again puts it back in review.
 */
export const REVIEW_STATES = ['pending', 'validated', 'returned'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_STATE_LABELS: Record<ReviewState, Label> = {
  pending: { fr: 'À relire', en: 'Awaiting review' },
  validated: { fr: 'Validée', en: 'Validated' },
  returned: { fr: 'Renvoyée', en: 'Returned' },
};
export const REVIEW_DECISIONS = {
  validate: { from: ['pending', 'returned'], to: 'validated', commentRequired: false },
  return: { from: ['pending', 'validated'], to: 'returned', commentRequired: true },
} as const satisfies Record<
  string,
  { from: readonly ReviewState[]; to: ReviewState; commentRequired: boolean }
>;
export type ReviewDecision = keyof typeof REVIEW_DECISIONS;
export const REVIEW_DECISION_NAMES = Object.keys(REVIEW_DECISIONS) as ReviewDecision[];

/** Why a mandatory requirement still blocks the acceptance campaign. */
export const BLOCKING_REASONS = ['unanswered', 'notMet', 'partlyMet', 'awaitingReview', 'returned'] as const;
export type BlockingReason = (typeof BLOCKING_REASONS)[number];
export const BLOCKING_REASON_LABELS: Record<BlockingReason, Label> = {
  unanswered: { fr: 'Sans réponse', en: 'Unanswered' },
  notMet: { fr: 'Non satisfaite', en: 'Not met' },
  partlyMet: { fr: 'Partiellement satisfaite', en: 'Partly met' },
  awaitingReview: { fr: 'En attente de relecture', en: 'Awaiting review' },
  returned: { fr: 'Renvoyée par le relecteur', en: 'Returned by the reviewer' },
};

export type { CriticalityClass };
