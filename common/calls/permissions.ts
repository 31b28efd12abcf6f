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
};

export const CALL_TARGET_TYPE_LABELS: Record<string, Label> = {
  call: { fr: 'Appel à projets', en: 'Call for projects' },
};
