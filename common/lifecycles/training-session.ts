import { z } from 'zod';
import type { SessionState } from '../community/training.ts';
import { defineLifecycle, referentOf, role } from '../lifecycle.ts';
import { longText } from '../schemas/common.ts';

/** What the guards read, gathered in the transaction. */
export interface TrainingSessionFacts {
  /** Registered developers whose attendance is not marked yet. */
  unmarked: number;
  /** Has the last day begun (a session completes once held)? */
  held: boolean;
}

export type TrainingSessionTransition = 'complete' | 'cancel';

/** The DDSI (and administrators) stand in for a region's referents. */
export const TRAINING_OVERSEERS = ['itDirectorate', 'admin'] as const;
const trainers = [referentOf('trainerOffice'), role(...TRAINING_OVERSEERS)];

/**
 * A starter-kit training session: published, then completed once held and every attendance marked —
 * completing marks the developers who attended as trained — or cancelled (server/modules/community/
 * training-sessions.lifecycle.ts).
 */
export const trainingSessionLifecycle = defineLifecycle<
  SessionState,
  TrainingSessionTransition,
  TrainingSessionFacts
>({
  name: 'trainingSession',
  actionPrefix: 'trainingSession',
  targetType: 'trainingSession',
  label: { fr: 'Session de formation', en: 'Training session' },
  initial: 'published',
  fields: { trainerOffice: { fr: 'de l’organisme formateur', en: 'of the training office' } },
  states: {
    published: { label: { fr: 'Publiée', en: 'Published' } },
    completed: { label: { fr: 'Terminée', en: 'Completed' }, terminal: true },
    cancelled: { label: { fr: 'Annulée', en: 'Cancelled' }, terminal: true, side: true },
  },
  transitions: {
    complete: {
      from: ['published'],
      to: 'completed',
      parties: trainers,
      label: { fr: 'Clore la session', en: 'Complete the session' },
      confirm: true,
      guards: [
        (facts) => (facts.held ? null : { code: 'notHeld' }),
        (facts) =>
          facts.unmarked > 0 ? { code: 'attendanceMissing', params: { count: facts.unmarked } } : null,
      ],
    },
    cancel: {
      from: ['published'],
      to: 'cancelled',
      parties: trainers,
      label: { fr: 'Annuler la session', en: 'Cancel the session' },
      confirm: true,
      tone: 'danger',
      input: z.object({
        reason: longText("Le motif de l'annulation", { missing: "Indiquez le motif de l'annulation." })
          .min(3, { error: "Indiquez le motif de l'annulation (3 caractères au moins)." })
          .max(1000, { error: "Le motif de l'annulation est limité à 1 000 caractères." })
          .meta({ label: { fr: "Motif de l'annulation", en: 'Reason for cancelling' } }),
      }),
    },
  },
  messages: {
    notHeld: {
      fr: 'La session n’a pas encore eu lieu : elle se clôt à partir de son dernier jour.',
      en: 'The session has not taken place yet: it completes from its last day.',
    },
    attendanceMissing: {
      fr: '{count} inscrit(s) sans présence marquée : marquez chaque participant présent ou absent avant de clore.',
      en: '{count} registered developer(s) without attendance: mark each present or absent before completing.',
    },
  },
});
