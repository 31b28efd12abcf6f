import type { OfferKind, ProjectPhase, SponsorshipState } from '../../../common/projects.ts';
import type { ProjectTrack } from '../../../common/tracks.ts';

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
const DIR67 = 'directeur.basrhin@mutualis.demo';
const DEV13 = 'dev.marseille@mutualis.demo';
const SPONSOR = 'sponsor@mutualis.demo';
const AGENT = 'agent.rhone@mutualis.demo';
const DDSI = 'ddsi@mutualis.demo';

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
  {
    title: 'Numérisation des pièces justificatives à l’accueil',
    need: 'Les pièces remises à l’accueil sont photocopiées puis scannées au back-office.',
    description: 'Application existante entrée en labellisation par la procédure transitoire.',
    domain: 'gestion-documentaire',
    holder: 'CTI-NE',
    track: 'labelling',
    phase: 'acceptance',
    developers: ['CTI-NE'],
    forge: true,
    amStore: true,
    transitional: 'NUMERISATION-PJ',
    sponsorship: {
      directorate: 'CNAM-DDGOS',
      state: 'accepted',
      daysAgo: 200,
      rationale: 'Procédure transitoire 2018.',
    },
    offers: [
      {
        office: 'CNR-64',
        kind: 'acceptanceTester',
        personDays: 25,
        state: 'accepted',
        message: 'Le centre de recette prend la campagne.',
      },
    ],
  },
  {
    title: 'Campagnes d’appels sortants',
    need: 'Les caisses appellent les assurés pour des campagnes de prévention sans outil commun.',
    description: 'Listes d’appel, scripts, résultats.',
    domain: 'relation-client',
    holder: 'CPAM-62-AR',
    track: 'homologation',
    phase: 'acceptance',
    developers: ['CPAM-62-AR'],
    forge: true,
    amStore: true,
    transitional: 'RAPPELS-SORTANTS',
    comments: [
      {
        author: DDSI,
        body: 'Exigences techniques AM Cloud vérifiées, reste la recette fonctionnelle.',
        daysAgo: 2,
      },
    ],
  },
  {
    title: 'Suivi des formations obligatoires',
    need: 'Le service formation relance à la main les agents dont la formation obligatoire expire.',
    description: 'Échéances et relances.',
    domain: 'ressources-humaines',
    holder: 'CPAM-67',
    track: 'nonStandard',
    phase: 'acceptance',
    developers: ['CPAM-67'],
  },
  {
    title: 'GesCongés 2 : soldes en temps réel',
    need: 'Les agents veulent voir leurs soldes de congés à jour dès la validation.',
    description: 'Nouvelle version livrée sur la fiche GESCONGES.',
    domain: 'ressources-humaines',
    holder: 'CPAM-69',
    track: 'homologation',
    phase: 'delivered',
    developers: ['CPAM-69'],
    forge: true,
    amStore: true,
    application: 'GESCONGES',
  },
  {
    title: 'Suivi des indus frauduleux',
    need: 'Le rapprochement des indus et des dossiers fraude se faisait dans deux outils.',
    description: 'Livré et labellisé : SUIVINDUS.',
    domain: 'comptabilite-finances',
    holder: 'CPAM-59-LD',
    track: 'labelling',
    phase: 'delivered',
    developers: ['CPAM-59-LD'],
    forge: true,
    amStore: true,
    application: 'SUIVINDUS',
    sponsorship: {
      directorate: 'CNAM-DDGOS',
      state: 'accepted',
      daysAgo: 400,
      rationale: 'Priorité lutte contre la fraude.',
    },
  },
  {
    title: 'Tableau de bord de production du Bas-Rhin',
    need: 'La direction voulait suivre ses stocks de dossiers chaque matin.',
    description: 'Livré : TDB-PRODUCTION.',
    domain: 'pilotage-statistiques',
    holder: 'CPAM-67',
    track: 'homologation',
    phase: 'delivered',
    developers: ['CPAM-67'],
    forge: true,
    application: 'TDB-PRODUCTION',
    comments: [
      { author: DIR67, body: 'Utilisé chaque matin par les managers. Merci à l’équipe !', daysAgo: 30 },
    ],
  },
  {
    title: 'Générateur de projets Starter Kit',
    need: 'Les développeurs du réseau créaient leurs projets à la main à partir du Starter Kit.',
    description: 'Intégré au SI national par la DDSI.',
    domain: 'informatique-outillage',
    holder: 'CPAM-67',
    track: 'nationalParticipation',
    phase: 'delivered',
    owningDirectorate: 'CNAM-DDSI',
    developers: ['CPAM-67'],
    sponsorship: {
      directorate: 'CNAM-DDSI',
      state: 'accepted',
      daysAgo: 500,
      rationale: 'Outillage de la communauté.',
    },
    contributions: [
      {
        person: 'Julien Lefèvre',
        office: 'CPAM-67',
        share: 40,
        from: '2025-01-06',
        to: '2025-12-19',
        role: 'Développeur Symfony',
      },
    ],
  },
  {
    title: 'Absences et congés de Marseille',
    need: 'Les formulaires papier d’absence se perdaient entre le service et les ressources humaines.',
    description: 'Livré pour le seul usage de la caisse : ABSENCES-CONGES.',
    domain: 'ressources-humaines',
    holder: 'CPAM-13',
    track: 'nonStandard',
    phase: 'delivered',
    developers: ['CPAM-13'],
    application: 'ABSENCES-CONGES',
  },
  {
    title: 'Signature électronique des courriers',
    need: 'Les courriers aux professionnels de santé sont signés à la main puis scannés.',
    description: 'Suspendu dans l’attente du marché national de signature.',
    domain: 'gestion-documentaire',
    holder: 'CPAM-67',
    track: 'homologation',
    phase: 'suspended',
    suspendedFrom: 'development',
    developers: ['CPAM-67'],
    forge: true,
    reason: 'En attente du marché national de signature électronique.',
  },
  {
    title: 'Portail des employeurs pour les attestations de salaire',
    need: 'Les employeurs envoient encore des attestations de salaire papier.',
    description: 'Suspendu : sponsor à retrouver après la réorganisation.',
    domain: 'prestations',
    holder: 'CPAM-13',
    track: 'labelling',
    phase: 'suspended',
    suspendedFrom: 'framing',
    developers: ['CPAM-13'],
    sponsorship: {
      directorate: 'CNAM-DRP',
      state: 'withdrawn',
      daysAgo: 150,
      rationale: 'Réorganisation de la direction.',
    },
    reason: 'Le sponsor a retiré son soutien : nouvelle demande à préparer.',
  },
  {
    title: 'Chatbot des questions de remboursement',
    need: 'Les questions simples de remboursement saturent le téléphone.',
    description: 'Abandonné : couvert par le projet national d’assistant en ligne.',
    domain: 'relation-client',
    holder: 'CPAM-67',
    track: 'labelling',
    phase: 'abandoned',
    sponsorship: {
      directorate: 'CNAM-DDGOS',
      state: 'declined',
      daysAgo: 60,
      rationale: 'Un assistant national est déjà en cours.',
    },
    reason: 'Besoin couvert par l’assistant national en ligne.',
  },
  {
    title: 'Suivi des stocks de fournitures du site',
    need: 'Les fournitures manquent régulièrement faute de suivi des stocks.',
    description: 'Abandonné : STOCKS-FOURNITURES d’Amiens répond au besoin.',
    domain: 'achats-logistique',
    holder: 'CPAM-13',
    track: 'nonStandard',
    phase: 'abandoned',
    reason: 'L’application STOCKS-FOURNITURES d’Amiens répond déjà au besoin : nous la demandons.',
  },
  {
    title: 'Prévention des chutes des personnes âgées',
    need: 'Les délégués de l’assurance maladie veulent cibler les assurés à risque de chute.',
    description: 'Ciblage et suivi des visites.',
    domain: 'gestion-du-risque',
    holder: 'CPAM-35',
    track: 'homologation',
    phase: 'needExpressed',
    offers: [
      { office: 'CPAM-13', kind: 'pilotSite', state: 'pending', message: 'Marseille peut être site pilote.' },
    ],
  },
];
