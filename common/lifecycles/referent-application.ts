import { z } from 'zod';
import type { ReferentApplicationState } from '../community/vocabulary.ts';
import { defineLifecycle, directorOf, role } from '../lifecycle.ts';
import { longText } from '../schemas/common.ts';

/** No guard reads facts: a region may have several referents, so accepting is always possible. */
export type ReferentApplicationFacts = Record<string, never>;

export type ReferentApplicationTransition = 'accept' | 'refuse' | 'withdraw';

/** The DDSI names the referents (and administrators stand in for it). */
export const REFERENT_DECIDERS = ['itDirectorate', 'admin'] as const;

const note = (label: string, missing?: string) =>
  longText(label, missing ? { missing } : {}).max(1000, {
    error: `${label} est limité à 1 000 caractères.`,
  });

/**
 * An office's application to become the starter-kit referent of a region (letter §3.2.1.1): filed by
 * the office's director, decided by the DDSI — accepting names the office referent of the region
 * (server/modules/community/referent-applications.lifecycle.ts) — or withdrawn by the office.
 */
export const referentApplicationLifecycle = defineLifecycle<
  ReferentApplicationState,
  ReferentApplicationTransition,
  ReferentApplicationFacts
>({
  name: 'referentApplication',
  actionPrefix: 'referentApplication',
  targetType: 'referentApplication',
  label: { fr: 'Candidature de référent régional', en: 'Application to become regional referent' },
  initial: 'pending',
  fields: { applicantOffice: { fr: "de l'organisme candidat", en: 'of the applicant office' } },
  states: {
    pending: { label: { fr: 'En attente de la DDSI', en: 'Awaiting the DDSI' } },
    accepted: { label: { fr: 'Acceptée', en: 'Accepted' }, terminal: true },
    refused: { label: { fr: 'Refusée', en: 'Refused' }, terminal: true, side: true },
    withdrawn: { label: { fr: 'Retirée', en: 'Withdrawn' }, terminal: true, side: true },
  },
  transitions: {
    accept: {
      from: ['pending'],
      to: 'accepted',
      parties: [role(...REFERENT_DECIDERS)],
      label: { fr: 'Accepter la candidature', en: 'Accept the application' },
      confirm: true,
      input: z.object({
        note: note('La note de décision')
          .optional()
          .meta({ label: { fr: 'Note (facultative)', en: 'Note (optional)' } }),
      }),
    },
    refuse: {
      from: ['pending'],
      to: 'refused',
      parties: [role(...REFERENT_DECIDERS)],
      label: { fr: 'Refuser la candidature', en: 'Refuse the application' },
      confirm: true,
      tone: 'danger',
      input: z.object({
        note: note('Le motif du refus', 'Indiquez le motif du refus.')
          .min(3, { error: 'Indiquez le motif du refus (3 caractères au moins).' })
          .meta({ label: { fr: 'Motif du refus', en: 'Reason for refusing' } }),
      }),
    },
    withdraw: {
      from: ['pending'],
      to: 'withdrawn',
      parties: [directorOf('applicantOffice')],
      label: { fr: 'Retirer la candidature', en: 'Withdraw the application' },
      confirm: true,
    },
  },
  messages: {},
});
