import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, problemSchema } from '../../../../common/schemas/common.ts';
import {
  redundancyPageSchema,
  redundancyQuerySchema,
  usageInputSchema,
  usageMapSchema,
  usageSchema,
} from '../../../../common/schemas/usage.ts';
import { presentRedundancies, presentUsageMap } from './usage-map.presenter.ts';
import { getUsageMap, listRedundancies } from './usage-map.service.ts';
import { presentUsage } from './usages.presenter.ts';
import { declareUsage, listUsages, withdrawUsage } from './usages.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export const usageRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;

  app.get(
    '/api/applications/:id/usages',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags: ['catalogue'],
        summary: "Organismes qui déclarent utiliser l'application",
        params: idParamsSchema,
        response: { 200: z.array(usageSchema), ...errors, 404: problemSchema },
      },
    },
    async (request) => (await listUsages(request.ctx, request.params.id)).map(presentUsage),
  );

  app.post(
    '/api/applications/:id/usages',
    {
      config: { access: { action: 'application.declareUsage' } },
      schema: {
        tags: ['catalogue'],
        summary: "Déclarer (ou mettre à jour) l'utilisation de l'application par son organisme",
        params: idParamsSchema,
        body: usageInputSchema,
        response: { 201: z.null(), 204: z.null(), ...errors, 404: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const { created } = await declareUsage(request.ctx, authorizer, request.params.id, request.body);
      return reply.code(created ? 201 : 204).send(null);
    },
  );

  app.delete(
    '/api/applications/:id/usages',
    {
      config: { access: { action: 'application.declareUsage' } },
      schema: {
        tags: ['catalogue'],
        summary: "Retirer la déclaration d'utilisation de son organisme",
        params: idParamsSchema,
        response: { 204: z.null(), ...errors, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await withdrawUsage(request.ctx, authorizer, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/usage-map',
    {
      config: { access: { action: 'usageMap.read' } },
      schema: {
        tags: ['catalogue'],
        summary: 'Cartographie : applications les plus utilisées, usages par région et par domaine',
        response: { 200: usageMapSchema, ...errors },
      },
    },
    async (request) => presentUsageMap(await getUsageMap(request.ctx)),
  );

  app.get(
    '/api/usage-map/redundancies',
    {
      config: { access: { action: 'usageMap.read' } },
      schema: {
        tags: ['catalogue'],
        summary:
          'Redondances à étudier : groupes de fiches semblables (même domaine, 12 au plus), les plus grands en premier, par page',
        querystring: redundancyQuerySchema,
        response: { 200: redundancyPageSchema, ...errors },
      },
    },
    async (request) => presentRedundancies(await listRedundancies(request.ctx, request.query)),
  );
};
