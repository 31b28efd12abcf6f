import type { Label } from './lifecycle.ts';

/**
 * The code lists of projects in progress (issue 10): phases, sponsorship and offer states, offer kinds.
 * The track rules are in tracks.ts, the lifecycle in lifecycles/project.ts.
 */
type Labels<T extends string> = Record<T, Label>;

/** The phases, in the order the lifecycle is drawn; suspended and abandoned are side states. */
export const PROJECT_PHASES = [
  'needExpressed',
  'framing',
  'development',
  'acceptance',
  'delivered',
  'suspended',
  'abandoned',
] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];
/** The phases a project works through, which it may be suspended from and resumed to. */
export const ACTIVE_PHASES = ['needExpressed', 'framing', 'development', 'acceptance'] as const;
export type ActivePhase = (typeof ACTIVE_PHASES)[number];
export const PROJECT_PHASE_LABELS: Labels<ProjectPhase> = {
  needExpressed: { fr: 'Besoin exprimé', en: 'Need expressed' },
  framing: { fr: 'Cadrage', en: 'Framing' },
  development: { fr: 'Développement', en: 'Development' },
  acceptance: { fr: 'Recette', en: 'Acceptance' },
  delivered: { fr: 'Livré', en: 'Delivered' },
  suspended: { fr: 'Suspendu', en: 'Suspended' },
  abandoned: { fr: 'Abandonné', en: 'Abandoned' },
};

export const SPONSORSHIP_STATES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type SponsorshipState = (typeof SPONSORSHIP_STATES)[number];
export const SPONSORSHIP_STATE_LABELS: Labels<SponsorshipState> = {
  pending: { fr: 'En attente', en: 'Pending' },
  accepted: { fr: 'Acceptée', en: 'Accepted' },
  declined: { fr: 'Refusée', en: 'Declined' },
  withdrawn: { fr: 'Retirée', en: 'Withdrawn' },
};

export const OFFER_KINDS = ['developerCapacity', 'coFunder', 'pilotSite', 'acceptanceTester'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];
export const OFFER_KIND_LABELS: Labels<OfferKind> = {
  developerCapacity: { fr: 'Capacité de développement', en: 'Developer capacity' },
  coFunder: { fr: 'Cofinancement', en: 'Co-funder' },
  pilotSite: { fr: 'Site pilote', en: 'Pilot site' },
  acceptanceTester: { fr: 'Recette', en: 'Acceptance tester' },
};

export const OFFER_STATES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type OfferState = (typeof OFFER_STATES)[number];

/** How an office takes part in a project besides holding it. */
export const PROJECT_OFFICE_ROLES = ['developer', 'pilot'] as const;
export type ProjectOfficeRole = (typeof PROJECT_OFFICE_ROLES)[number];

export const PROJECT_SORTS = ['relevance', 'updated', 'title', 'phase'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export const PROJECT_FACETS = [
  'track',
  'phase',
  'domain',
  'organisation',
  'region',
  'needsDevelopers',
] as const;
export type ProjectFacet = (typeof PROJECT_FACETS)[number];

/** A comment may be edited by its author for this long after it was written. */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60 * 1000;
