import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../common/schemas/common.ts';
import { similarRequestSchema, similarResultSchema } from '../../../common/schemas/similar.ts';
import { presentSimilarItems } from './similar-kinds.presenter.ts';
import { findSimilarItems } from './similar-kinds.service.ts';

export const similarKindsRoutes: FastifyPluginAsyncZod = async (app) => {
  // A POST because the need being typed can be long (5,000 characters); it writes nothing.
  app.post(
    '/api/similar',
    {
      config: { access: { action: 'similar.read' } },
      schema: {
        tags: ['similar'],
        summary:
          'Ce qui ressemble à un besoin en cours de saisie : applications du catalogue (projets à venir), avec un score et les termes partagés',
        body: similarRequestSchema,
        response: {
          200: similarResultSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => presentSimilarItems(await findSimilarItems(request.ctx, request.body)),
  );
};
