import type { Label } from '../lifecycle.ts';

/** The actions on accessibility reports (spread into permissions.ts's list). Sending one is public. */
export const ACCESSIBILITY_ACTIONS = [
  'accessibilityReport.list',
  // Lifecycle transitions of a report (common/lifecycles/accessibility-report.ts).
  'accessibilityReport.take',
  'accessibilityReport.answer',
  'accessibilityReport.close',
  'accessibilityReport.dismiss',
] as const;

export const ACCESSIBILITY_ACTION_LABELS: Record<(typeof ACCESSIBILITY_ACTIONS)[number], Label> = {
  'accessibilityReport.list': {
    fr: "Consulter les signalements d'accessibilité",
    en: 'See the accessibility reports',
  },
  'accessibilityReport.take': {
    fr: "Prendre en charge un signalement d'accessibilité",
    en: 'Take an accessibility report in hand',
  },
  'accessibilityReport.answer': {
    fr: "Répondre à un signalement d'accessibilité",
    en: 'Answer an accessibility report',
  },
  'accessibilityReport.close': {
    fr: "Clore un signalement d'accessibilité répondu",
    en: 'Close an answered accessibility report',
  },
  'accessibilityReport.dismiss': {
    fr: "Clore sans réponse un signalement d'accessibilité (avec un motif)",
    en: 'Close an accessibility report without an answer (with a reason)',
  },
};

/** Words for the reports' events in the audit trail. */
export const ACCESSIBILITY_AUDIT_ACTION_LABELS: Record<string, Label> = {
  'accessibilityReport.create': {
    fr: "Signalement d'accessibilité reçu",
    en: 'Accessibility report received',
  },
  'accessibilityReport.take': {
    fr: "Signalement d'accessibilité pris en charge",
    en: 'Accessibility report taken in hand',
  },
  'accessibilityReport.answer': {
    fr: "Réponse à un signalement d'accessibilité",
    en: 'Accessibility report answered',
  },
  'accessibilityReport.close': { fr: "Signalement d'accessibilité clos", en: 'Accessibility report closed' },
  'accessibilityReport.dismiss': {
    fr: "Signalement d'accessibilité clos sans réponse",
    en: 'Accessibility report closed without an answer',
  },
};

export const ACCESSIBILITY_TARGET_TYPE_LABELS: Record<string, Label> = {
  accessibilityReport: { fr: "Signalement d'accessibilité", en: 'Accessibility report' },
};
