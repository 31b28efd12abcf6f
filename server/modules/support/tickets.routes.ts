import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import {
  assignTicketSchema,
  openTicketSchema,
  ticketListQuerySchema,
  ticketMessageSchema,
  ticketSchema,
  ticketSummarySchema,
} from '../../../common/schemas/support.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { lifecycleRoutes } from '../../lib/lifecycle-routes.ts';
import { supportAttachmentRoutes } from './attachments.routes.ts';
import { proposeTicketToReferential } from './ticket-referential.service.ts';
import { applicationTicketBinding, starterKitTicketBinding } from './tickets.lifecycle.ts';
import { presentTicket, presentTicketSummary } from './tickets.presenter.ts';
import {
  addMessage,
  assignSupportTicket,
  getTicket,
  listSupportTickets,
  openTicket,
} from './tickets.service.ts';

const TAG = 'support';
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };

export const supportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;
  const present = async (ctx: ServiceContext, id: string) =>
    presentTicket(await getTicket(ctx, authorizer, id));

  app.get(
    '/api/support-tickets',
    {
      config: { access: { action: 'supportTicket.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Files de support : les tickets que voit l’appelant (son organisme, comme demandeur ou comme support ; tout pour l’équipe nationale), les plus anciens d’abord',
        querystring: ticketListQuerySchema,
        response: { 200: z.object({ items: z.array(ticketSummarySchema) }), ...errors },
      },
    },
    async (request) => ({
      items: (await listSupportTickets(request.ctx, request.query)).map(presentTicketSummary),
    }),
  );

  app.post(
    '/api/support-tickets',
    {
      config: { access: { anyOf: ['supportTicket.openStarterKit', 'supportTicket.openApplication'] } },
      schema: {
        tags: [TAG],
        summary:
          'Ouvrir un ticket : starter kit (développeur formé ; au référent de sa région) ou application (agent d’un organisme utilisateur ; au CSN si labellisée, au concepteur sinon)',
        body: openTicketSchema,
        response: { 201: ticketSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const row = await openTicket(request.ctx, authorizer, request.body);
      return reply.code(201).send(await present(request.ctx, row.id));
    },
  );

  app.get(
    '/api/support-tickets/:id',
    {
      config: { access: { action: 'supportTicket.read' } },
      schema: {
        tags: [TAG],
        summary: 'Un ticket, ses messages, ses fichiers et ce que l’appelant peut y faire',
        params: idParamsSchema,
        response: { 200: ticketSchema, ...errors },
      },
    },
    async (request) => present(request.ctx, request.params.id),
  );

  app.post(
    '/api/support-tickets/:id/messages',
    {
      config: { access: { action: 'supportTicket.message' } },
      schema: {
        tags: [TAG],
        summary:
          'Écrire dans un ticket vivant (demandeur ou support) ; la première réponse du support est datée',
        params: idParamsSchema,
        body: ticketMessageSchema,
        response: { 201: ticketSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      await addMessage(request.ctx, authorizer, request.params.id, request.body.body);
      return reply.code(201).send(await present(request.ctx, request.params.id));
    },
  );

  app.put(
    '/api/support-tickets/:id/assignee',
    {
      config: { access: { action: 'supportTicket.assign' } },
      schema: {
        tags: [TAG],
        summary: 'Prendre en charge un ticket, le confier à un collègue du même niveau, ou le libérer (null)',
        params: idParamsSchema,
        body: assignTicketSchema,
        response: { 200: ticketSchema, ...writeErrors },
      },
    },
    async (request) => {
      await assignSupportTicket(request.ctx, authorizer, request.params.id, request.body);
      return present(request.ctx, request.params.id);
    },
  );

  app.post(
    '/api/support-tickets/:id/referential-proposal',
    {
      config: { access: { action: 'supportTicket.proposeToReferential' } },
      schema: {
        tags: [TAG],
        summary:
          'Faire d’un ticket du starter kit résolu une proposition de page du référentiel (sa question et sa réponse), une fois ; réservé à ses référents et à l’équipe nationale',
        params: idParamsSchema,
        response: { 201: ticketSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      await proposeTicketToReferential(request.ctx, authorizer, request.params.id);
      return reply.code(201).send(await present(request.ctx, request.params.id));
    },
  );

  await app.register(supportAttachmentRoutes);
  await app.register(
    lifecycleRoutes({
      basePath: '/api/starter-kit-tickets',
      tag: TAG,
      summary: 'Escalader un ticket du starter kit à l’équipe nationale, le résoudre ou le retirer',
      bindings: [starterKitTicketBinding],
      response: ticketSchema,
      present,
    }),
  );
  await app.register(
    lifecycleRoutes({
      basePath: '/api/application-tickets',
      tag: TAG,
      summary: 'Escalader un signalement à l’organisme concepteur, le résoudre ou le retirer',
      bindings: [applicationTicketBinding],
      response: ticketSchema,
      present,
    }),
  );
};
