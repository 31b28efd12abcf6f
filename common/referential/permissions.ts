import type { Label } from '../lifecycle.ts';

/** The actions of the good-practice referential (spread into permissions.ts's list). */
export const REFERENTIAL_ACTIONS = [
  'referential.read',
  'referential.propose',
  'referential.vote',
  // Lifecycle transitions of a proposal (common/lifecycles/referential-proposal.ts).
  'referentialProposal.accept',
  'referentialProposal.decline',
] as const;

export const REFERENTIAL_ACTION_LABELS: Record<(typeof REFERENTIAL_ACTIONS)[number], Label> = {
  'referential.read': {
    fr: 'Consulter le référentiel de bonnes pratiques',
    en: 'Read the good-practice referential',
  },
  'referential.propose': {
    fr: 'Proposer une modification ou une nouvelle page du référentiel',
    en: 'Propose a change or a new page of the referential',
  },
  'referential.vote': {
    fr: 'Voter sur une proposition du référentiel',
    en: 'Vote on a proposal of the referential',
  },
  'referentialProposal.accept': {
    fr: 'Accepter une proposition du référentiel (elle devient la version courante)',
    en: 'Accept a proposal of the referential (it becomes the current version)',
  },
  'referentialProposal.decline': {
    fr: 'Refuser une proposition du référentiel',
    en: 'Decline a proposal of the referential',
  },
};

/** Words for the referential's events in the audit trail. */
export const REFERENTIAL_AUDIT_ACTION_LABELS: Record<string, Label> = {
  'referential.propose': { fr: 'Proposition au référentiel', en: 'Proposal to the referential' },
  'referential.vote': { fr: 'Vote sur une proposition du référentiel', en: 'Vote on a referential proposal' },
  'referentialProposal.accept': {
    fr: 'Proposition acceptée : nouvelle version de la page',
    en: 'Proposal accepted: new version of the page',
  },
  'referentialProposal.decline': {
    fr: 'Proposition au référentiel refusée',
    en: 'Referential proposal declined',
  },
};

export const REFERENTIAL_TARGET_TYPE_LABELS: Record<string, Label> = {
  referentialProposal: { fr: 'Proposition au référentiel', en: 'Referential proposal' },
};
