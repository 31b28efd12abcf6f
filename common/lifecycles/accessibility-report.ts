import { z } from 'zod';
import { REPORT_STATE_LABELS, type ReportState } from '../accessibility/vocabulary.ts';
import { defineLifecycle, role } from '../lifecycle.ts';
import { longText } from '../schemas/common.ts';

/** No guard reads facts: an administrator handles any report. */
export type AccessibilityReportFacts = Record<string, never>;
export type AccessibilityReportTransition = 'take' | 'answer' | 'close' | 'dismiss';

const admins = [role('admin')];
const answerText = (label: string, missing: string) =>
  longText(label, { missing })
    .min(3, { error: `${missing.replace(/\.$/, '')} (3 caractères au moins).` })
    .max(4000, { error: `${label} est limitée à 4 000 caractères.` });

/**
 * An accessibility problem someone reported from the statement page (signed in or not): the platform's
 * administrators take it in hand, answer it (the answer goes to the person by e-mail, outside the portal,
 * and stays on the report), then close it; a report that calls for no answer (spam, a duplicate) is closed
 * at once with the reason.
 */
export const accessibilityReportLifecycle = defineLifecycle<
  ReportState,
  AccessibilityReportTransition,
  AccessibilityReportFacts
>({
  name: 'accessibilityReport',
  actionPrefix: 'accessibilityReport',
  targetType: 'accessibilityReport',
  label: { fr: "Signalement d'accessibilité", en: 'Accessibility report' },
  initial: 'received',
  fields: {},
  states: {
    received: { label: REPORT_STATE_LABELS.received },
    inProgress: { label: REPORT_STATE_LABELS.inProgress },
    answered: { label: REPORT_STATE_LABELS.answered },
    closed: { label: REPORT_STATE_LABELS.closed, terminal: true },
  },
  transitions: {
    take: {
      from: ['received'],
      to: 'inProgress',
      parties: admins,
      label: { fr: 'Prendre en charge', en: 'Take in hand' },
    },
    answer: {
      from: ['received', 'inProgress'],
      to: 'answered',
      parties: admins,
      label: { fr: 'Répondre', en: 'Answer' },
      input: z.object({
        answer: answerText('La réponse', 'Écrivez la réponse.').meta({
          label: { fr: 'Réponse envoyée à la personne', en: 'Answer sent to the person' },
        }),
      }),
    },
    close: {
      from: ['answered'],
      to: 'closed',
      parties: admins,
      label: { fr: 'Clore', en: 'Close' },
    },
    dismiss: {
      from: ['received', 'inProgress'],
      to: 'closed',
      parties: admins,
      label: { fr: 'Clore sans réponse', en: 'Close without an answer' },
      confirm: true,
      tone: 'danger',
      input: z.object({
        reason: answerText('Le motif', 'Indiquez le motif.').meta({
          label: { fr: 'Motif', en: 'Reason' },
        }),
      }),
    },
  },
  messages: {},
});
