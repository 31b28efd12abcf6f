import { z } from 'zod';
import { defineLifecycle, role } from '../lifecycle.ts';
import type { ProposalState } from '../referential/vocabulary.ts';
import { longText } from '../schemas/common.ts';

/** What accepting needs to know: whether the page moved since the proposal was written. */
export interface ReferentialProposalFacts {
  /** False when another version became current after the one the proposal started from. */
  basedOnCurrent: boolean;
}

export type ReferentialProposalTransition = 'accept' | 'decline';

/** The referential's maintainers: the DDSI and the starter-kit referents (administrators stand in). */
export const REFERENTIAL_MAINTAINERS = ['itDirectorate', 'referent', 'admin'] as const;

/**
 * A proposal of change (or of a new page) in the good-practice referential: a draft version the community
 * discusses and votes on, then a maintainer accepts it — it becomes the page's current version, in the same
 * transaction (server/modules/referential/proposals.lifecycle.ts) — or declines it with a reason.
 */
export const referentialProposalLifecycle = defineLifecycle<
  ProposalState,
  ReferentialProposalTransition,
  ReferentialProposalFacts
>({
  name: 'referentialProposal',
  actionPrefix: 'referentialProposal',
  targetType: 'referentialProposal',
  label: { fr: 'Proposition au référentiel', en: 'Proposal to the referential' },
  initial: 'open',
  fields: {},
  states: {
    open: { label: { fr: 'Ouverte aux votes', en: 'Open to votes' } },
    accepted: { label: { fr: 'Acceptée', en: 'Accepted' }, terminal: true },
    declined: { label: { fr: 'Refusée', en: 'Declined' }, terminal: true, side: true },
  },
  transitions: {
    accept: {
      from: ['open'],
      to: 'accepted',
      parties: [role(...REFERENTIAL_MAINTAINERS)],
      label: { fr: 'Accepter la proposition', en: 'Accept the proposal' },
      confirm: true,
      guards: [(facts) => (facts.basedOnCurrent ? null : { code: 'pageChanged' })],
    },
    decline: {
      from: ['open'],
      to: 'declined',
      parties: [role(...REFERENTIAL_MAINTAINERS)],
      label: { fr: 'Refuser la proposition', en: 'Decline the proposal' },
      confirm: true,
      tone: 'danger',
      input: z.object({
        note: longText('Le motif du refus', { missing: 'Indiquez le motif du refus.' })
          .min(3, { error: 'Indiquez le motif du refus (3 caractères au moins).' })
          .max(1000, { error: 'Le motif du refus est limité à 1 000 caractères.' })
          .meta({ label: { fr: 'Motif du refus', en: 'Reason for declining' } }),
      }),
    },
  },
  messages: {
    pageChanged: {
      fr: 'La page a changé depuis cette proposition : son auteur doit la reprendre sur la version courante.',
      en: 'The page changed since this proposal: its author must rework it on the current version.',
    },
  },
});
