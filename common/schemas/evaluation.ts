import { z } from 'zod';
import { CRITICALITY_CLASSES } from '../catalog/vocabulary.ts';
import {
  ANSWER_STATUSES,
  BLOCKING_REASONS,
  EVALUATED_TRACKS,
  GRID_KINDS,
  REVIEW_DECISION_NAMES,
  REVIEW_STATES,
  REVIEWER_ROLES,
} from '../evaluation/vocabulary.ts';
import { attachmentSchema } from './application.ts';
import { longText, pageNumber, pageSize, rowVersion, text } from './common.ts';
import { profileQuestionSchema, requirementSchema } from './evaluation-grid.ts';
import { labelSchema } from './lifecycle.ts';

// ——— Inputs ———

/** POST /api/evaluations: a project, or a catalogue sheet under the transitional procedure (§2.4). */
export const startEvaluationSchema = z
  .object({
    projectId: z.uuid({ error: "L'identifiant du projet n'est pas valide." }).optional(),
    applicationId: z.uuid({ error: "L'identifiant de l'application n'est pas valide." }).optional(),
  })
  .refine((body) => !!body.projectId !== !!body.applicationId, {
    error: 'Indiquez soit un projet (projectId), soit une application du catalogue (applicationId).',
    path: ['projectId'],
  });

/** PATCH /api/evaluations/:id: the answers to the criticality profile (question code → option value). */
export const updateEvaluationSchema = z.object({
  version: rowVersion,
  profile: z.record(
    text('Le code de la question').max(20, { error: 'Le code de la question est limité à 20 caractères.' }),
    text("L'option choisie").max(20, { error: "L'option choisie est limitée à 20 caractères." }),
    { error: 'Le profil associe à chaque question (code) la valeur de son option.' },
  ),
});

const link = text('Le lien')
  .max(2000, { error: 'Un lien est limité à 2 000 caractères.' })
  .regex(/^https?:\/\/[^\s]+$/i, {
    error: 'Un lien commence par http:// ou https:// (ex. lien vers la Forge).',
  });

/**
 * PATCH /api/evaluations/:id/answers/:code: the answer to one requirement. Without `version` it is the
 * first answer (409 if someone answered meanwhile); with it, the answer read (409 if it moved).
 */
export const answerSchema = z.object({
  version: rowVersion.optional(),
  status: z.enum(ANSWER_STATUSES, { error: 'La réponse vaut met, partlyMet, notMet ou notApplicable.' }),
  reason: longText('Le commentaire')
    .max(2000, { error: 'Le commentaire est limité à 2 000 caractères.' })
    .nullable()
    .optional(),
  links: z.array(link).max(10, { error: 'Dix liens au plus par réponse.' }).default([]),
});
export type AnswerInput = z.infer<typeof answerSchema>;

/** POST /api/evaluations/:id/answers/:code/review */
export const reviewSchema = z.object({
  version: rowVersion,
  decision: z.enum(REVIEW_DECISION_NAMES as ['validate', 'return'], {
    error: 'La décision vaut validate ou return.',
  }),
  comment: longText('Le commentaire du relecteur')
    .max(2000, { error: 'Le commentaire du relecteur est limité à 2 000 caractères.' })
    .nullable()
    .optional(),
});

export const requirementParamsSchema = z.object({
  id: z.uuid({ error: "L'identifiant n'est pas valide." }),
  code: z
    .string()
    .max(20, { error: "Le code de l'exigence est limité à 20 caractères." })
    .regex(/^[A-Z0-9][A-Z0-9.-]*$/, {
      error: "Le code de l'exigence s'écrit en majuscules, chiffres, points et tirets.",
    }),
});

export const evaluationListQuerySchema = z.object({
  track: z.enum(EVALUATED_TRACKS, { error: 'Filière inconnue : labelling ou homologation.' }).optional(),
  awaitingReview: z
    .enum(['true', 'false'], { error: 'awaitingReview vaut true ou false.' })
    .optional()
    .transform((v) => v === 'true'),
  projectId: z.uuid({ error: "L'identifiant du projet n'est pas valide." }).optional(),
  applicationId: z.uuid({ error: "L'identifiant de l'application n'est pas valide." }).optional(),
  page: pageNumber.default(1),
  pageSize: pageSize(100, 20),
});

// ——— Outputs ———

const computedSchema = {
  progress: z.object({
    total: z.number().int(),
    answered: z.number().int(),
    validated: z.number().int(),
    returned: z.number().int(),
    awaitingReview: z.number().int(),
  }),
  maturity: z.object({ level: z.number().int(), mandatoryMet: z.number(), recommendedMet: z.number() }),
  criticality: z.object({
    class: z.enum(CRITICALITY_CLASSES).nullable(),
    points: z.number().int(),
    unanswered: z.array(z.string()),
  }),
  blockingItems: z.array(z.object({ code: z.string(), reason: z.enum(BLOCKING_REASONS) })),
};

const subjectSchema = z.object({
  kind: z.enum(['project', 'application']),
  id: z.uuid(),
  title: z.string(),
  code: z.string().nullable(),
});
const gridRefSchema = z.object({
  kind: z.enum(GRID_KINDS),
  title: labelSchema,
  versionId: z.uuid(),
  number: z.number().int(),
  /** The version published now, when newer than the one the evaluation stays on. */
  newerPublishedNumber: z.number().int().nullable(),
});

export const evaluationSummarySchema = z
  .object({
    id: z.uuid(),
    track: z.enum(EVALUATED_TRACKS),
    subject: subjectSchema,
    grid: gridRefSchema,
    updatedAt: z.string(),
    version: z.number().int(),
    ...computedSchema,
  })
  .meta({ id: 'EvaluationSummary' });
export type EvaluationSummaryDto = z.infer<typeof evaluationSummarySchema>;

const personName = z.string().nullable();
export const answerDtoSchema = z.object({
  status: z.enum(ANSWER_STATUSES),
  reason: z.string().nullable(),
  links: z.array(z.string()),
  answeredAt: z.string(),
  answeredBy: personName,
  review: z.enum(REVIEW_STATES),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: personName,
  evidence: z.array(attachmentSchema),
  version: z.number().int(),
});
export type AnswerDto = z.infer<typeof answerDtoSchema>;

export const evaluationSchema = evaluationSummarySchema
  .extend({
    profile: z.record(z.string(), z.string()),
    profileQuestions: z.array(profileQuestionSchema),
    sections: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        reviewer: z.enum(REVIEWER_ROLES),
        /** May the caller validate or return this section's answers? */
        canReview: z.boolean(),
        requirements: z.array(requirementSchema.extend({ answer: answerDtoSchema.nullable() })),
      }),
    ),
    can: z.object({ answer: z.boolean() }),
  })
  .meta({ id: 'Evaluation' });
export type EvaluationDto = z.infer<typeof evaluationSchema>;
