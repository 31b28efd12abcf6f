/** Types of organisation in the network and the French regions they belong to. */
export const ORGANISATION_TYPES = [
  'cpam',
  'cgss',
  'css',
  'drsm',
  'cti',
  'carsat',
  'cramif',
  'ugecam',
  'national',
  'nationalCentre',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, { fr: string; en: string }> = {
  cpam: { fr: "CPAM — Caisse primaire d'assurance maladie", en: 'CPAM — primary health-insurance fund' },
  cgss: {
    fr: 'CGSS — Caisse générale de sécurité sociale',
    en: 'CGSS — overseas general social-security fund',
  },
  css: { fr: 'CSS — Caisse de sécurité sociale', en: 'CSS — social-security fund' },
  drsm: { fr: 'DRSM — Direction régionale du service médical', en: 'DRSM — regional medical service' },
  cti: { fr: 'CTI — Centre de traitement informatique', en: 'CTI — IT processing centre' },
  carsat: {
    fr: "CARSAT — Caisse d'assurance retraite et de la santé au travail",
    en: 'CARSAT — pension and occupational-health fund',
  },
  cramif: {
    fr: "CRAMIF — Caisse régionale d'assurance maladie d'Île-de-France",
    en: 'CRAMIF — Île-de-France regional fund',
  },
  ugecam: {
    fr: "UGECAM — Union pour la gestion des établissements des caisses d'assurance maladie",
    en: 'UGECAM — health-care facilities union',
  },
  national: { fr: 'Cnam — direction nationale', en: 'Cnam — national directorate' },
  nationalCentre: { fr: 'Centre national', en: 'National centre' },
};

export const REGIONS = [
  'auvergne-rhone-alpes',
  'bourgogne-franche-comte',
  'bretagne',
  'centre-val-de-loire',
  'corse',
  'grand-est',
  'hauts-de-france',
  'ile-de-france',
  'normandie',
  'nouvelle-aquitaine',
  'occitanie',
  'pays-de-la-loire',
  'provence-alpes-cote-d-azur',
  'guadeloupe',
  'martinique',
  'guyane',
  'la-reunion',
  'mayotte',
  'national',
] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_LABELS: Record<Region, string> = {
  'auvergne-rhone-alpes': 'Auvergne-Rhône-Alpes',
  'bourgogne-franche-comte': 'Bourgogne-Franche-Comté',
  bretagne: 'Bretagne',
  'centre-val-de-loire': 'Centre-Val de Loire',
  corse: 'Corse',
  'grand-est': 'Grand Est',
  'hauts-de-france': 'Hauts-de-France',
  'ile-de-france': 'Île-de-France',
  normandie: 'Normandie',
  'nouvelle-aquitaine': 'Nouvelle-Aquitaine',
  occitanie: 'Occitanie',
  'pays-de-la-loire': 'Pays de la Loire',
  'provence-alpes-cote-d-azur': "Provence-Alpes-Côte d'Azur",
  guadeloupe: 'Guadeloupe',
  martinique: 'Martinique',
  guyane: 'Guyane',
  'la-reunion': 'La Réunion',
  mayotte: 'Mayotte',
  national: 'National',
};
