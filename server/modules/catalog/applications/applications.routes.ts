import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  applicationSchema,
  businessDomainSchema,
  createApplicationSchema,
  updateApplicationSchema,
} from '../../../../common/schemas/application.ts';
import { idParamsSchema, problemSchema } from '../../../../common/schemas/common.ts';
import { lifecycleRoutes } from '../../../lib/lifecycle-routes.ts';
import { APPLICATION_BINDINGS } from './applications.lifecycle.ts';
import { presentApplication } from './applications.presenter.ts';
import { createApplication, getApplication, listDomains, updateApplication } from './applications.service.ts';

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
      await app.deps.catalogue.afterWrite();
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
    async (request) => {
      const application = await updateApplication(request.ctx, authorizer, request.params.id, request.body);
      await app.deps.catalogue.afterWrite();
      return presentApplication(application, request.actor, authorizer);
    },
  );

  await app.register(
    lifecycleRoutes({
      basePath: '/api/applications',
      tag: 'catalogue',
      summary: 'Archiver, restaurer ou certifier une application (cycles de vie de la fiche)',
      bindings: APPLICATION_BINDINGS,
      response: applicationSchema,
      present: async (ctx, id) =>
        presentApplication(await getApplication(ctx, authorizer, id), ctx.actor, authorizer),
      afterCommit: async () => {
        await app.deps.catalogue.afterWrite();
        await app.deps.jobs.nudge('outbox');
      },
    }),
  );
};
