import type { OfferKind, ProjectPhase, SponsorshipState } from '../../../common/projects.ts';
import type { ProjectTrack } from '../../../common/tracks.ts';
import { DEMO_PROJECTS_LATER } from './projects-data-later.ts';

/**
 * The demo projects in progress: every track and every phase, held mostly by the offices of the demo
 * accounts (CPAM-67 and CPAM-13) so that they can act on them, sponsored by the DDGOS of the demo sponsor,
 * and tied to the demo catalogue (the sheet a delivery updated, the existing application of §2.4).
 * Comment authors are demo accounts, by e-mail.
 */
export interface DemoProject {
  title: string;
  need: string;
  description: string;
  domain: string;
  holder: string;
  track: ProjectTrack;
  phase: ProjectPhase;
  /** Where a suspended project resumes. */
  suspendedFrom?: 'needExpressed' | 'framing' | 'development' | 'acceptance';
  developers?: string[];
  pilots?: string[];
  forge?: boolean;
  amStore?: boolean;
  sponsorship?: { directorate: string; state: SponsorshipState; daysAgo: number; rationale?: string };
  owningDirectorate?: string;
  /** The catalogue sheet (code) a delivery created or updated, or the existing application of §2.4. */
  application?: string;
  transitional?: string;
  offers?: {
    office: string;
    kind: OfferKind;
    personDays?: number;
    state: 'pending' | 'accepted' | 'declined';
    message: string;
  }[];
  comments?: { author: string; body: string; daysAgo: number }[];
  contributions?: {
    person: string;
    office: string;
    share: number;
    from: string;
    to?: string;
    role: string;
  }[];
  reason?: string;
}

const DEV67 = 'dev.basrhin@mutualis.demo';
const DEV13 = 'dev.marseille@mutualis.demo';
const SPONSOR = 'sponsor@mutualis.demo';
const AGENT = 'agent.rhone@mutualis.demo';

