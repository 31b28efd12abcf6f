import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentSchema } from '../../../common/schemas/application.ts';
import { idParamsSchema, pageOf, problemSchema } from '../../../common/schemas/common.ts';
import {
  answerSchema,
  evaluationListQuerySchema,
  evaluationSchema,
  evaluationSummarySchema,
  requirementParamsSchema,
  reviewSchema,
  startEvaluationSchema,
  updateEvaluationSchema,
} from '../../../common/schemas/evaluation.ts';
import { attachmentFiles } from '../../lib/attachment-files.ts';
import {
  attachmentIdSchema,
  attachmentUpload,
  sendAttachment,
  uploadedAttachment,
} from '../../lib/attachments.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { presentAttachment } from '../catalog/attachments/attachments.presenter.ts';
import {
  addEvidence,
  answerRequirement,
  assertMayAttachEvidence,
  describeEvaluation,
  getEvidence,
  removeEvidence,
  reviewAnswer,
} from './answers.service.ts';
import { presentEvaluation, presentEvaluationSummary } from './evaluations.presenter.ts';
import { listEvaluations, startEvaluation, updateEvaluationProfile } from './evaluations.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const TAG = 'evaluations';
const evidenceParamsSchema = requirementParamsSchema.extend({ fileId: attachmentIdSchema });

/** Evaluations of projects and existing sheets: answers, reviews, evidence files. */
export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer, config } = app.deps;
  const files = attachmentFiles(config.dataDir);
  const present = async (ctx: ServiceContext, id: string) =>
    presentEvaluation(await describeEvaluation(ctx, authorizer, id));

  app.get(
    '/api/evaluations',
    {
      config: { access: { action: 'evaluation.read' } },
      schema: {
        tags: [TAG],
        summary:
          "Les évaluations, la dernière modifiée d'abord (filière, réponses à relire), ou celle d'un projet (projectId) ou d'une application (applicationId) : progression, points bloquants, maturité, criticité",
        querystring: evaluationListQuerySchema,
        response: { 200: pageOf(evaluationSummarySchema), ...errors },
      },
    },
    async (request) => {
      const page = await listEvaluations(request.ctx, request.query);
      return { total: page.total, items: page.items.map(presentEvaluationSummary) };
    },
  );

  app.post(
    '/api/evaluations',
    {
      config: { access: { action: 'evaluation.start' } },
      schema: {
        tags: [TAG],
        summary:
          "Engager l'évaluation d'un projet (labellisation, homologation) ou d'une application existante (procédure transitoire, §2.4), sur la version publiée de sa grille",
        body: startEvaluationSchema,
        response: { 201: evaluationSchema, ...errors, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const { projectId, applicationId } = request.body;
      const id = await startEvaluation(
        request.ctx,
        authorizer,
        projectId ? { projectId } : { applicationId: applicationId as string },
      );
      return reply.code(201).send(await present(request.ctx, id));
    },
  );

  app.get(
    '/api/evaluations/:id',
    {
      config: { access: { action: 'evaluation.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Une évaluation : les exigences de sa filière dans sa version de grille, les réponses, leurs relectures et leurs preuves',
        params: idParamsSchema,
        response: { 200: evaluationSchema, ...errors },
      },
    },
    async (request) => present(request.ctx, request.params.id),
  );

  app.patch(
    '/api/evaluations/:id',
    {
      config: { access: { action: 'evaluation.answer' } },
      schema: {
        tags: [TAG],
        summary:
          'Répondre au profil de criticité (code de question → valeur de son option), à la version lue',
        params: idParamsSchema,
        body: updateEvaluationSchema,
        response: { 200: evaluationSchema, ...errors, 409: problemSchema },
      },
    },
    async (request) => {
      await updateEvaluationProfile(request.ctx, authorizer, request.params.id, request.body);
      return present(request.ctx, request.params.id);
    },
  );

  app.patch(
    '/api/evaluations/:id/answers/:code',
    {
      config: { access: { action: 'evaluation.answer' } },
      schema: {
        tags: [TAG],
        summary:
          'Répondre à une exigence (satisfaite, partiellement, non satisfaite, non applicable avec un motif) : sans version la première réponse, avec la version lue ensuite ; la réponse repasse en relecture',
        params: requirementParamsSchema,
        body: answerSchema,
        response: { 200: evaluationSchema, ...errors, 409: problemSchema },
      },
    },
    async (request) => {
      const { id, code } = request.params;
      await answerRequirement(request.ctx, authorizer, id, code, request.body);
      return present(request.ctx, id);
    },
  );

  app.post(
    '/api/evaluations/:id/answers/:code/review',
    {
      config: { access: { action: 'evaluation.review' } },
      schema: {
        tags: [TAG],
        summary:
          'Valider ou renvoyer une réponse avec un commentaire (le relecteur de la section : DDSI pour les exigences techniques, DDFC/DC2R, DDO)',
        params: requirementParamsSchema,
        body: reviewSchema,
        response: { 200: evaluationSchema, ...errors, 409: problemSchema },
      },
    },
    async (request) => {
      const { id, code } = request.params;
      await reviewAnswer(request.ctx, authorizer, id, code, request.body);
      return present(request.ctx, id);
    },
  );

  app.post(
    '/api/evaluations/:id/answers/:code/evidence',
    {
      config: { access: { action: 'evaluation.answer' }, upload: attachmentUpload },
      schema: {
        tags: [TAG],
        summary:
          'Joindre une preuve à une réponse (multipart : « kind » puis « file »), 5 Mo au plus, type reconnu par son contenu',
        params: requirementParamsSchema,
        response: {
          201: attachmentSchema,
          ...errors,
          409: problemSchema,
          413: problemSchema,
          415: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const { id, code } = request.params;
      await assertMayAttachEvidence(request.ctx, authorizer, id, code);
      const upload = await uploadedAttachment(request);
      const row = await addEvidence(request.ctx, authorizer, files, id, code, upload);
      return reply.code(201).send(presentAttachment(row));
    },
  );

  app.get(
    '/api/evaluations/:id/answers/:code/evidence/:fileId',
    {
      config: { access: { action: 'evaluation.read' } },
      schema: {
        tags: [TAG],
        summary: "Télécharger une preuve (toujours en pièce jointe, type détecté à l'envoi)",
        params: evidenceParamsSchema,
        response: { 200: z.unknown(), ...errors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const { id, code, fileId } = request.params;
      return sendAttachment(reply, await getEvidence(request.ctx, authorizer, files, id, code, fileId));
    },
  );

  app.delete(
    '/api/evaluations/:id/answers/:code/evidence/:fileId',
    {
      config: { access: { action: 'evaluation.answer' } },
      schema: {
        tags: [TAG],
        summary: "Retirer une preuve d'une réponse",
        params: evidenceParamsSchema,
        response: { 204: z.null(), ...errors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const { id, code, fileId } = request.params;
      await removeEvidence(request.ctx, authorizer, files, id, code, fileId);
      return reply.code(204).send(null);
    },
  );
};
