import type { GridContent } from '../../../../common/schemas/evaluation-grid.ts';

/**
 * The criticality profile and the maturity rules the three seed grids share (letter §2.2.2: « respecter
 * les exigences de maturité et de criticité »). Criticality follows the personal data processed, the
 * number of users, the connection to the national information system and the interruption tolerated.
 */
export const SEED_PROFILE: GridContent['profile'] = [
  {
    code: 'DONNEES',
    question: "Quelles données personnelles l'application traite-t-elle ?",
    options: [
      { value: 'AUCUNE', label: 'Aucune donnée personnelle', points: 0, atLeast: null },
      {
        value: 'AGENTS',
        label: 'Données des agents (annuaire, planning, formation)',
        points: 2,
        atLeast: null,
      },
      {
        value: 'ASSURES',
        label: 'Données des assurés ou des professionnels de santé',
        points: 3,
        atLeast: 'moderate',
      },
      { value: 'SANTE', label: 'Données de santé ou NIR', points: 5, atLeast: 'high' },
    ],
  },
  {
    code: 'UTILISATEURS',
    question: "Combien d'agents l'utiliseront dans le réseau ?",
    options: [
      { value: 'MOINS-50', label: 'Moins de 50', points: 0, atLeast: null },
      { value: '50-500', label: 'De 50 à 500', points: 1, atLeast: null },
      { value: 'PLUS-500', label: 'Plus de 500', points: 2, atLeast: null },
    ],
  },
  {
    code: 'SI-NATIONAL',
    question: "L'application est-elle connectée au système d'information national ?",
    options: [
      { value: 'NON', label: 'Non', points: 0, atLeast: null },
      { value: 'LECTURE', label: 'En lecture (extractions, consultations)', points: 2, atLeast: null },
      {
        value: 'ECRITURE',
        label: 'En écriture (mise à jour de données nationales)',
        points: 4,
        atLeast: 'high',
      },
    ],
  },
  {
    code: 'INTERRUPTION',
    question: "Quelle interruption de service l'activité tolère-t-elle ?",
    options: [
      { value: 'SEMAINE', label: "Plus d'une semaine", points: 0, atLeast: null },
      { value: 'JOUR', label: 'Une journée', points: 1, atLeast: null },
      { value: 'HEURES', label: 'Moins de quatre heures', points: 3, atLeast: null },
    ],
  },
];

export const SEED_RULES: GridContent['rules'] = {
  maturity: [
    { level: 1, mandatoryMet: 0, recommendedMet: 0 },
    { level: 2, mandatoryMet: 50, recommendedMet: 0 },
    { level: 3, mandatoryMet: 80, recommendedMet: 30 },
    { level: 4, mandatoryMet: 100, recommendedMet: 50 },
    { level: 5, mandatoryMet: 100, recommendedMet: 80 },
  ],
  criticality: [
    { class: 'low', minPoints: 0 },
    { class: 'moderate', minPoints: 3 },
    { class: 'high', minPoints: 7 },
    { class: 'critical', minPoints: 11 },
  ],
};

export const AM_CLOUD_SECTION_TITLE = "Exigences techniques DDSI pour l'hébergement sur l'AM Cloud";

type Requirement = GridContent['sections'][number]['requirements'][number];

/** The first technical requirement of AM Cloud hosting (letter §2.1.3), the same in both tracks' grids. */
export const multiTenant = (tracks: Requirement['tracks']): Requirement => ({
  code: 'TEC-01',
  text: 'Une seule instance et une seule base de données servent plusieurs organismes (multi-organismes), sans instanciation de bases multiples.',
  tracks,
  level: 'mandatory',
  evidence:
    "Schéma de données montrant l'organisme porté par chaque donnée, démonstration à deux organismes.",
  verification: 'demonstration',
});
