import type { Label } from '../lifecycle.ts';

/** The code lists of compensation: effort records, agreements and their statements. */

/** What an office gives its effort to. */
export const EFFORT_ACTIVITIES = [
  'development',
  'maintenance',
  'support',
  'clubAnimation',
  'acceptanceTesting',
  'training',
  'nationalProject',
] as const;
export type EffortActivity = (typeof EFFORT_ACTIVITIES)[number];
export const EFFORT_ACTIVITY_LABELS: Record<EffortActivity, Label> = {
  development: { fr: 'Développement', en: 'Development' },
  maintenance: { fr: 'Maintenance', en: 'Maintenance' },
  support: { fr: 'Support de niveau 2', en: 'Level-2 support' },
  clubAnimation: { fr: 'Animation de club', en: 'Club animation' },
  acceptanceTesting: { fr: 'Recette', en: 'Acceptance testing' },
  training: { fr: 'Formation', en: 'Training' },
  nationalProject: { fr: 'Participation à un projet national', en: 'National project participation' },
};

/** The profiles of the daily rate table: each person-day is valued at its profile's rate. */
export const EFFORT_PROFILES = ['developer', 'leadDeveloper', 'projectManager', 'tester', 'trainer'] as const;
export type EffortProfile = (typeof EFFORT_PROFILES)[number];
export const EFFORT_PROFILE_LABELS: Record<EffortProfile, Label> = {
  developer: { fr: 'Développeur', en: 'Developer' },
  leadDeveloper: { fr: 'Développeur référent', en: 'Lead developer' },
  projectManager: { fr: 'Chef de projet', en: 'Project manager' },
  tester: { fr: 'Testeur', en: 'Tester' },
  trainer: { fr: 'Formateur', en: 'Trainer' },
};

/** What effort (and an agreement) is about: a project, an application of the catalogue, a national development. */
export const EFFORT_TARGET_KINDS = ['project', 'application', 'nationalDevelopment'] as const;
export type EffortTargetKind = (typeof EFFORT_TARGET_KINDS)[number];
export const EFFORT_TARGET_KIND_LABELS: Record<EffortTargetKind, Label> = {
  project: { fr: 'Projet', en: 'Project' },
  application: { fr: 'Application', en: 'Application' },
  nationalDevelopment: { fr: 'Développement national', en: 'National development' },
};

/** An effort line is an entry, or a correction of an entry (a signed difference, never an edit). */
export const EFFORT_ENTRY_KINDS = ['entry', 'correction'] as const;
export const EFFORT_SOURCES = ['form', 'import', 'demo'] as const;

export const AGREEMENT_STATES = [
  'draft',
  'negotiation',
  'approvedByOffice',
  'approvedByDdo',
  'active',
  'closed',
  'terminated',
] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];
export const AGREEMENT_STATE_LABELS: Record<AgreementState, Label> = {
  draft: { fr: 'Brouillon', en: 'Draft' },
  negotiation: { fr: 'En négociation', en: 'Under negotiation' },
  approvedByOffice: { fr: "Approuvée par l'organisme", en: 'Approved by the office' },
  approvedByDdo: { fr: 'Approuvée par la DDO', en: 'Approved by the DDO' },
  active: { fr: 'En vigueur', en: 'Active' },
  closed: { fr: 'Close', en: 'Closed' },
  terminated: { fr: 'Résiliée', en: 'Terminated' },
};

/** How an agreement values the effort: person-days at the daily rate table, or a flat amount. */
export const VALUATION_RULES = ['rateTable', 'flat'] as const;
export type ValuationRule = (typeof VALUATION_RULES)[number];
export const VALUATION_RULE_LABELS: Record<ValuationRule, Label> = {
  rateTable: { fr: 'Barème journalier par profil', en: 'Daily rate table by profile' },
  flat: { fr: 'Forfait', en: 'Flat amount' },
};

/** What the office commits to. */
export const AGREEMENT_COMMITMENTS = ['maintenance', 'support', 'club'] as const;
export type AgreementCommitment = (typeof AGREEMENT_COMMITMENTS)[number];
export const AGREEMENT_COMMITMENT_LABELS: Record<AgreementCommitment, Label> = {
  maintenance: { fr: 'Maintenance corrective et évolutive', en: 'Corrective and evolutive maintenance' },
  support: { fr: 'Support de niveau 2', en: 'Level-2 support' },
  club: { fr: 'Animation du club utilisateurs', en: 'User club animation' },
};

/** How often a statement is drawn up. */
export const STATEMENT_FREQUENCIES = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
export type StatementFrequency = (typeof STATEMENT_FREQUENCIES)[number];
export const STATEMENT_FREQUENCY_LABELS: Record<StatementFrequency, Label> = {
  monthly: { fr: 'Mensuel', en: 'Monthly' },
  quarterly: { fr: 'Trimestriel', en: 'Quarterly' },
  semiannual: { fr: 'Semestriel', en: 'Half-yearly' },
  annual: { fr: 'Annuel', en: 'Yearly' },
};

/** A statement is computed as a draft, then validated by the DDO (or withdrawn, to compute it again). */
export const STATEMENT_STATES = ['draft', 'validated', 'withdrawn'] as const;
export type StatementState = (typeof STATEMENT_STATES)[number];
export const STATEMENT_STATE_LABELS: Record<StatementState, Label> = {
  draft: { fr: 'Brouillon', en: 'Draft' },
  validated: { fr: 'Validé par la DDO', en: 'Validated by the DDO' },
  withdrawn: { fr: 'Retiré', en: 'Withdrawn' },
};

/** A month, AAAA-MM. */
export const MONTH_PATTERN = /^(19\d\d|20\d\d|2100)-(0[1-9]|1[0-2])$/;

/** Euros from cents, French style: 1 234,56 €. */
export const euros = (cents: number, language: 'fr' | 'en' = 'fr') =>
  new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
