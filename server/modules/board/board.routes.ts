import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  addItemSchema,
  agendaSchema,
  boardItemPageSchema,
  escalateSchema,
  submitRequestSchema,
} from '../../../common/schemas/board.ts';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { presentDecision, presentItem } from './board.presenter.ts';
import { addItem, escalateSponsorship, getItem, listAgenda, submitRequest } from './board.service.ts';
import { decisionRoutes } from './decisions.routes.ts';
import { meetingRoutes } from './meetings.routes.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const TAG = 'board';

/** The governance board: what waits for it and requests to it; meetings and decisions in their files. */
export const boardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;
  const present = async (ctx: ServiceContext, id: string) => {
    const { view, decisions } = await getItem(ctx, authorizer, id);
    return { ...presentItem(view), decisions: decisions.map(presentDecision) };
  };

  app.get(
    '/api/board/items',
    {
      config: { access: { action: 'board.read' } },
      schema: {
        tags: [TAG],
        summary:
          "Ce qui attend l'instance de gouvernance : demandes d'évolution et d'arbitrage, demandes de sponsor soumises, sélections d'appels, autres questions ; en attente ou à l'ordre du jour d'une séance, les plus anciennes d'abord",
        response: { 200: agendaSchema, ...errors },
      },
    },
    async (request) => ({ items: (await listAgenda(request.ctx, authorizer)).map(presentItem) }),
  );

  app.get(
    '/api/board/items/:id',
    {
      config: { access: { action: 'board.read' } },
      schema: {
        tags: [TAG],
        summary: "Un point soumis à l'instance, sa séance et ses décisions publiées",
        params: idParamsSchema,
        response: { 200: boardItemPageSchema, ...errors },
      },
    },
    async (request) => present(request.ctx, request.params.id),
  );

  app.post(
    '/api/board/requests',
    {
      config: { access: { action: 'board.submit' } },
      schema: {
        tags: [TAG],
        summary:
          "Soumettre à l'instance une demande d'évolution (portail, AM Cloud, Store) ou d'arbitrage entre organismes, avec son motif ; son auteur la suit",
        body: submitRequestSchema,
        response: { 201: boardItemPageSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await submitRequest(request.ctx, authorizer, request.body);
      return reply.code(201).send(await present(request.ctx, id));
    },
  );

  app.post(
    '/api/board/escalations',
    {
      config: { access: { action: 'board.escalate' } },
      schema: {
        tags: [TAG],
        summary:
          "Soumettre à l'instance une demande de sponsor en attente (un sponsor de la direction sollicitée, ou l'instance) : sa décision acceptera ou refusera la demande",
        body: escalateSchema,
        response: { 201: boardItemPageSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await escalateSponsorship(request.ctx, authorizer, request.body);
      return reply.code(201).send(await present(request.ctx, id));
    },
  );

  app.post(
    '/api/board/items',
    {
      config: { access: { action: 'board.manage' } },
      schema: {
        tags: [TAG],
        summary:
          "Inscrire une question de l'instance : sélection d'un appel à projets, participation à un projet national, compensation",
        body: addItemSchema,
        response: { 201: boardItemPageSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await addItem(request.ctx, authorizer, request.body);
      return reply.code(201).send(await present(request.ctx, id));
    },
  );

  await app.register(meetingRoutes);
  await app.register(decisionRoutes);
};