/** The demo projects: the first ones here, the others in projects-data-later.ts (one file would be over 400 lines). */
export const DEMO_PROJECTS: DemoProject[] = [
  {
    title: 'Rendez-vous en ligne pour les assurés',
    need: "Les assurés ne peuvent prendre rendez-vous qu'au téléphone : l'accueil veut leur ouvrir un agenda en ligne, relié aux plannings des conseillers.",
    description: '## Périmètre\n\n- prise de rendez-vous sur le compte ameli\n- rappel par SMS la veille',
    domain: 'relation-client',
    holder: 'CPAM-67',
    track: 'labelling',
    phase: 'needExpressed',
    sponsorship: { directorate: 'CNAM-DDGOS', state: 'pending', daysAgo: 12 },
    comments: [{ author: AGENT, body: "À Lyon l'accueil attend ça depuis longtemps.", daysAgo: 3 }],
  },
  {
    title: 'Tableau de bord des délais de paiement des IJ',
    need: 'Les managers des prestations veulent suivre chaque jour les délais de paiement des indemnités journalières par équipe.',
    description: 'Indicateurs quotidiens, alertes sur les dossiers de plus de 30 jours.',
    domain: 'pilotage-statistiques',
    holder: 'CPAM-13',
    track: 'homologation',
    phase: 'needExpressed',
    offers: [
      {
        office: 'CPAM-67',
        kind: 'developerCapacity',
        personDays: 30,
        state: 'pending',
        message: 'Notre équipe a déjà fait TDB-PRODUCTION, nous pouvons aider.',
      },
    ],
  },
  {
    title: 'Suivi des demandes de matériel des agents',
    need: 'Les demandes de fauteuils, écrans et casques passent par courriel et se perdent.',
    description: 'Un formulaire et un suivi pour la logistique.',
    domain: 'achats-logistique',
    holder: 'CPAM-67',
    track: 'nonStandard',
    phase: 'needExpressed',
  },
  {
    title: 'Orientation des appels entrants par motif',
    need: "La plateforme téléphonique veut orienter les appels selon le motif déclaré par l'assuré, avant qu'un conseiller décroche.",
    description: 'Participation au projet national de la DDGOS.',
    domain: 'relation-client',
    holder: 'CPAM-13',
    track: 'nationalParticipation',
    phase: 'needExpressed',
    owningDirectorate: 'CNAM-DDGOS',
    sponsorship: { directorate: 'CNAM-DDGOS', state: 'pending', daysAgo: 4 },
  },
  {
    title: 'Gestion des habilitations aux applications locales',
    need: 'Chaque caisse gère à la main qui a accès à quelle application locale ; les départs ne sont pas toujours retirés.',
    description: 'Un référentiel commun des habilitations, relié à l’annuaire.',
    domain: 'informatique-outillage',
    holder: 'CPAM-67',
    track: 'labelling',
    phase: 'framing',
    developers: ['CPAM-67'],
    forge: true,
    sponsorship: { directorate: 'CNAM-DDGOS', state: 'pending', daysAgo: 21 },
    offers: [
      {
        office: 'CTI-RA',
        kind: 'acceptanceTester',
        personDays: 15,
        state: 'pending',
        message: 'Nous recetterons avec notre équipe habilitations.',
      },
    ],
  },
  {
    title: 'Réservation des véhicules de service',
    need: 'Les agents itinérants réservent les véhicules sur un tableau papier à l’accueil du site.',
    description: 'Réservation, remise des clés, kilométrage.',
    domain: 'achats-logistique',
    holder: 'CPAM-13',
    track: 'homologation',
    phase: 'framing',
    developers: ['CPAM-13'],
    pilots: ['CPAM-06'],
  },
  {
    title: 'Suivi des recours contre tiers responsables',
    need: 'Le service recours contre tiers veut suivre ses dossiers et ses échéances sans tableur partagé.',
    description: 'Reprise du besoin couvert par RECOURS-TIERS, cadrage en cours.',
    domain: 'juridique-contentieux',
    holder: 'CPAM-67',
    track: 'nonStandard',
    phase: 'framing',
    developers: ['CPAM-67'],
    comments: [
      {
        author: DEV13,
        body: 'Avez-vous regardé RECOURS-TIERS de Rouen ? Il fait peut-être déjà ce qu’il vous faut.',
        daysAgo: 6,
      },
    ],
  },
  {
    title: 'Indicateurs nationaux de la complémentaire santé solidaire',
    need: 'La DDGOS veut des indicateurs communs de délai d’instruction de la C2S, alimentés par les caisses.',
    description: 'Participation de développeurs locaux au chantier national.',
    domain: 'prestations',
    holder: 'CPAM-67',
    track: 'nationalParticipation',
    phase: 'framing',
    owningDirectorate: 'CNAM-DDGOS',
    developers: ['CPAM-67'],
    sponsorship: {
      directorate: 'CNAM-DDGOS',
      state: 'accepted',
      daysAgo: 40,
      rationale: 'Chantier prioritaire 2027.',
    },
    contributions: [
      { person: 'Claire Durand', office: 'CPAM-67', share: 50, from: '2026-10-01', role: 'Développeuse PHP' },
    ],
  },
  {
    title: 'Éditique des notifications de pension d’invalidité',
    need: 'Les notifications de pension d’invalidité sont rédigées à la main ; les caisses veulent des modèles communs.',
    description: 'Modèles, fusion, archivage.',
    domain: 'gestion-documentaire',
    holder: 'CPAM-67',
    track: 'labelling',
    phase: 'development',
    developers: ['CPAM-67', 'CPAM-13'],
    forge: true,
    amStore: true,
    sponsorship: {
      directorate: 'CNAM-DDGOS',
      state: 'accepted',
      daysAgo: 90,
      rationale: 'Besoin national confirmé par le comité.',
    },
    offers: [
      {
        office: 'CPAM-13',
        kind: 'developerCapacity',
        personDays: 40,
        state: 'accepted',
        message: 'Un développeur à mi-temps sur six mois.',
      },
      {
        office: 'CPAM-35',
        kind: 'pilotSite',
        state: 'pending',
        message: 'Rennes peut piloter dès la première version.',
      },
    ],
    comments: [
      { author: DEV67, body: 'Première itération livrée sur la forge : **modèles** et fusion.', daysAgo: 10 },
      { author: SPONSOR, body: 'Merci, la DDGOS suivra la démonstration du mois prochain.', daysAgo: 8 },
    ],
  },
  {
    title: 'Accueil des nouveaux arrivants',
    need: 'Les nouveaux arrivants attendent leurs accès et leur matériel plusieurs jours.',
    description: 'Parcours d’arrivée, tâches des services, suivi.',
    domain: 'ressources-humaines',
    holder: 'CPAM-13',
    track: 'homologation',
    phase: 'development',
    developers: ['CPAM-13'],
    forge: true,
    amStore: true,
    offers: [
      {
        office: 'CPAM-33',
        kind: 'coFunder',
        personDays: 20,
        state: 'declined',
        message: 'Nous avons ONBOARDING, fusionnons ?',
      },
    ],
  },
  {
    title: 'Planning des permanences de l’accueil',
    need: 'Le planning des permanences de l’accueil est tenu dans un tableur partagé.',
    description: 'Pour le seul usage du site de Strasbourg.',
    domain: 'relation-client',
    holder: 'CPAM-67',
    track: 'nonStandard',
    phase: 'development',
    developers: ['CPAM-67'],
  },
  {
    title: 'Référentiel national des partenaires sociaux',
    need: 'Les caisses tiennent chacune leur liste des partenaires de l’action sociale.',
    description: 'Intégration au SI national, développeurs du réseau mis à disposition.',
    domain: 'gestion-du-risque',
    holder: 'CPAM-13',
    track: 'nationalParticipation',
    phase: 'development',
    owningDirectorate: 'CNAM-DDGOS',
    developers: ['CPAM-13'],
    sponsorship: {
      directorate: 'CNAM-DDGOS',
      state: 'accepted',
      daysAgo: 120,
      rationale: 'Inscrit à la feuille de route.',
    },
    contributions: [
      {
        person: 'Karim Moreau',
        office: 'CPAM-13',
        share: 80,
        from: '2026-03-01',
        to: '2027-02-28',
        role: 'Développeur',
      },
      { person: 'Sophie Roux', office: 'CPAM-06', share: 30, from: '2026-05-01', role: 'Analyste' },
    ],
  },
  ...DEMO_PROJECTS_LATER,
];
