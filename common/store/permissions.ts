import type { Label } from '../lifecycle.ts';

/** The actions of the Store, deployment requests and AM Cloud tenants (spread into permissions.ts's list). */
export const STORE_ACTIONS = [
  'store.read',
  'store.review',
  'deploymentRequest.read',
  'deploymentRequest.create',
  'deploymentRequest.update',
  'deploymentRequest.queue',
  'tenant.read',
  'provisioning.read',
  'hosting.read',
  'hosting.budget',
  // Lifecycle transitions of a deployment request (common/lifecycles/deployment-request.ts).
  'deploymentRequest.submit',
  'deploymentRequest.cancel',
  'deploymentRequest.approve',
  'deploymentRequest.returnByDirector',
  'deploymentRequest.refuseByDirector',
  'deploymentRequest.validate',
  'deploymentRequest.returnByDdsi',
  'deploymentRequest.refuseByDdsi',
  'deploymentRequest.startProvisioning',
  'deploymentRequest.makeAvailable',
  'deploymentRequest.failProvisioning',
  'deploymentRequest.retryProvisioning',
  'deploymentRequest.suspend',
  'deploymentRequest.resume',
  'deploymentRequest.remove',
] as const;

export const STORE_ACTION_LABELS: Record<(typeof STORE_ACTIONS)[number], Label> = {
  'store.read': { fr: 'Consulter le Store AM Cloud', en: 'Browse the AM Cloud Store' },
  'store.review': {
    fr: 'Noter et commenter une application utilisée par son organisme',
    en: "Rate and review an application one's office uses",
  },
  'deploymentRequest.read': {
    fr: 'Suivre les demandes de mise à disposition',
    en: 'Follow deployment requests',
  },
  'deploymentRequest.create': {
    fr: 'Demander une application du Store pour son organisme',
    en: "Request a Store application for one's office",
  },
  'deploymentRequest.update': {
    fr: 'Compléter une demande de mise à disposition',
    en: 'Complete a deployment request',
  },
  'deploymentRequest.queue': {
    fr: 'Traiter la file des demandes (directeur, DDSI)',
    en: 'Work through the request queue (director, DDSI)',
  },
  'tenant.read': {
    fr: "Consulter les locataires AM Cloud d'une application",
    en: 'See the AM Cloud tenants',
  },
  'provisioning.read': {
    fr: 'Consulter le raccordement à la plateforme AM Cloud',
    en: 'See the AM Cloud platform connection',
  },
  'hosting.read': {
    fr: "Consulter les coûts d'hébergement AM Cloud et les budgets",
    en: 'See AM Cloud hosting costs and budgets',
  },
  'hosting.budget': {
    fr: "Fixer le budget d'hébergement d'un organisme",
    en: "Set an office's hosting budget",
  },
  'deploymentRequest.submit': {
    fr: 'Soumettre une demande de mise à disposition',
    en: 'Submit a deployment request',
  },
  'deploymentRequest.cancel': {
    fr: 'Annuler une demande de mise à disposition',
    en: 'Cancel a deployment request',
  },
  'deploymentRequest.approve': {
    fr: 'Approuver une demande de son organisme (directeur)',
    en: "Approve a request of one's office (director)",
  },
  'deploymentRequest.returnByDirector': {
    fr: 'Renvoyer une demande pour modification (directeur)',
    en: 'Return a request for changes (director)',
  },
  'deploymentRequest.refuseByDirector': {
    fr: 'Refuser une demande (directeur)',
    en: 'Refuse a request (director)',
  },
  'deploymentRequest.validate': {
    fr: 'Valider une demande : capacité et prérequis (DDSI)',
    en: 'Validate a request: capacity and prerequisites (DDSI)',
  },
  'deploymentRequest.returnByDdsi': {
    fr: 'Renvoyer une demande pour modification (DDSI)',
    en: 'Return a request for changes (DDSI)',
  },
  'deploymentRequest.refuseByDdsi': { fr: 'Refuser une demande (DDSI)', en: 'Refuse a request (DDSI)' },
  'deploymentRequest.startProvisioning': {
    fr: 'Provisionner un locataire sur AM Cloud (plateforme)',
    en: 'Provision a tenant on AM Cloud (platform)',
  },
  'deploymentRequest.makeAvailable': {
    fr: 'Rendre un locataire disponible (plateforme)',
    en: 'Make a tenant available (platform)',
  },
  'deploymentRequest.failProvisioning': {
    fr: 'Constater un échec de provisionnement (plateforme)',
    en: 'Record a provisioning failure (platform)',
  },
  'deploymentRequest.retryProvisioning': {
    fr: 'Relancer un provisionnement en échec (DDSI)',
    en: 'Retry a failed provisioning (DDSI)',
  },
  'deploymentRequest.suspend': {
    fr: 'Suspendre le locataire AM Cloud d’une demande (DDSI)',
    en: "Suspend a request's AM Cloud tenant (DDSI)",
  },
  'deploymentRequest.resume': {
    fr: 'Réactiver un locataire suspendu (DDSI)',
    en: 'Resume a suspended tenant (DDSI)',
  },
  'deploymentRequest.remove': {
    fr: 'Supprimer un locataire, avec l’export de ses données (DDSI, directeur)',
    en: 'Remove a tenant, with the export of its data (DDSI, director)',
  },
};

export const STORE_AUDIT_ACTION_LABELS: Record<string, Label> = {
  'store.review': { fr: 'Avis donné sur une application du Store', en: 'Store application reviewed' },
  'store.editReview': { fr: 'Avis modifié', en: 'Review edited' },
  'deploymentRequest.create': {
    fr: 'Demande de mise à disposition créée',
    en: 'Deployment request created',
  },
  'deploymentRequest.update': {
    fr: 'Demande de mise à disposition complétée',
    en: 'Deployment request completed',
  },
  ...Object.fromEntries(
    STORE_ACTIONS.filter((a) => a.startsWith('deploymentRequest.') && !a.endsWith('.read'))
      .filter(
        (a) =>
          !['deploymentRequest.create', 'deploymentRequest.update', 'deploymentRequest.queue'].includes(a),
      )
      .map((a) => [a, STORE_ACTION_LABELS[a]]),
  ),
  'tenant.provision': { fr: 'Locataire demandé à AM Cloud', en: 'Tenant requested from AM Cloud' },
  'hostingBudget.set': { fr: "Budget d'hébergement fixé", en: 'Hosting budget set' },
};

export const STORE_TARGET_TYPE_LABELS: Record<string, Label> = {
  deploymentRequest: { fr: 'Demande de mise à disposition', en: 'Deployment request' },
  hostingBudget: { fr: "Budget d'hébergement", en: 'Hosting budget' },
};
