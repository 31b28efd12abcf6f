import type { Label } from '../lifecycle.ts';

/** The actions of calls for projects (spread into permissions.ts's list). */
export const CALL_ACTIONS = [
  'call.read',
  'call.create',
  'call.update',
  'call.ask',
  'call.answer',
  // Lifecycle transitions of a call (common/lifecycles/call.ts).
  'call.publish',
  'call.close',
  'call.startEvaluation',
  'call.decide',
  'call.archive',
  'call.cancel',
  // Proposals, their evaluation and the selection.
  'proposal.read',
  'proposal.create',
  'proposal.update',
  'proposal.confirmPartner',
  'proposal.requestApproval',
  'proposal.submit',
  'proposal.sendBack',
  'proposal.withdraw',
  'proposal.select',
  'proposal.reject',
  'call.nameEvaluators',
  'call.score',
  'call.compare',
  'call.select',
] as const;

export const CALL_ACTION_LABELS: Record<(typeof CALL_ACTIONS)[number], Label> = {
  'call.read': { fr: 'Consulter les appels à projets', en: 'Read calls for projects' },
  'call.create': {
    fr: 'Préparer un appel à projets de son organisme ou de sa direction',
    en: "Draft a call for projects of one's office or directorate",
  },
  'call.update': { fr: 'Modifier ses appels à projets', en: "Edit one's calls for projects" },
  'call.ask': { fr: 'Poser une question sur un appel', en: 'Ask a question on a call' },
  'call.answer': {
    fr: 'Répondre aux questions sur ses appels',
    en: "Answer the questions on one's calls",
  },
  'call.publish': { fr: 'Publier un appel à projets', en: 'Publish a call for projects' },
  'call.close': {
    fr: 'Clore un appel à la date limite (plateforme)',
    en: 'Close a call at its deadline (platform)',
  },
  'call.startEvaluation': { fr: "Ouvrir l'évaluation d'un appel", en: 'Start the evaluation of a call' },
  'call.decide': { fr: "Prononcer la sélection d'un appel", en: 'Announce the selection of a call' },
  'call.archive': { fr: 'Archiver un appel', en: 'Archive a call' },
  'call.cancel': { fr: 'Annuler un appel à projets', en: 'Cancel a call for projects' },
  'proposal.read': {
    fr: 'Consulter les propositions de son organisme, de ses appels ou à évaluer',
    en: "Read the proposals of one's office, of one's calls or to evaluate",
  },
  'proposal.create': {
    fr: 'Préparer une proposition de son organisme',
    en: "Draft a proposal of one's office",
  },
  'proposal.update': {
    fr: 'Modifier une proposition en brouillon de son organisme',
    en: "Edit a draft proposal of one's office",
  },
  'proposal.confirmPartner': {
    fr: 'Confirmer la participation de son organisme à une proposition',
    en: "Confirm one's office's participation in a proposal",
  },
  'proposal.requestApproval': {
    fr: "Demander l'accord du directeur sur une proposition",
    en: "Ask for the director's approval of a proposal",
  },
  'proposal.submit': { fr: 'Approuver et déposer une proposition', en: 'Approve and submit a proposal' },
  'proposal.sendBack': { fr: 'Renvoyer une proposition pour reprise', en: 'Send a proposal back' },
  'proposal.withdraw': { fr: 'Retirer une proposition', en: 'Withdraw a proposal' },
  'proposal.select': {
    fr: 'Retenir une proposition (plateforme, à la sélection)',
    en: 'Select a proposal (platform, on the selection)',
  },
  'proposal.reject': {
    fr: 'Ne pas retenir une proposition (plateforme, à la sélection)',
    en: 'Do not select a proposal (platform, on the selection)',
  },
  'call.nameEvaluators': { fr: "Nommer les évaluateurs d'un appel", en: 'Name the evaluators of a call' },
  'call.score': { fr: 'Noter les propositions à évaluer', en: 'Score the proposals to evaluate' },
  'call.compare': {
    fr: "Consulter le tableau comparatif d'un appel",
    en: 'Read the comparison table of a call',
  },
  'call.select': { fr: "Proposer la sélection d'un appel", en: 'Propose the selection of a call' },
};

export const CALL_AUDIT_ACTION_LABELS: Record<string, Label> = {
  'call.create': { fr: "Préparation d'un appel à projets", en: 'Call for projects drafted' },
  'call.update': { fr: 'Appel à projets modifié', en: 'Call for projects edited' },
  'call.ask': { fr: 'Question posée sur un appel', en: 'Question asked on a call' },
  'call.answer': { fr: 'Réponse à une question', en: 'Question answered' },
  'call.attach': { fr: 'Document joint à un appel', en: 'Document attached to a call' },
  'call.detach': { fr: "Document retiré d'un appel", en: 'Document removed from a call' },
  'call.publish': { fr: 'Appel publié', en: 'Call published' },
  'call.close': { fr: 'Appel clos aux propositions', en: 'Call closed for proposals' },
  'call.startEvaluation': { fr: 'Évaluation ouverte', en: 'Evaluation started' },
  'call.decide': { fr: 'Sélection prononcée', en: 'Selection announced' },
  'call.archive': { fr: 'Appel archivé', en: 'Call archived' },
  'call.cancel': { fr: 'Appel annulé', en: 'Call cancelled' },
  'call.nameEvaluators': { fr: 'Évaluateurs nommés', en: 'Evaluators named' },
  'call.score': { fr: 'Proposition notée', en: 'Proposal scored' },
  'call.select': { fr: 'Sélection proposée', en: 'Selection proposed' },
  'call.confirmSelection': { fr: 'Sélection confirmée et appliquée', en: 'Selection confirmed and applied' },
  'proposal.create': { fr: 'Proposition préparée', en: 'Proposal drafted' },
  'proposal.update': { fr: 'Proposition modifiée', en: 'Proposal edited' },
  'proposal.confirmPartner': { fr: 'Participation confirmée', en: 'Participation confirmed' },
  'proposal.requestApproval': { fr: 'Accord du directeur demandé', en: "Director's approval asked" },
  'proposal.submit': { fr: 'Proposition déposée', en: 'Proposal submitted' },
  'proposal.sendBack': { fr: 'Proposition renvoyée', en: 'Proposal sent back' },
  'proposal.withdraw': { fr: 'Proposition retirée', en: 'Proposal withdrawn' },
  'proposal.select': { fr: 'Proposition retenue', en: 'Proposal selected' },
  'proposal.reject': { fr: 'Proposition non retenue', en: 'Proposal not selected' },
};

export const CALL_TARGET_TYPE_LABELS: Record<string, Label> = {
  call: { fr: 'Appel à projets', en: 'Call for projects' },
  proposal: { fr: 'Proposition', en: 'Proposal' },
};
