import type { Label } from '../lifecycle.ts';

/**
 * The Store of applications deployable on AM Cloud, and the deployment requests (« demandes de mise à
 * disposition ») that put one at an office's disposal: code lists shared by the server and the web.
 */

/** What puts a sheet in the Store: certified (labelled or homologated, with a signed report) and on AM Cloud. */
export const STORE_CERTIFICATIONS = ['labelled', 'homologated'] as const;
export type StoreCertification = (typeof STORE_CERTIFICATIONS)[number];

/** The environments an office may ask for; production is always among them. */
export const ENVIRONMENTS = ['production', 'preproduction', 'training'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
export const ENVIRONMENT_LABELS: Record<Environment, Label> = {
  production: { fr: 'Production', en: 'Production' },
  preproduction: { fr: 'Préproduction', en: 'Pre-production' },
  training: { fr: 'Formation', en: 'Training' },
};

export const DEPLOYMENT_STATES = [
  'draft',
  'submitted',
  'approved',
  'validated',
  'provisioning',
  'available',
  'returned',
  'provisioningFailed',
  'refused',
  'cancelled',
  'suspended',
  'removed',
] as const;
export type DeploymentState = (typeof DEPLOYMENT_STATES)[number];
export const DEPLOYMENT_STATE_LABELS: Record<DeploymentState, Label> = {
  draft: { fr: 'Brouillon', en: 'Draft' },
  submitted: { fr: 'Soumise', en: 'Submitted' },
  approved: { fr: 'Approuvée par le directeur', en: 'Approved by the director' },
  validated: { fr: 'Validée par la DDSI', en: 'Validated by the DDSI' },
  provisioning: { fr: 'En cours de provisionnement', en: 'Provisioning' },
  available: { fr: 'Disponible', en: 'Available' },
  returned: { fr: 'À compléter', en: 'Returned for changes' },
  provisioningFailed: { fr: 'Échec du provisionnement', en: 'Provisioning failed' },
  refused: { fr: 'Refusée', en: 'Refused' },
  cancelled: { fr: 'Annulée', en: 'Cancelled' },
  suspended: { fr: 'Locataire suspendu', en: 'Tenant suspended' },
  removed: { fr: 'Locataire supprimé', en: 'Tenant removed' },
};

/** A tenant of a shared AM Cloud instance, as the platform reports it. */
export const TENANT_STATUSES = [
  'requested',
  'provisioning',
  'live',
  'failed',
  'suspended',
  'removed',
] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];
export const TENANT_STATUS_LABELS: Record<TenantStatus, Label> = {
  requested: { fr: 'Demandé à la plateforme', en: 'Requested from the platform' },
  provisioning: { fr: 'En cours de création', en: 'Being created' },
  live: { fr: 'En service', en: 'Live' },
  failed: { fr: 'Échec de la création', en: 'Creation failed' },
  suspended: { fr: 'Suspendu', en: 'Suspended' },
  removed: { fr: 'Supprimé', en: 'Removed' },
};

/** What the portal asked of the platform for a live tenant and is not yet confirmed. */
export const TENANT_OPERATIONS = ['suspend', 'resume', 'remove'] as const;
export type TenantOperation = (typeof TENANT_OPERATIONS)[number];
export const TENANT_OPERATION_LABELS: Record<TenantOperation, Label> = {
  suspend: { fr: 'Suspension demandée à la plateforme', en: 'Suspension asked of the platform' },
  resume: { fr: 'Réactivation demandée à la plateforme', en: 'Resumption asked of the platform' },
  remove: { fr: 'Suppression demandée à la plateforme', en: 'Removal asked of the platform' },
};

/**
 * How long the platform keeps a removed tenant's data (its export included) before destroying it: the
 * office may ask for it back until then, never after.
 */
export const REMOVED_DATA_RETENTION_DAYS = 90;

/** Support of an application in the Store: level 1 by the CSN for labelled ones, level 2 by the designer. */
export const SUPPORT_LEVELS = [1, 2] as const;

/** A review's rating, 1 to 5 stars. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** Why a sheet is not (or no longer) in the Store. */
export const NOT_IN_STORE_REASONS = [
  'certificationWithdrawn',
  'notCertified',
  'notOnAmCloud',
  'archived',
] as const;
export type NotInStoreReason = (typeof NOT_IN_STORE_REASONS)[number];
export const NOT_IN_STORE_LABELS: Record<NotInStoreReason, Label> = {
  certificationWithdrawn: {
    fr: 'Sa certification a été retirée : elle a quitté le Store.',
    en: 'Its certification was withdrawn: it has left the Store.',
  },
  notCertified: {
    fr: "Elle n'est ni labellisée ni homologuée : seules les applications certifiées sont au Store.",
    en: 'It is neither labelled nor homologated: only certified applications are in the Store.',
  },
  notOnAmCloud: {
    fr: "Elle n'est pas hébergée sur AM Cloud : le Store ne propose que les applications d'AM Cloud.",
    en: 'It is not hosted on AM Cloud: the Store only offers AM Cloud applications.',
  },
  archived: { fr: 'Sa fiche est archivée.', en: 'Its sheet is archived.' },
};
