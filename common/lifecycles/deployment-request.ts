import { z } from 'zod';
import { agentOf, defineLifecycle, developerOf, directorOf, type Guard, role, system } from '../lifecycle.ts';
import { longText } from '../schemas/common.ts';
import {
  type DeploymentState,
  DEPLOYMENT_STATE_LABELS as L,
  type NotInStoreReason,
  REMOVED_DATA_RETENTION_DAYS,
} from '../store/vocabulary.ts';

/** What the guards of a deployment request read; the server gathers them in the transaction. */
export interface DeploymentFacts {
  /** Why the application is not in the Store (null: it is). */
  notInStore: NotInStoreReason | null;
  /** The application processes personal data: the data protection answers must all be given. */
  personalData: boolean;
  dataProtectionComplete: boolean;
  /** Another request of the same office for the same application is under way or available. */
  otherLiveRequest: boolean;
}

export type DeploymentTransition =
  | 'submit'
  | 'cancel'
  | 'approve'
  | 'returnByDirector'
  | 'refuseByDirector'
  | 'validate'
  | 'returnByDdsi'
  | 'refuseByDdsi'
  | 'startProvisioning'
  | 'makeAvailable'
  | 'failProvisioning'
  | 'retryProvisioning'
  | 'suspend'
  | 'resume'
  | 'remove';

const requester = [agentOf('requestingOffice'), developerOf('requestingOffice')];
const director = [directorOf('requestingOffice')];
/** The DDSI validates capacity and prerequisites of AM Cloud. */
const ddsi = [role('itDirectorate')];

const reason = (what: string, label: { fr: string; en: string }) =>
  z.object({
    reason: longText(what, { missing: `Indiquez ${what.toLowerCase()}.` })
      .min(3, { error: `Indiquez ${what.toLowerCase()} (3 caractères au moins).` })
      .max(1000, { error: `${what} est limité à 1 000 caractères.` })
      .meta({ label }),
  });
const returnInput = reason('Ce qui doit être changé', {
  fr: 'Ce qui doit être changé',
  en: 'What must change',
});
const refuseInput = reason('Le motif du refus', { fr: 'Motif du refus', en: 'Reason for refusing' });
const commentInput = z.object({
  comment: longText('Le commentaire')
    .max(1000, { error: 'Le commentaire est limité à 1 000 caractères.' })
    .optional()
    .meta({ label: { fr: 'Commentaire (facultatif)', en: 'Comment (optional)' } }),
});

const suspendInput = reason('Le motif de la suspension', {
  fr: 'Motif de la suspension',
  en: 'Reason for suspending',
});
const removeInput = reason('Le motif de la suppression', {
  fr: 'Motif de la suppression',
  en: 'Reason for removing',
}).extend({
  exportData: z
    .boolean({ error: "L'export des données vaut true ou false." })
    .default(true)
    .meta({
      label: {
        fr: `Exporter les données de l'organisme avant la suppression (conservées ${REMOVED_DATA_RETENTION_DAYS} jours, puis détruites)`,
        en: `Export the office's data before the removal (kept ${REMOVED_DATA_RETENTION_DAYS} days, then destroyed)`,
      },
    }),
});

const inStore: Guard<DeploymentFacts, unknown> = (facts) =>
  facts.notInStore ? { code: 'notInStore', params: { reason: facts.notInStore } } : null;
const dataProtection: Guard<DeploymentFacts, unknown> = (facts) =>
  facts.personalData && !facts.dataProtectionComplete ? { code: 'dataProtectionIncomplete' } : null;
const single: Guard<DeploymentFacts, unknown> = (facts) =>
  facts.otherLiveRequest ? { code: 'alreadyRequested' } : null;

/**
 * A request that an application of the Store be deployed for an office on AM Cloud: the requester
 * submits, the office's director approves, the DDSI validates capacity and prerequisites, the platform
 * provisions the office's tenant (the system, through the AM Cloud API), and the tenant is available —
 * or the request goes back for changes, is refused with a reason at each step, or is cancelled by the
 * requester before provisioning. Once available, the DDSI may suspend the tenant (and resume it), and the
 * DDSI or the office's director remove it, with an export of the office's data if asked; the platform
 * keeps removed data REMOVED_DATA_RETENTION_DAYS days, then destroys it. The platform is called by the
 * provisioning job after the transition commits (the tenant's pending operation), never inside it.
 */
export const deploymentRequestLifecycle = defineLifecycle<
  DeploymentState,
  DeploymentTransition,
  DeploymentFacts
