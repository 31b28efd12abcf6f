import type { DeploymentState } from '../../../common/store/vocabulary.ts';

/** The demo's deployment requests and reviews (seed-store.ts writes them). */
/** Who fires each step, and the state it reaches (the lifecycle's main line). */
export const PATH: {
  transition: string;
  to: DeploymentState;
  by: 'requester' | 'director' | 'ddsi' | 'system';
}[] = [
  { transition: 'submit', to: 'submitted', by: 'requester' },
  { transition: 'approve', to: 'approved', by: 'director' },
  { transition: 'validate', to: 'validated', by: 'ddsi' },
  { transition: 'startProvisioning', to: 'provisioning', by: 'system' },
  { transition: 'makeAvailable', to: 'available', by: 'system' },
];
/** How a request off the main line ended: from which state, by whom, with which words. */
export const ENDINGS: Partial<
  Record<
    DeploymentState,
    {
      from: DeploymentState;
      transition: string;
      by: 'requester' | 'director' | 'ddsi' | 'system';
      input: Record<string, string | boolean>;
    }
  >
> = {
  returned: {
    from: 'submitted',
    transition: 'returnByDirector',
    by: 'director',
    input: { reason: 'Précisez le nombre d’agents concernés par service.' },
  },
  refused: {
    from: 'approved',
    transition: 'refuseByDdsi',
    by: 'ddsi',
    input: { reason: 'Capacité de l’instance atteinte jusqu’à la montée de version de mars.' },
  },
  cancelled: {
    from: 'submitted',
    transition: 'cancel',
    by: 'requester',
    input: { comment: 'Besoin couvert par une autre application.' },
  },
  suspended: {
    from: 'available',
    transition: 'suspend',
    by: 'ddsi',
    input: { reason: 'Correctif de sécurité à appliquer par l’organisme avant la remise en service.' },
  },
  removed: {
    from: 'available',
    transition: 'remove',
    by: 'ddsi',
    input: { reason: 'Remplacée par l’outil national de gestion du parc.', exportData: true },
  },
  provisioningFailed: {
    from: 'provisioning',
    transition: 'failProvisioning',
    by: 'system',
    input: { reason: 'La plateforme AM Cloud signale un échec : quota de bases atteint' },
  },
};

/** Fourteen requests (with the cancelled one below, fifteen) in every state: application, office, requester, state, days since it was created. */
export const DEMO_REQUESTS: {
  app: string;
  office: string;
  requester: string;
  state: DeploymentState;
  daysAgo: number;
  users: number;
}[] = [
  {
    app: 'TDB-PRODUCTION',
    office: 'CPAM-69',
    requester: 'agent.rhone@mutualis.demo',
    state: 'available',
    daysAgo: 170,
    users: 60,
  },
  {
    app: 'RDV-ACCUEIL',
    office: 'CPAM-67',
    requester: 'dev.basrhin@mutualis.demo',
    state: 'available',
    daysAgo: 160,
    users: 120,
  },
  {
    app: 'RESERVATION-SALLES',
    office: 'CPAM-13',
    requester: 'dev.marseille@mutualis.demo',
    state: 'available',
    daysAgo: 150,
    users: 900,
  },
  {
    // A second office on the instance of RDV-ACCUEIL: the costs dashboard shows how it is shared.
    app: 'RDV-ACCUEIL',
    office: 'CPAM-13',
    requester: 'dev.marseille@mutualis.demo',
    state: 'available',
    daysAgo: 120,
    users: 40,
  },
  {
    app: 'HABILITATIONS',
    office: 'CPAM-67',
    requester: 'dev.basrhin@mutualis.demo',
    state: 'provisioning',
    daysAgo: 6,
    users: 450,
  },
  {
    app: 'TELETRAVAIL',
    office: 'CPAM-13',
    requester: 'dev.marseille@mutualis.demo',
    state: 'validated',
    daysAgo: 8,
    users: 700,
  },
  {
    app: 'FILE-ATTENTE',
    office: 'CPAM-69',
    requester: 'agent.rhone@mutualis.demo',
    state: 'approved',
    daysAgo: 10,
    users: 35,
  },
  {
    app: 'CONTROLE-INTERNE',
    office: 'CPAM-67',
    requester: 'dev.basrhin@mutualis.demo',
    state: 'suspended',
    daysAgo: 140,
    users: 25,
  },
  {
    app: 'RAPPROCHEMENT-BANCAIRE',
    office: 'CPAM-67',
    requester: 'dev.basrhin@mutualis.demo',
    state: 'submitted',
    daysAgo: 3,
    users: 18,
  },
  {
    app: 'INVENTAIRE-PARC',
    office: 'CPAM-69',
    requester: 'agent.rhone@mutualis.demo',
    state: 'removed',
    daysAgo: 130,
    users: 12,
  },
  {
    app: 'EDITIQUE-COURRIERS',
    office: 'CPAM-13',
    requester: 'dev.marseille@mutualis.demo',
    state: 'draft',
    daysAgo: 1,
    users: 80,
  },
  {
    app: 'CONTENTIEUX',
    office: 'CPAM-67',
    requester: 'dev.basrhin@mutualis.demo',
    state: 'returned',
    daysAgo: 20,
    users: 15,
  },
  {
    app: 'IJ-MATERNITE',
    office: 'CPAM-13',
    requester: 'dev.marseille@mutualis.demo',
    state: 'refused',
    daysAgo: 45,
    users: 50,
  },
  {
    app: 'TDB-PRODUCTION',
    office: 'CPAM-13',
    requester: 'dev.marseille@mutualis.demo',
    state: 'provisioningFailed',
    daysAgo: 15,
    users: 70,
  },
];
/** Requests ended without a tenant once cancelled: one more, so that every state is shown. */
export const CANCELLED = {
  app: 'FILE-ATTENTE',
  office: 'CPAM-67',
  requester: 'dev.basrhin@mutualis.demo',
  state: 'cancelled' as const,
  daysAgo: 30,
  users: 20,
};

export const REVIEWS = [
  {
    app: 'TDB-PRODUCTION',
    office: 'CPAM-69',
    author: 'agent.rhone@mutualis.demo',
    rating: 5,
    comment: 'Les tableaux du lundi se préparent en dix minutes au lieu d’une matinée.',
  },
  {
    app: 'RDV-ACCUEIL',
    office: 'CPAM-67',
    author: 'dev.basrhin@mutualis.demo',
    rating: 4,
    comment: 'Simple à déployer sur AM Cloud ; l’export des créneaux mériterait un filtre par site.',
  },
  {
    app: 'RESERVATION-SALLES',
    office: 'CPAM-13',
    author: 'dev.marseille@mutualis.demo',
    rating: 3,
    comment: 'Fait le travail, mais la vue mobile est lente.',
  },
];
