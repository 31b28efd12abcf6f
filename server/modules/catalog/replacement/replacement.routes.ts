import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { replacementBodySchema, replacementSchema } from '../../../../common/schemas/application.ts';
import { idParamsSchema, problemSchema } from '../../../../common/schemas/common.ts';
import { retireInFavour } from './replacement.service.ts';

/** Retiring a sheet in favour of a shared application: a redundancy cluster resolved. */
export const replacementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put(
    '/api/applications/:id/replacement',
    {
      config: { access: { action: 'application.update' } },
      schema: {
        tags: ['catalogue'],
        summary:
          "Retirer l'application au profit d'une application partagée (redondance résolue), enregistré sur la fiche et au journal",
        params: idParamsSchema,
        body: replacementBodySchema,
        response: {
          200: replacementSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) =>
      retireInFavour(request.ctx, app.deps.authorizer, request.params.id, request.body, app.deps.now()),
  );
};
