import { z } from 'zod';
import type { WishState } from '../clubs/vocabulary.ts';
import { defineLifecycle, developerOf, directorOf } from '../lifecycle.ts';
import { longText, text } from '../schemas/common.ts';

/** No guard reads facts: the designer office answers any open wish. */
export type ClubWishFacts = Record<string, never>;
export type ClubWishTransition = 'plan' | 'decline';

const designer = [developerOf('designerOffice'), directorOf('designerOffice')];

/**
 * A wish of evolution in an application's user club (letter §2.2.1): the member offices vote on it while
 * it is open; the designer office answers it — planned for a version it names, or declined with a reason.
 */
export const clubWishLifecycle = defineLifecycle<WishState, ClubWishTransition, ClubWishFacts>({
  name: 'clubWish',
  actionPrefix: 'clubWish',
  targetType: 'clubWish',
  label: { fr: 'Évolution souhaitée', en: 'Wished evolution' },
  initial: 'open',
  fields: { designerOffice: { fr: 'de l’organisme concepteur', en: 'of the designer office' } },
  states: {
    open: { label: { fr: 'Ouverte aux votes', en: 'Open to votes' } },
    planned: { label: { fr: 'Prévue', en: 'Planned' }, terminal: true },
    declined: { label: { fr: 'Déclinée', en: 'Declined' }, terminal: true, side: true },
  },
  transitions: {
    plan: {
      from: ['open'],
      to: 'planned',
      parties: designer,
      label: { fr: 'Prévoir dans une version', en: 'Plan for a version' },
      input: z.object({
        plannedVersion: text('La version prévue')
          .min(1, { error: 'Indiquez la version prévue.' })
          .max(40, { error: 'La version prévue est limitée à 40 caractères.' })
          .meta({ label: { fr: 'Version prévue', en: 'Planned version' } }),
      }),
    },
    decline: {
      from: ['open'],
      to: 'declined',
      parties: designer,
      label: { fr: 'Décliner', en: 'Decline' },
      confirm: true,
      tone: 'danger',
      input: z.object({
        reason: longText('Le motif', { missing: 'Indiquez le motif du refus.' })
          .min(3, { error: 'Indiquez le motif du refus (3 caractères au moins).' })
          .max(1000, { error: 'Le motif est limité à 1 000 caractères.' })
          .meta({ label: { fr: 'Motif', en: 'Reason' } }),
      }),
    },
  },
  messages: {},
});
