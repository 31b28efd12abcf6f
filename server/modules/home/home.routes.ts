import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../common/schemas/common.ts';
import { homeSchema } from '../../../common/schemas/home.ts';
import { presentHome } from './home.presenter.ts';
import { getHome } from './home.service.ts';

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;
  app.get(
    '/api/home',
    {
      config: { access: { action: 'session.use' } },
      schema: {
        tags: ['home'],
        summary:
          "Page d'accueil selon les rôles : applications de l'organisme, fiches à mettre à jour, décisions en attente, chiffres du réseau",
        response: { 200: homeSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => presentHome(await getHome(request.ctx, authorizer)),
  );
};
