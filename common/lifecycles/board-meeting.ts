import { z } from 'zod';
import { MEETING_STATE_LABELS as L, type MeetingState } from '../board/vocabulary.ts';
import { defineLifecycle, role } from '../lifecycle.ts';
import { longText } from '../schemas/common.ts';

/** What the guards of a meeting read; the server gathers them in the transaction (board.lifecycle.ts). */
export interface MeetingFacts {
  itemCount: number;
  /** Agenda items without a decision yet. */
  undecidedCount: number;
  /** Minutes written (Markdown, not blank). */
  hasMinutes: boolean;
  attendeeCount: number;
}

export type MeetingTransition = 'hold' | 'publishMinutes' | 'cancel';

const runners = [role('operationsDirectorate', 'governanceBoard', 'admin')];

/**
 * A meeting of the governance board: planned (its agenda is set) → held (attendance, decisions drafted)
 * → minutes published, which numbers the decisions and applies their effects in the same transaction;
 * a planned meeting may be cancelled, its items going back to what waits for the board.
 */
export const boardMeetingLifecycle = defineLifecycle<MeetingState, MeetingTransition, MeetingFacts>({
  name: 'boardMeeting',
  targetType: 'boardMeeting',
  label: { fr: "Séance de l'instance de gouvernance", en: 'Governance board meeting' },
  initial: 'planned',
  states: {
    planned: { label: L.planned },
    held: { label: L.held },
    minutesPublished: { label: L.minutesPublished, terminal: true },
    cancelled: { label: L.cancelled, terminal: true, side: true },
  },
  transitions: {
    hold: {
      from: ['planned'],
      to: 'held',
      parties: runners,
      label: { fr: 'Tenir la séance', en: 'Hold the meeting' },
      guards: [(facts) => (facts.itemCount === 0 ? { code: 'emptyAgenda' } : null)],
    },
    publishMinutes: {
      from: ['held'],
      to: 'minutesPublished',
      parties: runners,
      label: { fr: 'Publier le compte rendu', en: 'Publish the minutes' },
      confirm: true,
      guards: [
        (facts) => (facts.attendeeCount === 0 ? { code: 'noAttendance' } : null),
        (facts) => (facts.hasMinutes ? null : { code: 'noMinutes' }),
        (facts) =>
          facts.undecidedCount > 0
            ? { code: 'undecidedItems', params: { count: facts.undecidedCount } }
            : null,
      ],
    },
    cancel: {
      from: ['planned'],
      to: 'cancelled',
      parties: runners,
      label: { fr: 'Annuler la séance', en: 'Cancel the meeting' },
      confirm: true,
      tone: 'danger',
      input: z.object({
        reason: longText("Le motif de l'annulation", { missing: "Indiquez le motif de l'annulation." })
          .min(3, { error: "Indiquez le motif de l'annulation (3 caractères au moins)." })
          .max(2000, { error: "Le motif de l'annulation est limité à 2 000 caractères." })
          .meta({ label: { fr: "Motif de l'annulation", en: 'Reason for cancelling' } }),
      }),
    },
  },
  messages: {
    emptyAgenda: {
      fr: "L'ordre du jour est vide : inscrivez-y au moins un point avant de tenir la séance.",
      en: 'The agenda is empty: put at least one item on it before holding the meeting.',
    },
    noAttendance: {
      fr: 'Les présences ne sont pas saisies : indiquez qui a siégé.',
      en: 'The attendance is not recorded: say who sat.',
    },
    noMinutes: {
      fr: "Le compte rendu n'est pas rédigé : écrivez-le avant de le publier.",
      en: 'The minutes are not written: write them before publishing.',
    },
    undecidedItems: {
      fr: "{count} point(s) de l'ordre du jour sans décision : décidez-les ou ajournez-les.",
      en: '{count} agenda item(s) without a decision: decide or postpone them.',
    },
  },
});
