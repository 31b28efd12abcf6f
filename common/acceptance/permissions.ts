import type { Label } from '../lifecycle.ts';

/** The actions of acceptance campaigns and reports (spread into permissions.ts's list). */
export const ACCEPTANCE_ACTIONS = [
  'campaign.read',
  'campaign.create',
  'campaign.plan',
  'campaign.execute',
  'campaign.trackAnomalies',
  'acceptanceReport.read',
  // Lifecycle transitions of a campaign (common/lifecycles/acceptance-campaign.ts).
  'campaign.start',
  'campaign.requestReport',
  'campaign.resumeTesting',
  'campaign.sign',
  'campaign.cancel',
] as const;

export const ACCEPTANCE_ACTION_LABELS: Record<(typeof ACCEPTANCE_ACTIONS)[number], Label> = {
  'campaign.read': { fr: 'Consulter les campagnes de recette', en: 'Read acceptance campaigns' },
  'campaign.create': { fr: 'Ouvrir une campagne de recette', en: 'Open an acceptance campaign' },
  'campaign.plan': {
    fr: 'Écrire le plan de tests et nommer les testeurs',
    en: 'Write the test plan and name the testers',
  },
  'campaign.execute': { fr: 'Exécuter les cas de test', en: 'Execute test cases' },
  'campaign.trackAnomalies': {
    fr: 'Signaler et suivre les anomalies',
    en: 'Raise and follow anomalies',
  },
  'acceptanceReport.read': {
    fr: 'Consulter les procès-verbaux de recette',
    en: 'Read acceptance reports',
  },
  'campaign.start': { fr: 'Lancer une campagne de recette', en: 'Start an acceptance campaign' },
  'campaign.requestReport': { fr: 'Demander le procès-verbal', en: 'Request the report' },
  'campaign.resumeTesting': { fr: 'Reprendre les tests', en: 'Resume testing' },
  'campaign.sign': {
    fr: 'Signer le procès-verbal national de recette',
    en: 'Sign the national acceptance report',
  },
  'campaign.cancel': { fr: 'Annuler une campagne de recette', en: 'Cancel an acceptance campaign' },
};
