import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../common/schemas/common.ts';
import { matchmakingQuerySchema, matchmakingSchema } from '../../../common/schemas/matchmaking.ts';
import { presentMatchmaking } from './matchmaking.presenter.ts';
import { matchmaking } from './matchmaking.service.ts';

/** "Besoins et forces": needs without developers, available capacity, and the matches suggested between them. */
export const matchmakingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;

  app.get(
    '/api/matchmaking',
    {
      config: { access: { action: 'project.read' } },
      schema: {
        tags: ['projects'],
        summary:
          'Besoins sans développeurs, forces disponibles (ce trimestre et après) et rapprochements suggérés, avec leurs raisons',
        querystring: matchmakingQuerySchema,
        response: { 200: matchmakingSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) =>
      presentMatchmaking(await matchmaking(request.ctx, authorizer, request.query, app.deps.now())),
  );
};
