import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callLifecycle } from '../../../common/lifecycles/call.ts';
import {
  answerQuestionSchema,
  askQuestionSchema,
  callListQuerySchema,
  callPageSchema,
  callSchema,
  createCallSchema,
  questionParamsSchema,
  updateCallSchema,
} from '../../../common/schemas/calls.ts';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { lifecycleRoutes } from '../../lib/lifecycle-routes.ts';
import { callAttachmentRoutes } from './attachments.routes.ts';
import type { CallBinding } from './calls.lifecycle.ts';
import { presentCall, presentCallSummary } from './calls.presenter.ts';
import { createCall, getCall, listCalls, updateCall } from './calls.service.ts';
import { answerQuestion, askQuestion } from './questions.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const TAG = 'calls';
const BASE = '/api/calls';

/** Calls for projects: the call, its public questions and answers, its lifecycle. */
export const callRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;
  const binding = app.deps.bindings.find((b) => b.definition.name === callLifecycle.name) as CallBinding;
  const present = async (ctx: ServiceContext, id: string) =>
    presentCall(await getCall(ctx, authorizer, binding, id));

  app.get(
    BASE,
    {
      config: { access: { action: 'call.read' } },
      schema: {
        tags: [TAG],
        summary:
          "Les appels à projets visibles (les brouillons de son organisme seulement) : ouverts d'abord, échéance la plus proche en tête ; filtres q, state, scope, domain, issuerId, forMyOffice ; facettes par état et portée",
        querystring: callListQuerySchema,
        response: { 200: callPageSchema, ...errors },
      },
    },
    async (request) => {
      const page = await listCalls(request.ctx, request.query);
      return { total: page.total, items: page.items.map(presentCallSummary), facets: page.facets };
    },
  );

  app.post(
    BASE,
    {
      config: { access: { action: 'call.create' } },
      schema: {
        tags: [TAG],
        summary:
          'Préparer un appel à projets (brouillon) au nom de son organisme (directeur) ou de sa direction nationale (sponsor) : contexte, portée, domaine, enveloppe, critères pondérés, calendrier',
        body: createCallSchema,
        response: { 201: callSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await createCall(request.ctx, authorizer, request.body);
      return reply.code(201).send(await present(request.ctx, id));
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      config: { access: { action: 'call.read' } },
      schema: {
        tags: [TAG],
        summary: 'Un appel : contenu, calendrier, critères, questions et réponses, transitions permises',
        params: idParamsSchema,
        response: { 200: callSchema, ...errors },
      },
    },
    async (request) => present(request.ctx, request.params.id),
  );

  app.patch(
    `${BASE}/:id`,
    {
      config: { access: { action: 'call.update' } },
      schema: {
        tags: [TAG],
        summary: "Modifier un appel en brouillon ou publié (l'émetteur), à la version lue",
        params: idParamsSchema,
        body: updateCallSchema,
        response: { 200: callSchema, ...writeErrors },
      },
    },
    async (request) => {
      await updateCall(request.ctx, authorizer, request.params.id, request.body);
      return present(request.ctx, request.params.id);
    },
  );

  app.post(
    `${BASE}/:id/questions`,
    {
      config: { access: { action: 'call.ask' } },
      schema: {
        tags: [TAG],
        summary:
          "Poser une question publique sur un appel publié, jusqu'à la fin du jour « questions jusqu'au » (heure de Paris)",
        params: idParamsSchema,
        body: askQuestionSchema,
        response: { 201: callSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      await askQuestion(request.ctx, authorizer, request.params.id, request.body);
      return reply.code(201).send(await present(request.ctx, request.params.id));
    },
  );

  app.put(
    `${BASE}/:id/questions/:questionId/answer`,
    {
      config: { access: { action: 'call.answer' } },
      schema: {
        tags: [TAG],
        summary: "Répondre à une question (l'émetteur) : la réponse est visible de tous, à la version lue",
        params: questionParamsSchema,
        body: answerQuestionSchema,
        response: { 200: callSchema, ...writeErrors },
      },
    },
    async (request) => {
      const { id, questionId } = request.params;
      await answerQuestion(request.ctx, authorizer, id, questionId, request.body);
      return present(request.ctx, id);
    },
  );

  await app.register(callAttachmentRoutes);
  await app.register(
    lifecycleRoutes({
      basePath: BASE,
      tag: TAG,
      summary:
        "Faire avancer un appel : publier, ouvrir l'évaluation, prononcer la sélection, archiver, annuler (motif) ; la clôture aux propositions est faite par la plateforme à l'échéance",
      bindings: [binding],
      response: callSchema,
      present,
      afterCommit: () => app.deps.jobs.nudge('outbox'),
    }),
  );
};
