import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  type ApplicationPageDto,
  applicationListQuerySchema,
  applicationPageSchema,
} from '../../../../common/schemas/application-search.ts';
import { problemSchema } from '../../../../common/schemas/common.ts';
import { presentApplicationPage } from './search.presenter.ts';
import { listApplications } from './search.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/applications',
    {
      config: { access: { action: 'application.read' } },
      // The hottest route: its presenter builds exactly the typed page (checked against the schema by the
      // search tests), and re-encoding ~200 facet values through zod on every call cost more than the search.
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags: ['catalogue'],
        summary:
          'Rechercher dans le catalogue : texte libre en français, facettes (les comptes suivent les autres filtres), tri, pagination',
        querystring: applicationListQuerySchema,
        response: { 200: applicationPageSchema, ...errors },
      },
    },
    async (request, reply) => {
      // The page as JSON text, kept with the index version: asked again before the catalogue changes, it
      // is sent as it was (a string with a JSON type is not serialised again).
      const body = await listApplications(request.ctx, app.deps.catalogue, request.query, (page) =>
        JSON.stringify(presentApplicationPage(page, request.query)),
      );
      // The type of the route's body is the page; this string is that page already encoded.
      return reply.type('application/json; charset=utf-8').send(body as unknown as ApplicationPageDto);
    },
  );
};