>({
  name: 'deploymentRequest',
  targetType: 'deploymentRequest',
  label: { fr: 'Demande de mise à disposition', en: 'Deployment request' },
  initial: 'draft',
  states: {
    draft: { label: L.draft },
    submitted: { label: L.submitted },
    approved: { label: L.approved },
    validated: { label: L.validated },
    provisioning: { label: L.provisioning },
    available: { label: L.available },
    returned: { label: L.returned, side: true },
    provisioningFailed: { label: L.provisioningFailed, side: true },
    refused: { label: L.refused, terminal: true, side: true },
    cancelled: { label: L.cancelled, terminal: true, side: true },
    suspended: { label: L.suspended, side: true },
    removed: { label: L.removed, terminal: true, side: true },
  },
  fields: { requestingOffice: { fr: "de l'organisme demandeur", en: 'of the requesting office' } },
  transitions: {
    submit: {
      from: ['draft', 'returned'],
      to: 'submitted',
      parties: requester,
      label: { fr: 'Soumettre la demande', en: 'Submit the request' },
      guards: [inStore, dataProtection, single],
    },
    cancel: {
      from: ['draft', 'submitted', 'approved', 'validated', 'returned'],
      to: 'cancelled',
      parties: requester,
      label: { fr: 'Annuler la demande', en: 'Cancel the request' },
      confirm: true,
      tone: 'danger',
      input: commentInput,
    },
    approve: {
      from: ['submitted'],
      to: 'approved',
      parties: director,
      label: { fr: 'Approuver', en: 'Approve' },
      input: commentInput,
      guards: [inStore],
    },
    returnByDirector: {
      from: ['submitted'],
      to: 'returned',
      parties: director,
      label: { fr: 'Renvoyer pour modification', en: 'Return for changes' },
      input: returnInput,
    },
    refuseByDirector: {
      from: ['submitted'],
      to: 'refused',
      parties: director,
      label: { fr: 'Refuser', en: 'Refuse' },
      confirm: true,
      tone: 'danger',
      input: refuseInput,
    },
    validate: {
      from: ['approved'],
      to: 'validated',
      parties: ddsi,
      label: { fr: 'Valider (capacité et prérequis)', en: 'Validate (capacity and prerequisites)' },
      input: commentInput,
      guards: [inStore, dataProtection],
    },
    returnByDdsi: {
      from: ['approved'],
      to: 'returned',
      parties: ddsi,
      label: { fr: 'Renvoyer pour modification', en: 'Return for changes' },
      input: returnInput,
    },
    refuseByDdsi: {
      from: ['approved'],
      to: 'refused',
      parties: ddsi,
      label: { fr: 'Refuser', en: 'Refuse' },
      confirm: true,
      tone: 'danger',
      input: refuseInput,
    },
    startProvisioning: {
      from: ['validated'],
      to: 'provisioning',
      parties: [system],
      label: { fr: 'Provisionner sur AM Cloud', en: 'Provision on AM Cloud' },
    },
    makeAvailable: {
      from: ['provisioning'],
      to: 'available',
      parties: [system],
      label: { fr: 'Rendre disponible', en: 'Make available' },
    },
    failProvisioning: {
      from: ['provisioning', 'validated'],
      to: 'provisioningFailed',
      parties: [system],
      label: { fr: 'Constater l’échec du provisionnement', en: 'Record the provisioning failure' },
      input: reason('La cause', { fr: 'Cause', en: 'Cause' }),
    },
    retryProvisioning: {
      from: ['provisioningFailed'],
      to: 'validated',
      parties: ddsi,
      label: { fr: 'Relancer le provisionnement', en: 'Retry provisioning' },
      input: commentInput,
    },
    suspend: {
      from: ['available'],
      to: 'suspended',
      parties: ddsi,
      label: { fr: 'Suspendre le locataire', en: 'Suspend the tenant' },
      confirm: true,
      tone: 'danger',
      input: suspendInput,
    },
    resume: {
      from: ['suspended'],
      to: 'available',
      parties: ddsi,
      label: { fr: 'Réactiver le locataire', en: 'Resume the tenant' },
      input: commentInput,
    },
    remove: {
      from: ['available', 'suspended'],
      to: 'removed',
      parties: [...ddsi, ...director],
      label: { fr: 'Supprimer le locataire', en: 'Remove the tenant' },
      confirm: true,
      tone: 'danger',
      input: removeInput,
    },
  },
  messages: {
    notInStore: {
      fr: "Cette application n'est pas au Store (seules les applications labellisées ou homologuées hébergées sur AM Cloud peuvent être demandées).",
      en: 'This application is not in the Store (only labelled or homologated applications hosted on AM Cloud may be requested).',
    },
    dataProtectionIncomplete: {
      fr: "L'application traite des données personnelles : répondez oui aux trois questions de protection des données (DPO informé, registre des traitements à jour, formalités CNIL accomplies).",
      en: 'The application processes personal data: answer yes to the three data protection questions (DPO informed, processing register updated, CNIL formalities completed).',
    },
    alreadyRequested: {
      fr: 'Votre organisme a déjà une demande en cours (ou un accès) pour cette application.',
      en: 'Your office already has a request under way (or access) for this application.',
    },
  },
});
