import type { Role } from '../../../common/roles.ts';

/** The demo accounts, created only when MUTUALIS_DEMO is true, on an empty database. */
export const DEMO_ACCOUNTS: {
  email: string;
  displayName: string;
  organisationCode: string;
  roles: Role[];
  description: string;
}[] = [
  {
    email: 'admin@mutualis.demo',
    displayName: 'Alice Administratrice',
    organisationCode: 'CNAM-DDO',
    roles: ['admin'],
    description: 'Administrateur de la plateforme — DDO',
  },
  {
    email: 'agent.rhone@mutualis.demo',
    displayName: 'Antoine Martin',
    organisationCode: 'CPAM-69',
    roles: ['agent'],
    description: 'Agent — CPAM du Rhône',
  },
  {
    email: 'directeur.rhone@mutualis.demo',
    displayName: 'Sophie Lambert',
    organisationCode: 'CPAM-69',
    roles: ['officeDirector'],
    description: "Directrice d'organisme — CPAM du Rhône",
  },
  {
    email: 'dev.basrhin@mutualis.demo',
    displayName: 'Léa Schmitt',
    organisationCode: 'CPAM-67',
    roles: ['developer', 'referent'],
    description: 'Développeuse et référente SK PHP — CPAM du Bas-Rhin',
  },
  {
    email: 'directeur.basrhin@mutualis.demo',
    displayName: 'Bernard Muller',
    organisationCode: 'CPAM-67',
    roles: ['officeDirector'],
    description: "Directeur d'organisme — CPAM du Bas-Rhin",
  },
  {
    email: 'dev.marseille@mutualis.demo',
    displayName: 'Karim Benali',
    organisationCode: 'CPAM-13',
    roles: ['developer'],
    description: 'Développeur — CPAM des Bouches-du-Rhône',
  },
  {
    email: 'sponsor@mutualis.demo',
    displayName: 'Claire Dubois',
    organisationCode: 'CNAM-DDGOS',
    roles: ['sponsor'],
    description: 'Sponsor national (MOA) — DDGOS',
  },
  {
    email: 'ddsi@mutualis.demo',
    displayName: 'Nicolas Petit',
    organisationCode: 'CNAM-DDSI',
    roles: ['itDirectorate'],
    description: 'Direction des systèmes d’information — DDSI',
  },
  {
    email: 'ddo@mutualis.demo',
    displayName: 'Laurence Bernard',
    organisationCode: 'CNAM-DDO',
    roles: ['operationsDirectorate'],
    description: 'Direction déléguée aux opérations — DDO',
  },
  {
    email: 'comptable@mutualis.demo',
    displayName: 'Joël Garnier',
    organisationCode: 'CNAM-DDFC',
    roles: ['nationalAccountant'],
    description: 'Agent comptable national — DDFC/DC2R',
  },
  {
    email: 'gouvernance@mutualis.demo',
    displayName: 'Sophie Laurent',
    organisationCode: 'CNAM-DDO',
    roles: ['governanceBoard'],
    description: 'Instance de gouvernance — DDO',
  },
];
