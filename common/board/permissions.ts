import type { Label } from '../lifecycle.ts';
import type { Role } from '../roles.ts';

/** Who runs the governance board: the operations directorate (DDO), the board's members, administrators. */
export const BOARD_RUNNERS: readonly Role[] = ['operationsDirectorate', 'governanceBoard', 'admin'];

/** The actions of the governance board (spread into permissions.ts's list). */
export const BOARD_ACTIONS = [
  'board.read',
  'board.submit',
  'board.escalate',
  'board.manage',
  // Lifecycle transitions of a meeting (common/lifecycles/board-meeting.ts).
  'boardMeeting.hold',
  'boardMeeting.publishMinutes',
  'boardMeeting.cancel',
] as const;

export const BOARD_ACTION_LABELS: Record<(typeof BOARD_ACTIONS)[number], Label> = {
  'board.read': {
    fr: "Consulter l'ordre du jour et les séances de l'instance",
    en: "Read the board's agenda and meetings",
  },
  'board.submit': {
    fr: "Soumettre une demande d'évolution ou d'arbitrage à l'instance",
    en: 'Submit an evolution or arbitration request to the board',
  },
  'board.escalate': {
    fr: "Soumettre une demande de sponsor à l'instance",
    en: 'Escalate a sponsorship request to the board',
  },
  'board.manage': {
    fr: "Conduire l'instance : séances, ordre du jour, présences, décisions",
    en: 'Run the board: meetings, agenda, attendance, decisions',
  },
  'boardMeeting.hold': { fr: 'Tenir une séance', en: 'Hold a meeting' },
  'boardMeeting.publishMinutes': {
    fr: 'Publier le compte rendu et les décisions',
    en: 'Publish the minutes and decisions',
  },
  'boardMeeting.cancel': { fr: 'Annuler une séance', en: 'Cancel a meeting' },
};

export const BOARD_AUDIT_ACTION_LABELS: Record<string, Label> = {
  'board.submit': { fr: "Demande soumise à l'instance", en: 'Request submitted to the board' },
  'board.escalate': { fr: "Demande de sponsor soumise à l'instance", en: 'Sponsorship escalated' },
  'board.addItem': { fr: "Point ajouté à l'ordre du jour", en: 'Agenda item added' },
  'board.createMeeting': { fr: 'Séance prévue', en: 'Meeting planned' },
  'board.updateMeeting': { fr: 'Séance modifiée', en: 'Meeting edited' },
  'board.schedule': { fr: "Point inscrit à l'ordre du jour", en: 'Item put on the agenda' },
  'board.unschedule': { fr: "Point retiré de l'ordre du jour", en: 'Item taken off the agenda' },
  'board.recordDecision': { fr: 'Décision rédigée', en: 'Decision drafted' },
  'board.deleteDecision': { fr: 'Projet de décision retiré', en: 'Draft decision removed' },
  'board.applyDecision': { fr: 'Décision appliquée', en: 'Decision applied' },
  'boardMeeting.hold': { fr: 'Séance tenue', en: 'Meeting held' },
  'boardMeeting.publishMinutes': { fr: 'Compte rendu publié', en: 'Minutes published' },
  'boardMeeting.cancel': { fr: 'Séance annulée', en: 'Meeting cancelled' },
};

export const BOARD_TARGET_TYPE_LABELS: Record<string, Label> = {
  boardItem: { fr: "Point soumis à l'instance", en: 'Board item' },
  boardMeeting: { fr: "Séance de l'instance", en: 'Board meeting' },
  boardDecision: { fr: "Décision de l'instance", en: 'Board decision' },
};
