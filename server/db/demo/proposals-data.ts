import type { ProposalTransition } from '../../../common/lifecycles/proposal.ts';

/**
 * The demo's proposals answering the demo calls (seed-calls.ts), by call title: every state of the
 * proposal lifecycle, consistent with the state of its call — drafts and approvals only while a call
 * is open, the proposals of a decided call all selected or not, with the rationale —, and the scores
 * the named evaluators gave (each criterion of the call, in order; never a proposal of their own office).
 */

export const CALL = {
  appointments: 'Prise de rendez-vous en ligne pour l’accueil des assurés',
  fraud: 'Outils de lutte contre la fraude aux indemnités journalières en Grand Est',
  exchanges: 'Dématérialisation des échanges avec les établissements de santé',
  emails: 'Assistant de réponse aux courriels des assurés',
  medical: 'Suivi des contrôles médicaux des arrêts de travail',
  supplies: 'Gestion des stocks de fournitures des accueils',
  carpooling: 'Application de covoiturage des agents',
} as const;

const DDSI = 'ddsi@mutualis.demo';
const RHONE = 'directeur.rhone@mutualis.demo';
const BAS_RHIN = 'dev.basrhin@mutualis.demo';
const MARSEILLE = 'dev.marseille@mutualis.demo';

/** The evaluators each call's issuer named. */
export const EVALUATORS: Partial<Record<string, string[]>> = {
  [CALL.emails]: [DDSI, RHONE, BAS_RHIN],
  [CALL.medical]: [DDSI, BAS_RHIN],
  [CALL.supplies]: [RHONE, MARSEILLE],
};

/** The selection the issuer of the call under evaluation proposed: it waits for the governance board. */
export const PROPOSED_SELECTION = {
  call: CALL.emails,
  rationale:
    'La proposition du Bas-Rhin arrive en tête des évaluations ; elle est retenue, les autres caisses sont invitées à y contribuer.',
};

export interface DemoProposal {
  call: string;
  office: string;
  /** Who prepared it (a demo account of the office); none for an office without one. */
  author?: string;
  title: string;
  approach: string;
  team: string;
  effortDays: number;
  /** The transitions it went through, in order (the director of the office submits). */
  steps: ProposalTransition[];
  /** Why it was withdrawn, or why it was selected or not. */
  reason?: string;
  /** Selected or not in the selection the issuer proposed (the call under evaluation). */
  proposedChoice?: boolean;
  partners?: { office: string; confirmedBy?: string }[];
  reuses?: string[];
  /** By evaluator: a score per criterion, and what they wrote. */
  scores?: Record<string, [number[], string]>;
}

