import type { Label } from '../lifecycle.ts';

/**
 * The governance board's code lists (letter §4): what waits for the board (agenda items), its meetings,
 * and the decisions it records. Shared by the server (CHECK constraints, effects) and the web (labels).
 */

/** What an agenda item is about; each kind has its effect (server/modules/board/board.effects.ts). */
export const BOARD_ITEM_KINDS = [
  'evolution',
  'arbitration',
  'sponsorship',
  'callSelection',
  'nationalParticipation',
  'compensation',
  'agreement',
] as const;
export type BoardItemKind = (typeof BOARD_ITEM_KINDS)[number];

/** The kinds anyone signed in submits as a request to the board (with a reason). */
export const BOARD_REQUEST_KINDS = ['evolution', 'arbitration'] as const;
export type BoardRequestKind = (typeof BOARD_REQUEST_KINDS)[number];

/** What an evolution request is about. */
export const EVOLUTION_TARGETS = ['portal', 'amCloud', 'store'] as const;
export type EvolutionTarget = (typeof EVOLUTION_TARGETS)[number];

/** An item waits, is on a meeting's agenda, is decided (closed) or withdrawn by its author. */
export const BOARD_ITEM_STATES = ['waiting', 'scheduled', 'decided', 'withdrawn'] as const;
export type BoardItemState = (typeof BOARD_ITEM_STATES)[number];

export const MEETING_STATES = ['planned', 'held', 'minutesPublished', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

/** What the board decided on an item: postponed puts it back among what waits. */
export const DECISION_OUTCOMES = ['approved', 'rejected', 'postponed'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const VOTE_MODES = ['vote', 'consensus'] as const;
export type VoteMode = (typeof VOTE_MODES)[number];

/** What a decision may name besides its item: the objects of the portal it concerns. */
export const DECISION_LINK_TYPES = ['project', 'call', 'application', 'organisation'] as const;
export type DecisionLinkType = (typeof DECISION_LINK_TYPES)[number];

export const BOARD_ITEM_KIND_LABELS: Record<BoardItemKind, Label> = {
  evolution: { fr: "Demande d'évolution", en: 'Evolution request' },
  arbitration: { fr: "Demande d'arbitrage entre organismes", en: 'Arbitration between offices' },
  sponsorship: { fr: 'Demande de sponsor soumise à l’instance', en: 'Escalated sponsorship request' },
  callSelection: { fr: "Sélection d'un appel à projets", en: 'Selection of a call for projects' },
  nationalParticipation: {
    fr: 'Participation à un projet national',
    en: 'Participation in a national project',
  },
  compensation: { fr: 'Question de compensation', en: 'Compensation question' },
  agreement: {
    fr: 'Convention en attente de l’approbation de la DDO',
    en: 'Agreement awaiting the DDO’s approval',
  },
};

export const EVOLUTION_TARGET_LABELS: Record<EvolutionTarget, Label> = {
  portal: { fr: 'Portail Mutualis', en: 'Mutualis portal' },
  amCloud: { fr: 'AM Cloud', en: 'AM Cloud' },
  store: { fr: 'Store', en: 'Store' },
};

export const BOARD_ITEM_STATE_LABELS: Record<BoardItemState, Label> = {
  waiting: { fr: "En attente de l'instance", en: 'Waiting for the board' },
  scheduled: { fr: "À l'ordre du jour", en: 'On the agenda' },
  decided: { fr: 'Décidée', en: 'Decided' },
  withdrawn: { fr: 'Retirée', en: 'Withdrawn' },
};

export const MEETING_STATE_LABELS: Record<MeetingState, Label> = {
  planned: { fr: 'Prévue', en: 'Planned' },
  held: { fr: 'Tenue', en: 'Held' },
  minutesPublished: { fr: 'Compte rendu publié', en: 'Minutes published' },
  cancelled: { fr: 'Annulée', en: 'Cancelled' },
};

export const DECISION_OUTCOME_LABELS: Record<DecisionOutcome, Label> = {
  approved: { fr: 'Approuvé', en: 'Approved' },
  rejected: { fr: 'Rejeté', en: 'Rejected' },
  postponed: { fr: 'Ajourné', en: 'Postponed' },
};

export const VOTE_MODE_LABELS: Record<VoteMode, Label> = {
  vote: { fr: 'Vote', en: 'Vote' },
  consensus: { fr: 'Consensus', en: 'Consensus' },
};

/** A decision's number as the log shows it: 2026-007. */
export const decisionReference = (year: number, number: number) =>
  `${year}-${String(number).padStart(3, '0')}`;
