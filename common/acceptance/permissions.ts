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

export const ACCEPTANCE_AUDIT_ACTION_LABELS: Record<string, Label> = {
  'campaign.create': { fr: "Ouverture d'une campagne de recette", en: 'Acceptance campaign opened' },
  'campaign.plan': { fr: "Plan d'une campagne modifié", en: 'Campaign plan edited' },
  'campaign.addTestCases': { fr: 'Cas de test ajoutés', en: 'Test cases added' },
  'campaign.execute': { fr: "Exécution d'un cas de test", en: 'Test case executed' },
  'campaign.attach': { fr: 'Preuve jointe à une exécution', en: 'Evidence attached to an execution' },
  'campaign.detach': { fr: "Preuve retirée d'une exécution", en: 'Evidence removed from an execution' },
  'campaign.raiseAnomaly': { fr: 'Anomalie signalée', en: 'Anomaly raised' },
  'campaign.updateAnomaly': { fr: 'Anomalie mise à jour', en: 'Anomaly updated' },
  'campaign.start': { fr: 'Campagne lancée', en: 'Campaign started' },
  'campaign.requestReport': { fr: 'Procès-verbal demandé', en: 'Report requested' },
  'campaign.resumeTesting': { fr: 'Tests repris', en: 'Testing resumed' },
  'campaign.sign': { fr: 'Procès-verbal signé (décision)', en: 'Report signed (decision)' },
  'campaign.cancel': { fr: 'Campagne annulée', en: 'Campaign cancelled' },
  'acceptanceReport.sign': {
    fr: 'Procès-verbal national de recette signé',
    en: 'National acceptance report signed',
  },
};

export const ACCEPTANCE_TARGET_TYPE_LABELS: Record<string, Label> = {
  acceptanceCampaign: { fr: 'Campagne de recette', en: 'Acceptance campaign' },
  acceptanceReport: { fr: 'Procès-verbal de recette', en: 'Acceptance report' },
};
