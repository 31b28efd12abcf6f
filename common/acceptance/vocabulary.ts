import type { Label } from '../lifecycle.ts';

/**
 * The code lists of acceptance campaigns (recette) and national acceptance reports (letter §3.2.2, §3.3,
 * the national acceptance method — Démarche Nationale de Recette).
 */

/** A campaign's lifecycle (common/lifecycles/acceptance-campaign.ts); the three last are the report's decision. */
export const CAMPAIGN_STATES = [
  'planned',
  'inProgress',
  'reportRequested',
  'accepted',
  'acceptedWithReservations',
  'refused',
  'cancelled',
] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

export const REPORT_DECISIONS = ['accepted', 'acceptedWithReservations', 'refused'] as const;
export type ReportDecision = (typeof REPORT_DECISIONS)[number];
export const REPORT_DECISION_LABELS: Record<ReportDecision, Label> = {
  accepted: { fr: 'Recette prononcée', en: 'Accepted' },
  acceptedWithReservations: { fr: 'Recette prononcée avec réserves', en: 'Accepted with reservations' },
  refused: { fr: 'Recette refusée', en: 'Refused' },
};

/** Who runs a campaign: a group of offices, or the national acceptance centre (Pyrénées-Atlantiques). */
export const RUNNER_KINDS = ['officeGroup', 'nationalCentre'] as const;
export type RunnerKind = (typeof RUNNER_KINDS)[number];
export const RUNNER_KIND_LABELS: Record<RunnerKind, Label> = {
  officeGroup: { fr: "Groupe d'organismes", en: 'Group of offices' },
  nationalCentre: {
    fr: 'Centre national de recette (Pyrénées-Atlantiques)',
    en: 'National acceptance centre (Pyrénées-Atlantiques)',
  },
};
/** The office code of the national acceptance centre in the reference data. */
export const NATIONAL_CENTRE_CODE = 'CNR-64';

export const EXECUTION_RESULTS = ['passed', 'failed', 'blocked'] as const;
export type ExecutionResult = (typeof EXECUTION_RESULTS)[number];
export const EXECUTION_RESULT_LABELS: Record<ExecutionResult, Label> = {
  passed: { fr: 'Réussi', en: 'Passed' },
  failed: { fr: 'En échec', en: 'Failed' },
  blocked: { fr: 'Bloqué', en: 'Blocked' },
};

export const ANOMALY_SEVERITIES = ['blocking', 'major', 'minor'] as const;
export type AnomalySeverity = (typeof ANOMALY_SEVERITIES)[number];
export const ANOMALY_SEVERITY_LABELS: Record<AnomalySeverity, Label> = {
  blocking: { fr: 'Bloquante', en: 'Blocking' },
  major: { fr: 'Majeure', en: 'Major' },
  minor: { fr: 'Mineure', en: 'Minor' },
};

/**
 * open: raised; fixed: a version that fixes it is named, awaiting re-test; closed: the re-test passed;
 * rejected: not an anomaly after all. Open and fixed anomalies are still open for the report.
 */
export const ANOMALY_STATUSES = ['open', 'fixed', 'closed', 'rejected'] as const;
export type AnomalyStatus = (typeof ANOMALY_STATUSES)[number];
export const ANOMALY_STATUS_LABELS: Record<AnomalyStatus, Label> = {
  open: { fr: 'Ouverte', en: 'Open' },
  fixed: { fr: 'Corrigée, à retester', en: 'Fixed, to re-test' },
  closed: { fr: 'Close', en: 'Closed' },
  rejected: { fr: 'Rejetée', en: 'Rejected' },
};
export const STILL_OPEN: readonly AnomalyStatus[] = ['open', 'fixed'];

/** The tracks an acceptance campaign serves: those that end in a national report. */
export const ACCEPTANCE_TRACKS = ['labelling', 'homologation'] as const;
export type AcceptanceTrack = (typeof ACCEPTANCE_TRACKS)[number];
