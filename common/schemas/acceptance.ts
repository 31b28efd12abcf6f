import { z } from 'zod';
import {
  ACCEPTANCE_TRACKS,
  ANOMALY_SEVERITIES,
  ANOMALY_STATUSES,
  CAMPAIGN_STATES,
  EXECUTION_RESULTS,
  REPORT_DECISIONS,
  RUNNER_KINDS,
} from '../acceptance/vocabulary.ts';
import { attachmentSchema } from './application.ts';
import { calendarDate, longText, pageNumber, pageSize, rowVersion, text } from './common.ts';
import { lifecycleViewSchema, transitionSchema } from './lifecycle.ts';

// ——— Inputs ———

const uuid = (what: string) => z.uuid({ error: `L'identifiant ${what} n'est pas valide.` });
const shortText = (label: string, max: number) =>
  text(label)
    .min(1, { error: `${label} est obligatoire.` })
    .max(max, {
      error: `${label} est limité à ${max} caractères.`,
    });
const link = text('Le lien de preuve')
  .max(2000, { error: 'Un lien de preuve est limité à 2 000 caractères.' })
  .regex(/^https?:\/\/[^\s]+$/i, { error: 'Un lien de preuve commence par http:// ou https://.' });
const requirementCode = text("Le code d'exigence")
  .max(20, { error: "Un code d'exigence est limité à 20 caractères." })
  .regex(/^[A-Z0-9][A-Z0-9.-]*$/, {
    error: "Un code d'exigence s'écrit en majuscules, chiffres, points et tirets (ex. SEC-03).",
  });
const functionalArea = shortText('Le domaine fonctionnel', 80);

/** POST /api/acceptance-campaigns: for a project's delivery, or a version of a catalogue application. */
export const createCampaignSchema = z
  .object({
    title: shortText('Le titre de la campagne', 200),
    projectId: uuid('du projet').optional(),
    applicationId: uuid("de l'application").optional(),
    versionLabel: shortText('La version recettée', 40),
    runnerKind: z.enum(RUNNER_KINDS, { error: 'Qui recette vaut officeGroup ou nationalCentre.' }),
    /** The group of offices (officeGroup); the national centre is named by itself. */
    officeIds: z.array(uuid("d'organisme")).max(30, { error: 'Trente organismes au plus.' }).default([]),
    testerIds: z.array(uuid('du testeur')).max(50, { error: 'Cinquante testeurs au plus.' }).default([]),
    plannedStart: calendarDate('La date de début prévue').optional(),
    plannedEnd: calendarDate('La date de fin prévue').optional(),
  })
  .refine((body) => !!body.projectId !== !!body.applicationId, {
    error: 'Indiquez soit un projet (projectId), soit une application du catalogue (applicationId).',
    path: ['projectId'],
  });
export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;

/** PATCH /api/acceptance-campaigns/:id: the plan (title, dates, offices, testers), at the version read. */
export const updateCampaignSchema = z.object({
  version: rowVersion,
  title: shortText('Le titre de la campagne', 200).optional(),
  officeIds: z.array(uuid("d'organisme")).max(30, { error: 'Trente organismes au plus.' }).optional(),
  testerIds: z.array(uuid('du testeur')).max(50, { error: 'Cinquante testeurs au plus.' }).optional(),
  plannedStart: calendarDate('La date de début prévue').nullable().optional(),
  plannedEnd: calendarDate('La date de fin prévue').nullable().optional(),
});
export type UpdateCampaignInput = z.infer<typeof updateCampaignSchema>;

export const testCaseInputSchema = z.object({
  code: shortText('Le code du cas de test', 20).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    error: 'Le code du cas de test s’écrit en lettres, chiffres, points, tirets (ex. CT-01).',
  }),
  title: shortText('Le titre du cas de test', 200),
  steps: longText('Les étapes')
    .max(4000, { error: 'Les étapes sont limitées à 4 000 caractères.' })
    .default(''),
  expectedResult: longText('Le résultat attendu')
    .max(2000, { error: 'Le résultat attendu est limité à 2 000 caractères.' })
    .default(''),
  requirementCodes: z
    .array(requirementCode)
    .max(20, { error: 'Vingt exigences au plus par cas.' })
    .default([]),
  functionalAreas: z
    .array(functionalArea)
    .max(10, { error: 'Dix domaines fonctionnels au plus.' })
    .default([]),
});
export type TestCaseInput = z.infer<typeof testCaseInputSchema>;

export const executionInputSchema = z.object({
  result: z.enum(EXECUTION_RESULTS, { error: 'Le résultat vaut passed, failed ou blocked.' }),
  executedOn: calendarDate("La date d'exécution").optional(),
  versionLabel: shortText('La version testée', 40).optional(),
  comment: longText('Le commentaire')
    .max(2000, { error: 'Le commentaire est limité à 2 000 caractères.' })
    .default(''),
  evidenceUrls: z.array(link).max(10, { error: 'Dix liens de preuve au plus.' }).default([]),
});
export type ExecutionInput = z.infer<typeof executionInputSchema>;

export const anomalyInputSchema = z.object({
  title: shortText("Le titre de l'anomalie", 200),
  description: longText('La description')
    .max(4000, { error: 'La description est limitée à 4 000 caractères.' })
    .default(''),
  severity: z.enum(ANOMALY_SEVERITIES, { error: 'La gravité vaut blocking, major ou minor.' }),
  caseId: uuid('du cas de test').optional(),
});
export type AnomalyInput = z.infer<typeof anomalyInputSchema>;

