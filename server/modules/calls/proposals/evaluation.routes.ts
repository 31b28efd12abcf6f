import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { proposalLifecycle } from '../../../../common/lifecycles/proposal.ts';
import { idParamsSchema, problemSchema } from '../../../../common/schemas/common.ts';
import {
  comparisonSchema,
  nameEvaluatorsSchema,
  proposalSchema,
  scoresSchema,
  selectionSchema,
} from '../../../../common/schemas/proposals.ts';
import { contentDisposition } from '../../../lib/http.ts';
import { writeTableXlsx } from '../../../lib/xlsx.ts';
import { compareProposals, nameEvaluators, scoreProposal } from './evaluation.service.ts';
import type { ProposalBinding } from './proposals.lifecycle.ts';
import { comparisonSheet, presentComparison, presentProposal } from './proposals.presenter.ts';
import { getProposal } from './proposals.service.ts';
import { proposeSelection } from './selection.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const TAG = 'proposals';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The evaluation of a call: its evaluators, their scores, the comparison (and its spreadsheet), the selection. */
export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;
  const binding = app.deps.bindings.find(
    (b) => b.definition.name === proposalLifecycle.name,
  ) as ProposalBinding;
  const comparison = async (ctx: Parameters<typeof compareProposals>[0], id: string) =>
    presentComparison(await compareProposals(ctx, authorizer, id));

  app.get(
    '/api/calls/:id/evaluation',
    {
      config: { access: { action: 'call.compare' } },
      schema: {
        tags: [TAG],
        summary:
          "Le tableau comparatif d'un appel (l'émetteur, les évaluateurs) : propositions déposées classées par note pondérée (ex aequo signalés), écart entre évaluateurs, sélection proposée",
        params: idParamsSchema,
        response: { 200: comparisonSchema, ...errors },
      },
    },
    async (request) => comparison(request.ctx, request.params.id),
  );

  app.get(
    '/api/calls/:id/evaluation.xlsx',
    {
      config: { access: { action: 'call.compare' } },
      schema: {
        tags: [TAG],
        summary: 'Le tableau comparatif en classeur XLSX',
        params: idParamsSchema,
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const result = await compareProposals(request.ctx, authorizer, request.params.id);
      return reply
        .type(XLSX)
        .header('Content-Disposition', contentDisposition('comparaison-propositions.xlsx'))
        .send(await writeTableXlsx(comparisonSheet(result)));
    },
  );

  app.put(
    '/api/calls/:id/evaluators',
    {
      config: { access: { action: 'call.nameEvaluators' } },
      schema: {
        tags: [TAG],
        summary: "Nommer les évaluateurs d'un appel (l'émetteur), à la version lue de l'appel",
        params: idParamsSchema,
        body: nameEvaluatorsSchema,
        response: { 200: comparisonSchema, ...writeErrors },
      },
    },
    async (request) => {
      await nameEvaluators(request.ctx, authorizer, request.params.id, request.body);
      return comparison(request.ctx, request.params.id);
    },
  );

  app.put(
    '/api/proposals/:id/scores',
    {
      config: { access: { action: 'call.score' } },
      schema: {
        tags: [TAG],
        summary:
          "Noter une proposition déposée sur les critères de l'appel (0 à 5, avec un commentaire) : un évaluateur nommé, pendant l'évaluation, jamais une proposition de son organisme",
        params: idParamsSchema,
        body: scoresSchema,
        response: { 200: proposalSchema, ...writeErrors },
      },
    },
    async (request) => {
      await scoreProposal(request.ctx, authorizer, request.params.id, request.body);
      return presentProposal(await getProposal(request.ctx, authorizer, binding, request.params.id));
    },
  );

  app.post(
    '/api/calls/:id/selection',
    {
      config: { access: { action: 'call.select' } },
      schema: {
        tags: [TAG],
        summary:
          "Proposer la sélection (l'émetteur, pendant l'évaluation) : chaque proposition déposée retenue ou non, avec son motif. Appliquée aussitôt pour un appel local ou régional (projets créés, appel décidé) ; un appel national attend la confirmation du comité de gouvernance",
        params: idParamsSchema,
        body: selectionSchema,
        response: { 200: comparisonSchema, ...writeErrors },
      },
    },
    async (request) => {
      await proposeSelection(request.ctx, authorizer, request.params.id, request.body);
      await app.deps.jobs.nudge('outbox');
      return comparison(request.ctx, request.params.id);
    },
  );
};
