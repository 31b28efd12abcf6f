import type { Label } from '../lifecycle.ts';

/** The actions of compensation: effort records, rate tables, agreements (spread into permissions.ts's list). */
export const COMPENSATION_ACTIONS = [
  'effort.read',
  'effort.record',
  'effort.confirm',
  'rateTable.read',
  'rateTable.publish',
  'agreement.read',
  'agreement.create',
  'agreement.negotiateText',
  'agreement.amend',
  // Lifecycle transitions of an agreement (common/lifecycles/agreement.ts).
  'agreement.openNegotiation',
  'agreement.approveForOffice',
  'agreement.approveForDdo',
  'agreement.activate',
  'agreement.close',
  'agreement.terminate',
  'statement.read',
  'statement.compute',
  // Lifecycle transitions of a statement (common/lifecycles/statement.ts).
  'statement.validate',
  'statement.withdraw',
  'networkBalance.read',
] as const;

export const COMPENSATION_ACTION_LABELS: Record<(typeof COMPENSATION_ACTIONS)[number], Label> = {
  'effort.read': { fr: "Consulter l'effort déclaré des organismes", en: "Read the offices' effort records" },
  'effort.record': {
    fr: "Déclarer l'effort de son organisme (jours-personnes)",
    en: "Record one's office's effort (person-days)",
  },
  'effort.confirm': {
    fr: 'Confirmer les chiffres mensuels de son organisme',
    en: "Confirm one's office's monthly figures",
  },
  'rateTable.read': { fr: 'Consulter le barème journalier', en: 'Read the daily rate table' },
  'rateTable.publish': {
    fr: 'Publier une nouvelle version du barème journalier',
    en: 'Publish a new version of the daily rate table',
  },
  'agreement.read': { fr: 'Consulter les conventions de compensation', en: 'Read compensation agreements' },
  'agreement.create': { fr: 'Rédiger une convention de compensation', en: 'Draft a compensation agreement' },
  'agreement.negotiateText': {
    fr: "Proposer une version du texte d'une convention et la commenter",
    en: 'Propose a version of an agreement text and comment on it',
  },
  'agreement.amend': { fr: 'Ouvrir un avenant à une convention', en: 'Open an amendment to an agreement' },
  'agreement.openNegotiation': { fr: 'Ouvrir la négociation', en: 'Open the negotiation' },
  'agreement.approveForOffice': {
    fr: "Approuver une convention au nom de l'organisme",
    en: 'Approve an agreement for the office',
  },
  'agreement.approveForDdo': {
    fr: 'Approuver une convention au nom de la DDO',
    en: 'Approve an agreement for the DDO',
  },
  'agreement.activate': { fr: 'Mettre une convention en vigueur', en: 'Put an agreement into force' },
  'agreement.close': { fr: 'Clore une convention arrivée à terme', en: 'Close an agreement at its end' },
  'agreement.terminate': { fr: 'Résilier une convention', en: 'Terminate an agreement' },
  'statement.read': { fr: "Consulter les relevés d'une convention", en: "Read an agreement's statements" },
  'statement.compute': {
    fr: "Calculer le relevé d'une période d'une convention",
    en: "Compute the statement of an agreement's period",
  },
  'statement.validate': { fr: 'Valider un relevé (la DDO)', en: 'Validate a statement (the DDO)' },
  'statement.withdraw': {
    fr: 'Retirer un relevé en brouillon pour le recalculer',
    en: 'Withdraw a draft statement to compute it again',
  },
  'networkBalance.read': {
    fr: 'Consulter le bilan du réseau (effort donné, applications utilisées, économies)',
    en: 'Read the network balance (effort given, applications used, savings)',
  },
};

export const COMPENSATION_AUDIT_ACTION_LABELS: Record<string, Label> = {
  'effort.record': { fr: 'Effort déclaré', en: 'Effort recorded' },
  'effort.correct': { fr: 'Effort corrigé', en: 'Effort corrected' },
  'effort.import': { fr: "Effort importé d'un classeur", en: 'Effort imported from a workbook' },
  'effort.confirm': { fr: 'Mois confirmé par le directeur', en: 'Month confirmed by the director' },
  'rateTable.publish': { fr: 'Barème journalier publié', en: 'Daily rate table published' },
  'agreement.create': { fr: 'Convention rédigée', en: 'Agreement drafted' },
  'agreement.update': { fr: 'Convention modifiée', en: 'Agreement edited' },
  'agreement.proposeText': { fr: 'Version du texte proposée', en: 'Text version proposed' },
  'agreement.comment': { fr: 'Commentaire sur la convention', en: 'Comment on the agreement' },
  'agreement.amend': { fr: 'Avenant ouvert', en: 'Amendment opened' },
  'agreement.openNegotiation': { fr: 'Négociation ouverte', en: 'Negotiation opened' },
  'agreement.approveForOffice': { fr: "Approuvée par l'organisme", en: 'Approved by the office' },
  'agreement.approveForDdo': { fr: 'Approuvée par la DDO', en: 'Approved by the DDO' },
  'agreement.activate': { fr: 'Convention en vigueur', en: 'Agreement in force' },
  'agreement.close': { fr: 'Convention close', en: 'Agreement closed' },
  'agreement.terminate': { fr: 'Convention résiliée', en: 'Agreement terminated' },
  'statement.compute': { fr: 'Relevé calculé', en: 'Statement computed' },
  'statement.validate': { fr: 'Relevé validé par la DDO', en: 'Statement validated by the DDO' },
  'statement.withdraw': { fr: 'Relevé retiré', en: 'Statement withdrawn' },
};

export const COMPENSATION_TARGET_TYPE_LABELS: Record<string, Label> = {
  effortEntry: { fr: "Ligne d'effort", en: 'Effort line' },
  effortMonth: { fr: "Mois d'effort", en: 'Effort month' },
  rateTable: { fr: 'Barème journalier', en: 'Daily rate table' },
  agreement: { fr: 'Convention de compensation', en: 'Compensation agreement' },
  statement: { fr: 'Relevé de convention', en: 'Agreement statement' },
};
