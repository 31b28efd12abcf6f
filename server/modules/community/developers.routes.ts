import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import {
  developerDirectorySchema,
  developerListQuerySchema,
  developerProfileSchema,
  updateDeveloperProfileSchema,
} from '../../../common/schemas/community.ts';
import { presentDeveloperProfile, presentDirectory } from './developers.presenter.ts';
import { getDeveloper, searchDirectory, updateOwnProfile } from './developers.service.ts';

const TAG = 'community';
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export const developerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;

  app.get(
    '/api/developers',
    {
      config: { access: { action: 'developer.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Annuaire des développeurs du réseau : recherche (nom, organisme, compétences, technologies) et facettes (région, technologie, compétence, formé au starter kit, disponible)',
        querystring: developerListQuerySchema,
        response: { 200: developerDirectorySchema, ...errors },
      },
    },
    async (request) => presentDirectory(await searchDirectory(request.ctx, request.query)),
  );

  app.get(
    '/api/developers/:id',
    {
      config: { access: { action: 'developer.read' } },
      schema: {
        tags: [TAG],
        summary: "Profil d'un développeur (l'identifiant est celui de son compte)",
        params: idParamsSchema,
        response: { 200: developerProfileSchema, ...errors },
      },
    },
    async (request) =>
      presentDeveloperProfile(request.actor, await getDeveloper(request.ctx, request.params.id)),
  );

  app.put(
    '/api/me/developer-profile',
    {
      config: { access: { action: 'developer.editProfile' } },
      schema: {
        tags: [TAG],
        summary:
          'Mettre à jour son profil de développeur (sans version la première fois, puis à la version lue : 409 sinon)',
        body: updateDeveloperProfileSchema,
        response: { 200: developerProfileSchema, ...errors, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const actor = request.actor;
      await updateOwnProfile(request.ctx, authorizer, request.body);
      return presentDeveloperProfile(actor, await getDeveloper(request.ctx, actor?.userId as string));
    },
  );
};
