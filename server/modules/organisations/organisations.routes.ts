import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf, problemSchema } from '../../../common/schemas/common.ts';
import { organisationListQuerySchema, organisationSchema } from '../../../common/schemas/organisation.ts';
import { presentOrganisation } from './organisations.presenter.ts';
import { getOrganisation, listDirectory } from './organisations.service.ts';

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/organisations',
    {
      config: { access: { action: 'organisation.read' } },
      schema: {
        tags: ['organisations'],
        summary: 'Annuaire des organismes du réseau',
        querystring: organisationListQuerySchema,
        response: { 200: pageOf(organisationSchema), 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => {
      const page = await listDirectory(request.ctx, request.query);
      return { items: page.items.map(presentOrganisation), total: page.total };
    },
  );

  app.get(
    '/api/organisations/:id',
    {
      config: { access: { action: 'organisation.read' } },
      schema: {
        tags: ['organisations'],
        summary: "Fiche d'un organisme",
        params: idParamsSchema,
        response: { 200: organisationSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => presentOrganisation(await getOrganisation(request.ctx, request.params.id)),
  );
};
