import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../../common/schemas/common.ts';
import { similarApplicationsSchema, similarQuerySchema } from '../../../../common/schemas/usage.ts';
import { presentSimilarApplications } from './similar.presenter.ts';
import { findSimilarApplications } from './similar.service.ts';

export const similarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/applications/similar',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags: ['catalogue'],
        summary:
          'Fiches semblables à un nom et un résumé (aide à la déclaration : la même mesure que les redondances), les plus proches en premier',
        querystring: similarQuerySchema,
        response: {
          200: similarApplicationsSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => presentSimilarApplications(await findSimilarApplications(request.ctx, request.query)),
  );
};
