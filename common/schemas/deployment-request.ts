import { z } from 'zod';
import { DEPLOYMENT_STATES, ENVIRONMENTS, TENANT_OPERATIONS, TENANT_STATUSES } from '../store/vocabulary.ts';
import { organisationRef } from './application.ts';
import { calendarDate, longText, pageNumber, pageSize, rowVersion } from './common.ts';
import { tenantHostingSchema } from './hosting.ts';
import { lifecycleViewSchema, transitionSchema } from './lifecycle.ts';

/** Deployment requests (« demandes de mise à disposition ») of Store applications, and AM Cloud tenants. */

const yes = (label: string) => z.boolean({ error: `${label} : répondez par oui (true) ou non (false).` });

export const dataProtectionSchema = z.object({
  dpoInformed: yes('DPO informé'),
  processingRegisterUpdated: yes('Registre des traitements à jour'),
  cnilFormalitiesDone: yes('Formalités CNIL accomplies'),
  comment: longText('Le commentaire sur la protection des données')
    .max(2000, { error: 'Le commentaire sur la protection des données est limité à 2 000 caractères.' })
    .optional(),
});

const requestFields = {
  expectedUsers: z
    .number({ error: "Le nombre d'utilisateurs attendus est un nombre." })
    .int({ error: "Le nombre d'utilisateurs attendus est un nombre entier." })
    .min(1, { error: "Le nombre d'utilisateurs attendus est d'au moins 1." })
    .max(1_000_000, { error: "Le nombre d'utilisateurs attendus va au plus à 1 000 000." }),
  wantedOn: calendarDate('La date souhaitée'),
  environments: z
    .array(
      z.enum(ENVIRONMENTS, { error: 'Environnement inconnu : production, preproduction ou training.' }),
      {
        error: 'Les environnements sont une liste (production, preproduction, training).',
      },
    )
    .min(1, { error: 'Choisissez au moins un environnement (la production).' })
    .max(3, { error: 'Trois environnements au plus.' })
    .refine((list) => list.includes('production'), {
      error: 'La production fait partie des environnements demandés.',
    })
    .refine((list) => new Set(list).size === list.length, { error: 'Un environnement est donné deux fois.' }),
  dataProtection: dataProtectionSchema,
};

export const createRequestSchema = z.object({
  applicationId: z.uuid({ error: "L'application est obligatoire : choisissez-la dans le Store." }),
  ...requestFields,
});
export type CreateRequestBody = z.infer<typeof createRequestSchema>;

/** Completing a request (draft, or returned for changes): the fields given, with the version read. */
export const updateRequestSchema = z.object({
  expectedUsers: requestFields.expectedUsers.optional(),
  wantedOn: requestFields.wantedOn.optional(),
  environments: requestFields.environments.optional(),
  dataProtection: dataProtectionSchema.optional(),
  version: rowVersion,
});
export type UpdateRequestBody = z.infer<typeof updateRequestSchema>;

export const REQUEST_QUEUES = ['director', 'ddsi', 'mine'] as const;
export const requestListQuerySchema = z.object({
  state: z.enum(DEPLOYMENT_STATES, { error: 'État de demande inconnu.' }).optional(),
  /** The director's queue (submitted, of their office), the DDSI's (approved, and failed provisionings), or the caller's office's. */
  queue: z.enum(REQUEST_QUEUES, { error: 'File inconnue : director, ddsi ou mine.' }).optional(),
  applicationId: z.uuid({ error: "L'identifiant de l'application n'est pas valide." }).optional(),
  page: pageNumber,
  pageSize: pageSize(100, 20),
});
export type RequestListQuery = z.infer<typeof requestListQuerySchema>;

export const tenantSchema = z
  .object({
    id: z.uuid(),
    requestId: z.uuid(),
    application: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    organisation: organisationRef,
    environments: z.array(z.enum(ENVIRONMENTS)),
    declaredUsers: z.number().int(),
    status: z.enum(TENANT_STATUSES),
    externalId: z.string().nullable(),
    accessUrl: z.string().nullable(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    liveAt: z.string().nullable(),
    /** A suspension, resumption or removal asked of the platform, not confirmed yet. */
    pendingOperation: z.enum(TENANT_OPERATIONS).nullable(),
    suspendedAt: z.string().nullable(),
    removedAt: z.string().nullable(),
    /** Where the platform put the export of a removed tenant's data, and until when it keeps the data. */
    dataExportUrl: z.string().nullable(),
    dataRetainedUntil: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Tenant' });
export type TenantDto = z.infer<typeof tenantSchema>;

export const requestSummarySchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    application: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    organisation: organisationRef,
    requestedBy: z.object({ id: z.uuid(), displayName: z.string() }),
    state: z.enum(DEPLOYMENT_STATES),
    expectedUsers: z.number().int(),
    wantedOn: z.string(),
    environments: z.array(z.enum(ENVIRONMENTS)),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DeploymentRequestSummary' });
export type RequestSummaryDto = z.infer<typeof requestSummarySchema>;

export const requestSchema = requestSummarySchema
  .extend({
    dataProtection: z.object({
      dpoInformed: z.boolean(),
      processingRegisterUpdated: z.boolean(),
      cnilFormalitiesDone: z.boolean(),
      comment: z.string(),
    }),
    personalData: z.boolean(),
    version: z.number().int(),
    tenant: tenantSchema.nullable(),
    /** The tenant's resources and monthly cost, once it is billed (live this month); null before. */
    hosting: tenantHostingSchema.nullable(),
    can: z.object({ update: z.boolean() }),
    transitions: z.array(transitionSchema),
    lifecycles: z.array(lifecycleViewSchema),
  })
  .meta({ id: 'DeploymentRequest' });
export type RequestDto = z.infer<typeof requestSchema>;

export const requestPageSchema = z.object({ items: z.array(requestSummarySchema), total: z.number().int() });
export type RequestPageDto = z.infer<typeof requestPageSchema>;

export const provisioningStatusSchema = z.object({
  /** `platform`: the AM Cloud API at `url`; `simulator`: the built-in simulator (no platform configured). */
  mode: z.enum(['platform', 'simulator']),
  url: z.string().nullable(),
  webhookUrl: z.string(),
  webhookSecretSet: z.boolean(),
  simulatorDelaySeconds: z.number().nullable(),
  tenants: z.object(
    Object.fromEntries(TENANT_STATUSES.map((s) => [s, z.number().int()])) as Record<
      (typeof TENANT_STATUSES)[number],
      z.ZodNumber
    >,
  ),
});
export type ProvisioningStatusDto = z.infer<typeof provisioningStatusSchema>;
