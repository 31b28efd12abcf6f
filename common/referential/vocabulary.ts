import type { Label } from '../lifecycle.ts';

/** The sections of the good-practice referential (letter §2.1.2, §3.1). */
export const REFERENTIAL_CATEGORIES = [
  'psram',
  'starterKit',
  'security',
  'cnil',
  'hosting',
  'acceptance',
] as const;
export type ReferentialCategory = (typeof REFERENTIAL_CATEGORIES)[number];

export const REFERENTIAL_CATEGORY_LABELS: Record<ReferentialCategory, Label> = {
  psram: { fr: 'Normes PSRAM', en: 'PSRAM norms' },
  starterKit: { fr: 'Starter kit PHP', en: 'PHP starter kit' },
  security: { fr: 'Sécurité', en: 'Security' },
  cnil: { fr: 'CNIL et données personnelles', en: 'CNIL and personal data' },
  hosting: { fr: 'Hébergement', en: 'Hosting' },
  acceptance: { fr: 'Méthode de recette', en: 'Acceptance method' },
};

/** A proposal: open to votes, then accepted (it became the current version) or declined. */
export const PROPOSAL_STATES = ['open', 'accepted', 'declined'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const VOTE_VALUES = ['up', 'down'] as const;
export type VoteValue = (typeof VOTE_VALUES)[number];
