import type { Label } from '../lifecycle.ts';

/** Proposals answering a call for projects: the words both sides share. */
export const PROPOSAL_STATES = [
  'draft',
  'awaitingApproval',
  'submitted',
  'withdrawn',
  'selected',
  'notSelected',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_STATE_LABELS: Record<ProposalState, Label> = {
  draft: { fr: 'Brouillon', en: 'Draft' },
  awaitingApproval: { fr: 'En attente du directeur', en: 'Awaiting the director' },
  submitted: { fr: 'Déposée', en: 'Submitted' },
  withdrawn: { fr: 'Retirée', en: 'Withdrawn' },
  selected: { fr: 'Retenue', en: 'Selected' },
  notSelected: { fr: 'Non retenue', en: 'Not selected' },
};

/** The states in which the issuer and the evaluators see a proposal: once the office has submitted it. */
export const SUBMITTED_STATES: readonly ProposalState[] = ['submitted', 'selected', 'notSelected'];

/** The states in which the office still edits its proposal: a submitted proposal is frozen. */
export const EDITABLE_PROPOSAL_STATES: readonly ProposalState[] = ['draft'];

/** Each criterion is scored from 0 to 5. */
export const SCORE_MIN = 0;
export const SCORE_MAX = 5;

/** A proposed selection of a national call waits for the governance board; others apply at once. */
export const SELECTION_STATES = ['awaitingBoard', 'applied'] as const;
export type SelectionState = (typeof SELECTION_STATES)[number];
