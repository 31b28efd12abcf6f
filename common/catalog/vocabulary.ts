/**
 * The controlled vocabularies of an application. One definition, shared by the server (validation,
 * facets, import/export) and the web (forms, filters). Business domains are reference data loaded into the
 * database (server/db/reference/business-domains.json), not a code list.
 */
type Labels<T extends string> = Record<T, { fr: string; en: string }>;

export const TRACKS = [
  'labelling',
  'homologation',
  'nonStandard',
  'nationalParticipation',
  'notDeclared',
] as const;
export type Track = (typeof TRACKS)[number];
export const TRACK_LABELS: Labels<Track> = {
  labelling: { fr: 'Labellisation', en: 'Labelling' },
  homologation: { fr: 'Homologation', en: 'Homologation' },
  nonStandard: { fr: 'Hors standard', en: 'Non-standard' },
  nationalParticipation: { fr: 'Participation nationale', en: 'National participation' },
  notDeclared: { fr: 'Non déclarée', en: 'Not declared' },
};

export const CERTIFICATION_STATUSES = ['none', 'inProgress', 'labelled', 'homologated', 'withdrawn'] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];
export const CERTIFICATION_STATUS_LABELS: Labels<CertificationStatus> = {
  none: { fr: 'Aucune certification', en: 'None' },
  inProgress: { fr: 'Certification en cours', en: 'In progress' },
  labelled: { fr: 'Labellisée', en: 'Labelled' },
  homologated: { fr: 'Homologuée', en: 'Homologated' },
  withdrawn: { fr: 'Certification retirée', en: 'Withdrawn' },
};

export const LIFECYCLE_STAGES = ['inDevelopment', 'inProduction', 'deprecated', 'retired'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export const LIFECYCLE_STAGE_LABELS: Labels<LifecycleStage> = {
  inDevelopment: { fr: 'En développement', en: 'In development' },
  inProduction: { fr: 'En production', en: 'In production' },
  deprecated: { fr: 'En fin de vie', en: 'Deprecated' },
  retired: { fr: 'Retirée', en: 'Retired' },
};

export const HOSTINGS = ['amCloud', 'officeServer', 'other'] as const;
export type Hosting = (typeof HOSTINGS)[number];
export const HOSTING_LABELS: Labels<Hosting> = {
  amCloud: { fr: 'AM Cloud', en: 'AM Cloud' },
  officeServer: { fr: "Serveur de l'organisme", en: 'Office server' },
  other: { fr: 'Autre hébergement', en: 'Other hosting' },
};

export const CRITICALITY_CLASSES = ['low', 'moderate', 'high', 'critical'] as const;
export type CriticalityClass = (typeof CRITICALITY_CLASSES)[number];
export const CRITICALITY_LABELS: Labels<CriticalityClass> = {
  low: { fr: 'Faible', en: 'Low' },
  moderate: { fr: 'Modérée', en: 'Moderate' },
  high: { fr: 'Élevée', en: 'High' },
  critical: { fr: 'Critique', en: 'Critical' },
};

/** Maturity is a level from 1 (prototype) to 5 (industrialised), filled by the grids later. */
export const MATURITY_LEVELS = [1, 2, 3, 4, 5] as const;

export const PERSONAL_DATA_CATEGORIES = [
  'identity',
  'nir',
  'health',
  'financial',
  'professional',
  'contact',
  'location',
] as const;
export type PersonalDataCategory = (typeof PERSONAL_DATA_CATEGORIES)[number];
export const PERSONAL_DATA_CATEGORY_LABELS: Labels<PersonalDataCategory> = {
  identity: { fr: 'État civil, identité', en: 'Identity' },
  nir: { fr: 'NIR (numéro de sécurité sociale)', en: 'Social-security number (NIR)' },
  health: { fr: 'Données de santé', en: 'Health data' },
  financial: { fr: 'Données bancaires et financières', en: 'Financial data' },
  professional: { fr: 'Vie professionnelle', en: 'Professional data' },
  contact: { fr: 'Coordonnées', en: 'Contact details' },
  location: { fr: 'Localisation', en: 'Location' },
};

export const ATTACHMENT_KINDS = ['screenshot', 'document'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** Yes/no of the personal-data facet, as query values. */
export const PERSONAL_DATA_VALUES = ['yes', 'no'] as const;
export const PERSONAL_DATA_VALUE_LABELS: Labels<(typeof PERSONAL_DATA_VALUES)[number]> = {
  yes: { fr: 'Données personnelles traitées', en: 'Processes personal data' },
  no: { fr: 'Sans données personnelles', en: 'No personal data' },
};

/** The archived-sheets filter of the catalogue: with the others, or alone (absent: left out). */
export const ARCHIVED_FILTERS = ['include', 'only'] as const;
export type ArchivedFilter = (typeof ARCHIVED_FILTERS)[number];

export const SEARCH_SORTS = ['relevance', 'usage', 'name', 'updated'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const FACETS = [
  'domain',
  'track',
  'status',
  'lifecycle',
  'organisation',
  'region',
  'technology',
  'hosting',
  'personalData',
  'usedBy',
  'forge',
] as const;
export type Facet = (typeof FACETS)[number];
export const FACET_LABELS: Labels<Facet> = {
  domain: { fr: 'Domaine métier', en: 'Business domain' },
  track: { fr: 'Filière', en: 'Track' },
  status: { fr: 'Certification', en: 'Certification' },
  lifecycle: { fr: 'Cycle de vie', en: 'Lifecycle' },
  organisation: { fr: 'Organisme concepteur', en: 'Designer office' },
  region: { fr: 'Région', en: 'Region' },
  technology: { fr: 'Technologie', en: 'Technology' },
  hosting: { fr: 'Hébergement', en: 'Hosting' },
  personalData: { fr: 'Données personnelles', en: 'Personal data' },
  usedBy: { fr: 'Utilisée par', en: 'Used by' },
  forge: { fr: 'Forge et usine logicielle', en: 'Forge and software factory' },
};

/**
 * The « forge » facet: what the syncs of GitLab, Jenkins and the Composer repository say of a sheet
 * (server/modules/forge/forge-signals.ts) — its last build failed, its starter kit is behind the newest
 * tagged one, nothing moved on the forge or the factory for six months.
 */
export const FORGE_SIGNALS = ['buildFailing', 'starterKitBehind', 'inactive'] as const;
export type ForgeSignal = (typeof FORGE_SIGNALS)[number];
export const FORGE_SIGNAL_LABELS: Labels<ForgeSignal> = {
  buildFailing: { fr: 'Build en échec', en: 'Build failing' },
  starterKitBehind: { fr: 'Starter kit en retard', en: 'Starter kit outdated' },
  inactive: { fr: 'Inactive depuis 6 mois', en: 'Inactive for 6 months' },
};

/** Stable key of an application: what an inventory re-import matches on. */
export const APPLICATION_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,39}$/;

/** Tags the technology facet counts, derived from the application's technology fields. */
export function technologyTags(t: {
  php?: string | null;
  symfony?: string | null;
  starterKit?: string | null;
  psram?: string | null;
  database?: string | null;
  others?: readonly string[] | null;
}): string[] {
  const tags = [
    t.php ? `PHP ${t.php}` : null,
    t.symfony ? `Symfony ${t.symfony}` : null,
    t.starterKit ? `Starter Kit ${t.starterKit}` : null,
    t.psram ? `PSRAM ${t.psram}` : null,
    t.database ?? null,
    ...(t.others ?? []),
  ];
  return [...new Set(tags.filter((tag): tag is string => !!tag?.trim()).map((tag) => tag.trim()))];
}
