import type { Label } from '../lifecycle.ts';

/** The starter-kit training (letter §3.2.1.1): three days, on site or remote, by a regional referent. */
export const TRAINING_DAYS = 3;

export const TRAINING_MODES = ['onSite', 'remote'] as const;
export type TrainingMode = (typeof TRAINING_MODES)[number];
export const TRAINING_MODE_LABELS: Record<TrainingMode, Label> = {
  onSite: { fr: 'En présentiel', en: 'On site' },
  remote: { fr: 'À distance', en: 'Remote' },
};

export const SESSION_STATES = ['published', 'completed', 'cancelled'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/**
 * Where a developer stands: a place (registered), in the queue (waitlisted, promoted in order when a
 * place frees), then attended or absent; cancelled by the office, refused by the referent (prerequisites);
 * `demand` is a request for a region that has no session yet, which referents see.
 */
export const REGISTRATION_STATUSES = [
  'registered',
  'waitlisted',
  'attended',
  'absent',
  'cancelled',
  'refused',
  'demand',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/** Statuses that hold a place of the session. */
export const SEATED_STATUSES: readonly RegistrationStatus[] = ['registered', 'attended', 'absent'];
/** Statuses of a live request (one per developer and session). */
export const LIVE_STATUSES: readonly RegistrationStatus[] = [
  'registered',
  'waitlisted',
  'attended',
  'absent',
];

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, Label> = {
  registered: { fr: 'Inscrit', en: 'Registered' },
  waitlisted: { fr: 'En liste d’attente', en: 'Waiting list' },
  attended: { fr: 'Présent', en: 'Attended' },
  absent: { fr: 'Absent', en: 'Absent' },
  cancelled: { fr: 'Annulée', en: 'Cancelled' },
  refused: { fr: 'Refusée (prérequis)', en: 'Refused (prerequisites)' },
  demand: { fr: 'Demande sans session', en: 'Request without a session' },
};

/** What a referent does with a registration; the office cancels its own. */
export const REGISTRATION_ACTIONS = [
  'checkPrerequisites',
  'refuse',
  'cancel',
  'markAttended',
  'markAbsent',
] as const;
export type RegistrationAction = (typeof REGISTRATION_ACTIONS)[number];
