import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applicationSchema,
  businessDomainSchema,
  createApplicationSchema,
  updateApplicationSchema,
} from '../../../../common/schemas/application.ts';
import { idParamsSchema, problemSchema } from '../../../../common/schemas/common.ts';
import { presentApplication } from './applications.presenter.ts';
import {
  archiveApplication,
  createApplication,
  getApplication,
  listDomains,
  updateApplication,
} from './applications.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;

  app.get(
    '/api/business-domains',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags: ['catalogue'],
        summary: 'Domaines métier (référentiel)',
        response: { 200: z.array(businessDomainSchema), ...errors },
      },
    },
    async (request) => listDomains(request.ctx),
  );

  app.post(
    '/api/applications',
    {
      config: { access: { action: 'application.create' } },
      schema: {
        tags: ['catalogue'],
        summary: 'Déclarer une application (fiche complète)',
        body: createApplicationSchema,
        response: { 201: applicationSchema, ...errors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const application = await createApplication(request.ctx, authorizer, request.body);
      return reply.code(201).send(presentApplication(application, request.actor, authorizer));
    },
  );

  app.get(
    '/api/applications/:id',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags: ['catalogue'],
        summary: "Fiche d'une application",
        params: idParamsSchema,
        response: { 200: applicationSchema, ...errors, 404: problemSchema },
      },
    },
    async (request) =>
      presentApplication(
        await getApplication(request.ctx, authorizer, request.params.id),
        request.actor,
        authorizer,
      ),
  );

  app.patch(
    '/api/applications/:id',
    {
      config: { access: { action: 'application.update' } },
      schema: {
        tags: ['catalogue'],
        summary: "Modifier une fiche (champs fournis seulement) ; `version` protège contre l'écrasement",
        params: idParamsSchema,
        body: updateApplicationSchema,
        response: {
          200: applicationSchema,
          ...errors,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) =>
      presentApplication(
        await updateApplication(request.ctx, authorizer, request.params.id, request.body),
        request.actor,
        authorizer,
      ),
  );

  app.delete(
    '/api/applications/:id',
    {
      config: { access: { action: 'application.update' } },
      schema: {
        tags: ['catalogue'],
        summary: 'Archiver une application (elle quitte le catalogue, son historique reste)',
        params: idParamsSchema,
        querystring: z.object({
          version: z.coerce.number({ error: 'La version est un nombre.' }).int().min(1).optional(),
        }),
        response: { 204: z.null(), ...errors, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await archiveApplication(request.ctx, authorizer, request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  );
};
