import type { Label } from '../lifecycle.ts';

/**
 * An accessibility report (RGAA 4.1, the statement's « Retour d'information et contact »): received, taken
 * in hand by an administrator, answered (the answer is kept and shown), closed once the answer stands —
 * or closed at once, with a reason, when it calls for no answer (common/lifecycles/accessibility-report.ts).
 */
export const REPORT_STATES = ['received', 'inProgress', 'answered', 'closed'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_STATE_LABELS: Record<ReportState, Label> = {
  received: { fr: 'Reçu', en: 'Received' },
  inProgress: { fr: 'En cours de traitement', en: 'In progress' },
  answered: { fr: 'Répondu', en: 'Answered' },
  closed: { fr: 'Clos', en: 'Closed' },
};

/** Limits of what anyone may send without signing in (the route also caps the request's size). */
export const REPORT_LIMITS = {
  pageUrl: 500,
  description: 4000,
  name: 120,
  email: 254,
  /** Reports one source (an account, or a network address when signed out) may send in the window below. */
  perSource: 5,
  windowMinutes: 60,
  /** Bytes of the request's body: the four fields at their limits fit, with room for JSON escapes. */
  bodyBytes: 16 * 1024,
} as const;
