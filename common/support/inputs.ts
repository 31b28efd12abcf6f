import { z } from 'zod';
import type { Label, Party } from '../lifecycle.ts';
import { longText } from '../schemas/common.ts';
import { TICKET_STATE_LABELS, type TicketState } from './vocabulary.ts';

/** A required note of a support transition: 3 to 4,000 characters, named in French in its messages. */
const requiredNote = (label: string, missing: string) =>
  longText(label, { missing })
    .min(3, { error: `${missing.replace(/\.$/, '')} (3 caractères au moins).` })
    .max(4000, { error: `${label} est limité${label.startsWith('La') ? 'e' : ''} à 4 000 caractères.` });

/** Escalating to level 2 says why, for whoever takes the ticket there. */
export const escalationInput = z.object({
  note: requiredNote("La note d'escalade", 'Indiquez pourquoi le ticket passe au niveau 2.').meta({
    label: { fr: 'Note pour le niveau 2', en: 'Note for level 2' },
  }),
});

/** Resolving says how: the answer the requester keeps. */
export const resolutionInput = z.object({
  resolution: requiredNote('La résolution', 'Indiquez la résolution.').meta({
    label: { fr: 'Résolution', en: 'Resolution' },
  }),
});

/** The states both support lifecycles share, in drawing order. */
export const TICKET_LIFECYCLE_STATES = {
  open: { label: TICKET_STATE_LABELS.open },
  escalated: { label: TICKET_STATE_LABELS.escalated },
  resolved: { label: TICKET_STATE_LABELS.resolved, terminal: true },
  withdrawn: { label: TICKET_STATE_LABELS.withdrawn, terminal: true, side: true },
} satisfies Record<TicketState, { label: Label; terminal?: boolean; side?: boolean }>;

/** The requester's side withdraws a live ticket. */
export const withdrawTransition = (parties: Party[], label: Label) => ({
  from: ['open', 'escalated'] as TicketState[],
  to: 'withdrawn' as const,
  parties,
  label,
  confirm: true,
  tone: 'danger' as const,
});