export const DEMO_PROPOSALS: DemoProposal[] = [
  {
    call: CALL.appointments,
    office: 'CPAM-67',
    author: BAS_RHIN,
    title: 'Rendez-vous accueil, étendu à tout le réseau',
    approach:
      '## Démarche\n\nReprendre **Rendez-vous accueil**, en production au Bas-Rhin, et le rendre paramétrable par caisse (sites, motifs, créneaux).',
    team: 'Deux développeurs de la caisse, une cheffe de projet, le responsable de l’accueil comme référent métier.',
    effortDays: 420,
    steps: ['requestApproval'],
    partners: [{ office: 'CPAM-68' }],
    reuses: ['RDV-ACCUEIL'],
  },
  {
    call: CALL.appointments,
    office: 'CPAM-13',
    author: MARSEILLE,
    title: 'Agenda d’accueil partagé entre les sites',
    approach: 'Un agenda commun aux sites de la caisse, ouvert aux assurés depuis leur compte.',
    team: 'Un développeur, un agent de l’accueil à mi-temps.',
    effortDays: 300,
    steps: [],
    reuses: ['AGENDA-ACCUEIL'],
  },
  {
    call: CALL.appointments,
    office: 'CPAM-69',
    author: RHONE,
    title: 'File d’attente et rendez-vous dans une même application',
    approach:
      'Fusionner la gestion de la file d’attente et la prise de rendez-vous : un seul outil pour l’accueil, un seul écran pour le conseiller.',
    team: 'Trois développeurs du pôle applicatif, un chef de projet.',
    effortDays: 550,
    steps: ['submit'],
    reuses: ['FILE-ATTENTE'],
  },
  {
    call: CALL.appointments,
    office: 'CPAM-59-LD',
    title: 'Rendez-vous confirmés par SMS',
    approach: 'Un module de rappel par SMS branché sur les agendas existants.',
    team: 'Un développeur.',
    effortDays: 60,
    steps: ['submit', 'withdraw'],
    reason: 'La caisse rejoint la proposition de la CPAM du Rhône plutôt que de porter la sienne.',
  },
  {
    call: CALL.fraud,
    office: 'CPAM-57',
    title: 'Requêtes de détection partagées entre les caisses du Grand Est',
    approach:
      'Une bibliothèque de requêtes de détection, versionnée, exécutée sur les extractions de chaque caisse.',
    team: 'Deux agents du service fraude, un développeur.',
    effortDays: 110,
    steps: ['submit'],
    reuses: ['SIGNALEMENTS-FRAUDE'],
  },
  {
    call: CALL.fraud,
    office: 'CPAM-54',
    title: 'Ciblage des arrêts de travail répétitifs',
    approach: 'Étendre l’outil de ciblage des indemnités journalières aux arrêts répétitifs.',
    team: 'Un développeur, un médecin-conseil référent.',
    effortDays: 90,
    steps: [],
    reuses: ['CIBLAGE-IJ'],
  },
  {
    call: CALL.exchanges,
    office: 'CPAM-69',
    author: RHONE,
    title: 'Portail d’échange sécurisé avec les établissements',
    approach:
      'Un portail où les établissements déposent et reçoivent leurs pièces, avec accusé de réception.',
    team: 'Trois développeurs, une cheffe de projet, deux établissements pilotes.',
    effortDays: 380,
    steps: ['submit'],
  },
  {
    call: CALL.exchanges,
    office: 'CPAM-13',
    author: MARSEILLE,
    title: 'Échanges dématérialisés par la messagerie sécurisée de santé',
    approach: 'S’appuyer sur la messagerie sécurisée de santé plutôt que sur un portail de plus.',
    team: 'Deux développeurs.',
    effortDays: 260,
    steps: ['requestApproval', 'submit'],
  },
  {
    call: CALL.exchanges,
    office: 'CPAM-33',
    title: 'Dépôt de pièces par les établissements',
    approach: 'Un formulaire de dépôt de pièces, sans compte pour l’établissement.',
    team: 'Un développeur.',
    effortDays: 120,
    steps: ['submit', 'withdraw'],
    reason: 'Le formulaire ne répond pas au besoin de retour vers les établissements ; la caisse se retire.',
  },
  {
    call: CALL.emails,
    office: 'CPAM-67',
    author: BAS_RHIN,
    title: 'Assistant de rédaction relu par les conseillers',
    approach:
      'Proposer au conseiller un projet de réponse tiré des réponses types, qu’il relit et signe ; rien ne part sans lui.',
    team: 'Deux développeurs, une conseillère de la plateforme téléphonique, la référente SK PHP.',
    effortDays: 280,
    steps: ['requestApproval', 'submit'],
    proposedChoice: true,
    reuses: ['COURRIERS-TYPES'],
    scores: {
      [DDSI]: [[5, 4, 4, 4], 'Démarche sobre, la relecture par le conseiller rassure.'],
      [RHONE]: [[4, 5, 4, 3], 'Réutilisable tel quel par notre plateforme.'],
    },
  },
  {
    call: CALL.emails,
    office: 'CPAM-13',
    author: MARSEILLE,
    title: 'Classement des courriels et modèles de réponse',
    approach: 'Classer les courriels entrants par motif et proposer le modèle de réponse correspondant.',
    team: 'Un développeur, un agent de la plateforme.',
    effortDays: 200,
    steps: ['requestApproval', 'submit'],
    proposedChoice: false,
    reuses: ['SUIVI-RECLAMATIONS'],
    scores: {
      [DDSI]: [[3, 3, 2, 4], 'Utile, mais l’équipe est juste pour le calendrier.'],
      [RHONE]: [[4, 3, 2, 4], 'Le classement par motif nous intéresse.'],
      [BAS_RHIN]: [[3, 4, 3, 4], 'Bonne base, à rapprocher de la proposition du Bas-Rhin.'],
    },
  },
  {
    call: CALL.emails,
    office: 'CPAM-44',
    title: 'Tri automatique des courriels par motif',
    approach: 'Un tri automatique des courriels, sans aide à la rédaction.',
    team: 'Un développeur.',
    effortDays: 150,
    steps: ['submit'],
    proposedChoice: false,
    scores: {
      [DDSI]: [[2, 3, 3, 5], 'Peu coûteux, mais répond à une partie du besoin seulement.'],
      [RHONE]: [[2, 2, 3, 4], 'Le tri seul ne soulage pas les conseillers.'],
      [BAS_RHIN]: [[3, 2, 3, 4], 'Trop partiel.'],
    },
  },
  {
    call: CALL.emails,
    office: 'CPAM-31',
    title: 'Réponses types aux courriels des assurés',
    approach: 'Une base de réponses types partagée.',
    team: 'Un développeur à mi-temps.',
    effortDays: 80,
    steps: ['submit', 'withdraw'],
    reason: 'La caisse n’a plus de développeur disponible cette année.',
  },
  {
    call: CALL.medical,
    office: 'CPAM-69',
    author: RHONE,
    title: 'Suivi partagé des contrôles des arrêts de travail',
    approach:
      'Reprendre **Contrôle des arrêts de travail** et l’ouvrir aux DRSM : un dossier de contrôle commun.',
    team: 'Trois développeurs, un médecin-conseil de la DRSM, une cheffe de projet.',
    effortDays: 180,
    steps: ['submit', 'select'],
    reason:
      'Retenue : la reprise d’une application en production réduit le risque ; la CPAM du Rhône pilote.',
    reuses: ['CONTROLE-AT'],
    scores: {
      [DDSI]: [[5, 5, 4, 4], 'Application éprouvée, reprise simple.'],
      [BAS_RHIN]: [[4, 5, 4, 4], 'Nous la reprendrions volontiers.'],
    },
  },
  {
    call: CALL.medical,
    office: 'CPAM-13',
    author: MARSEILLE,
    title: 'Tableau de bord commun des contrôles DRSM et caisses',
    approach: 'Un tableau de bord des contrôles en cours et de leurs suites, partagé entre DRSM et caisses.',
    team: 'Deux développeurs, un statisticien.',
    effortDays: 90,
    steps: ['requestApproval', 'submit', 'select'],
    reason:
      'Retenue : le tableau de bord complète le suivi du Rhône ; la CPAM des Bouches-du-Rhône est caisse pilote.',
    scores: {
      [DDSI]: [[4, 4, 4, 5], 'Complément utile au suivi des dossiers.'],
      [BAS_RHIN]: [[4, 4, 3, 5], 'Indicateurs bien choisis.'],
    },
  },
  {
    call: CALL.medical,
    office: 'CPAM-62-AR',
    title: 'Ciblage des contrôles par score de risque',
    approach: 'Un score de risque pour choisir les arrêts à contrôler.',
    team: 'Un développeur, un statisticien.',
    effortDays: 160,
    steps: ['submit', 'reject'],
    reason:
      'Non retenue : le ciblage relève du projet national de la DDGOS déjà engagé ; la proposition ne couvre pas le suivi des contrôles.',
    scores: {
      [DDSI]: [[3, 2, 3, 3], 'Hors du périmètre de l’appel pour l’essentiel.'],
      [BAS_RHIN]: [[2, 3, 3, 3], 'Intéressant, mais c’est un autre besoin.'],
    },
  },
  {
    call: CALL.medical,
    office: 'CPAM-59-LD',
    title: 'Application mobile des médecins-conseils',
    approach: 'Une application mobile pour saisir les conclusions de contrôle au cabinet.',
    team: 'Deux développeurs.',
    effortDays: 240,
    steps: ['submit', 'reject'],
    reason:
      'Non retenue : une application mobile dépasse l’enveloppe et suppose des terminaux que les DRSM n’ont pas.',
    scores: {
      [DDSI]: [[3, 2, 2, 1], 'Coût d’hébergement et de terminaux élevé.'],
      [BAS_RHIN]: [[3, 2, 2, 2], 'Ambitieux pour l’enveloppe.'],
    },
  },
  {
    call: CALL.supplies,
    office: 'CPAM-67',
    author: BAS_RHIN,
    title: 'Stocks de fournitures des accueils, version régionale',
    approach: 'Reprendre **Stocks de fournitures** et l’ouvrir aux caisses du Grand Est, un stock par site.',
    team: 'Une développeuse, un gestionnaire des moyens généraux.',
    effortDays: 25,
    steps: ['requestApproval', 'submit', 'select'],
    reason: 'Retenue : la CPAM du Bas-Rhin porte le projet, sur la base de son application existante.',
    reuses: ['STOCKS-FOURNITURES'],
    scores: {
      [RHONE]: [[4, 5, 4, 5], 'Simple et déjà en service.'],
      [MARSEILLE]: [[4, 4, 5, 5], 'Reprise immédiate possible.'],
    },
  },
  {
    call: CALL.supplies,
    office: 'CPAM-88',
    title: 'Commandes de fournitures en ligne',
    approach: 'Un bon de commande en ligne, relié au marché régional des fournitures.',
    team: 'Un développeur.',
    effortDays: 35,
    steps: ['submit', 'reject'],
    reason:
      'Non retenue : les commandes passent déjà par l’outil des marchés ; le besoin est le suivi des stocks.',
    scores: {
      [RHONE]: [[3, 3, 3, 4], 'Recoupe un outil existant.'],
      [MARSEILLE]: [[2, 3, 3, 4], 'Répond à côté du besoin.'],
    },
  },
  {
    call: CALL.carpooling,
    office: 'CPAM-13',
    author: MARSEILLE,
    title: 'Covoiturage entre les sites de la caisse',
    approach: 'Mettre en relation les agents d’un même site selon leurs horaires.',
    team: 'Un développeur.',
    effortDays: 40,
    steps: ['withdraw'],
    reason: 'L’appel est annulé : la proposition n’a plus d’objet.',
  },
];
