import type { Label } from '../lifecycle.ts';
import type { Role } from '../roles.ts';

/**
 * User clubs (letter §2.2.1): each shared application has a club animated by its designer office. Its
 * members are the offices that use the application, each with its contacts; the designer office publishes
 * news and meetings and answers the wish list the members vote on (one vote per office).
 */

/** A wish of evolution: open to votes, then planned for a version or declined with a reason. */
export const WISH_STATES = ['open', 'planned', 'declined'] as const;
export type WishState = (typeof WISH_STATES)[number];
export const WISH_STATE_LABELS: Record<WishState, Label> = {
  open: { fr: 'Ouverte aux votes', en: 'Open to votes' },
  planned: { fr: 'Prévue', en: 'Planned' },
  declined: { fr: 'Déclinée', en: 'Declined' },
};

/** An office's vote on a wish: for or against; voting again changes it. */
export const WISH_VOTE_VALUES = ['for', 'against'] as const;
export type WishVoteValue = (typeof WISH_VOTE_VALUES)[number];

/** The people who act for an office in a club: join it, write wishes, vote. */
export const CLUB_MEMBER_ROLES: Role[] = ['agent', 'developer', 'officeDirector'];
/** The people of the designer office who animate the club: news, meetings, answers, members. */
export const CLUB_ANIMATOR_ROLES: Role[] = ['developer', 'officeDirector'];
