import type { Label } from '../lifecycle.ts';

/** The actions of grids and evaluations (spread into permissions.ts's list), and their audit events. */
export const EVALUATION_ACTIONS = [
  'grid.read',
  'grid.manage',
  'evaluation.read',
  'evaluation.start',
  'evaluation.answer',
  'evaluation.review',
  // Lifecycle transition of a grid version (common/lifecycles/evaluation-grid.ts).
  'gridVersion.publish',
] as const;

export const EVALUATION_ACTION_LABELS: Record<(typeof EVALUATION_ACTIONS)[number], Label> = {
  'grid.read': { fr: "Consulter les grilles d'évaluation", en: 'Read the evaluation grids' },
  'grid.manage': {
    fr: "Rédiger les grilles d'évaluation (brouillons, import et export XLSX)",
    en: 'Write the evaluation grids (drafts, XLSX import and export)',
  },
  'evaluation.read': { fr: 'Consulter les évaluations', en: 'Read evaluations' },
  'evaluation.start': {
    fr: "Engager l'évaluation d'un projet ou d'une application existante",
    en: 'Start the evaluation of a project or an existing application',
  },
  'evaluation.answer': {
    fr: 'Répondre aux exigences de la grille et joindre les preuves',
    en: "Answer the grid's requirements and attach evidence",
  },
  'evaluation.review': {
    fr: 'Valider ou renvoyer les réponses de sa direction',
    en: "Validate or return the answers of one's directorate",
  },
  'gridVersion.publish': { fr: 'Publier une version de grille', en: 'Publish a grid version' },
};

export const EVALUATION_AUDIT_ACTION_LABELS: Record<string, Label> = {
  'grid.createDraft': { fr: 'Nouveau brouillon de grille', en: 'Grid draft created' },
  'grid.updateDraft': { fr: "Modification d'un brouillon de grille", en: 'Grid draft edited' },
  'grid.import': { fr: "Import XLSX d'une grille", en: 'Grid imported from XLSX' },
  'gridVersion.publish': { fr: "Publication d'une version de grille", en: 'Grid version published' },
  'evaluation.start': { fr: "Début d'une évaluation", en: 'Evaluation started' },
  'evaluation.updateProfile': { fr: 'Profil de criticité renseigné', en: 'Criticality profile answered' },
  'evaluation.answer': { fr: 'Réponse à une exigence', en: 'Requirement answered' },
  'evaluation.validate': { fr: 'Réponse validée', en: 'Answer validated' },
  'evaluation.return': { fr: 'Réponse renvoyée', en: 'Answer returned' },
  'evaluation.attach': { fr: 'Preuve jointe à une réponse', en: 'Evidence attached to an answer' },
  'evaluation.detach': { fr: "Preuve retirée d'une réponse", en: 'Evidence removed from an answer' },
};

export const EVALUATION_TARGET_TYPE_LABELS: Record<string, Label> = {
  grid: { fr: "Grille d'évaluation", en: 'Evaluation grid' },
  gridVersion: { fr: 'Version de grille', en: 'Grid version' },
  evaluation: { fr: 'Évaluation', en: 'Evaluation' },
};