/** PATCH an anomaly: its status (fixed names the version that fixes it), its severity. */
export const updateAnomalySchema = z.object({
  version: rowVersion,
  status: z.enum(ANOMALY_STATUSES, { error: 'Le statut vaut open, fixed, closed ou rejected.' }).optional(),
  severity: z.enum(ANOMALY_SEVERITIES, { error: 'La gravité vaut blocking, major ou minor.' }).optional(),
  fixedInVersion: shortText('La version corrective', 40).nullable().optional(),
});
export type UpdateAnomalyInput = z.infer<typeof updateAnomalySchema>;

export const campaignListQuerySchema = z.object({
  projectId: uuid('du projet').optional(),
  applicationId: uuid("de l'application").optional(),
  page: pageNumber,
  pageSize: pageSize(100, 20),
});

/** GET /api/acceptance-testers: the accounts a campaign may name, found by name or e-mail. */
export const testerSearchQuerySchema = z.object({
  q: text('La recherche')
    .min(2, { error: 'La recherche compte au moins 2 caractères.' })
    .max(100, { error: 'La recherche est limitée à 100 caractères.' }),
});

export const caseParamsSchema = z.object({ id: uuid('de la campagne'), caseId: uuid('du cas de test') });
export const anomalyParamsSchema = z.object({ id: uuid('de la campagne'), anomalyId: uuid("de l'anomalie") });

// ——— Outputs ———

export const reportFiguresSchema = z.object({
  cases: z.number().int(),
  executed: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  blocked: z.number().int(),
  /** Executed cases / cases, in %. */
  coverage: z.number(),
  /** Passed / executed, in %. */
  passRate: z.number(),
  requirementsCovered: z.number().int(),
  anomalies: z.object({ blocking: z.number().int(), major: z.number().int(), minor: z.number().int() }),
  openReservations: z.number().int(),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

export const reportReservationSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  severity: z.enum(ANOMALY_SEVERITIES),
  status: z.enum(ANOMALY_STATUSES),
  fixedInVersion: z.string().nullable(),
});
export type ReportReservation = z.infer<typeof reportReservationSchema>;

const person = z.object({ id: z.string(), name: z.string(), organisationName: z.string() });
export const testerCandidatesSchema = z.object({ items: z.array(person) });
export type TesterDto = z.infer<typeof person>;
const office = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const executionSchema = z.object({
  id: z.string(),
  result: z.enum(EXECUTION_RESULTS),
  tester: person,
  executedOn: z.string(),
  versionLabel: z.string().nullable(),
  comment: z.string(),
  evidenceUrls: z.array(z.string()),
  /** Evidence files: GET /api/acceptance-executions/:id/attachments/:attachmentId. */
  files: z.array(attachmentSchema),
  createdAt: z.string(),
});

export const testCaseSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  steps: z.string(),
  expectedResult: z.string(),
  requirementCodes: z.array(z.string()),
  functionalAreas: z.array(z.string()),
  /** Every execution, the latest first; the first is the case's result. */
  executions: z.array(executionSchema),
});

export const anomalySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  caseId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  severity: z.enum(ANOMALY_SEVERITIES),
  status: z.enum(ANOMALY_STATUSES),
  fixedInVersion: z.string().nullable(),
  raisedBy: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AnomalyDto = z.infer<typeof anomalySchema>;

export const reportSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  decision: z.enum(REPORT_DECISIONS),
  signerName: z.string(),
  signedAt: z.string(),
  sha256: z.string(),
  size: z.number().int(),
});

export const campaignSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  state: z.enum(CAMPAIGN_STATES),
  track: z.enum(ACCEPTANCE_TRACKS),
  versionLabel: z.string(),
  runnerKind: z.enum(RUNNER_KINDS),
  subject: z.object({
    kind: z.enum(['project', 'application']),
    id: z.string(),
    name: z.string(),
  }),
  figures: reportFiguresSchema,
  updatedAt: z.string(),
});
export type CampaignSummaryDto = z.infer<typeof campaignSummarySchema>;

export const campaignSchema = campaignSummarySchema.extend({
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  offices: z.array(office),
  testers: z.array(person),
  cases: z.array(testCaseSchema),
  anomalies: z.array(anomalySchema),
  report: reportSummarySchema.nullable(),
  version: z.number().int(),
  /** What the caller may do besides the transitions. */
  may: z.object({ plan: z.boolean(), execute: z.boolean(), trackAnomalies: z.boolean() }),
  transitions: z.array(transitionSchema),
  lifecycles: z.array(lifecycleViewSchema),
});
export type CampaignDto = z.infer<typeof campaignSchema>;

export const reportSchema = reportSummarySchema.extend({
  campaignId: z.string(),
  campaignTitle: z.string(),
  versionLabel: z.string(),
  projectId: z.string().nullable(),
  applicationId: z.string().nullable(),
  figures: reportFiguresSchema,
  reservations: z.array(reportReservationSchema),
  observations: z.string().nullable(),
  toFix: z.string().nullable(),
});
export type ReportDto = z.infer<typeof reportSchema>;

export const reportListQuerySchema = z.object({
  applicationId: uuid("de l'application").optional(),
  projectId: uuid('du projet').optional(),
});

/** The public verification of a stored report: its bytes against their SHA-256, and its signature. */
export const reportVerificationSchema = z.object({
  id: z.string(),
  number: z.string(),
  decision: z.enum(REPORT_DECISIONS),
  signerName: z.string(),
  signedAt: z.string(),
  sha256: z.string(),
  integrity: z.boolean(),
  signatureValid: z.boolean(),
  certificateSubject: z.string().nullable(),
  valid: z.boolean(),
});
export type ReportVerificationDto = z.infer<typeof reportVerificationSchema>;
