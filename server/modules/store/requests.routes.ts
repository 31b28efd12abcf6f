import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import {
  createRequestSchema,
  requestListQuerySchema,
  requestPageSchema,
  requestSchema,
  tenantSchema,
  updateRequestSchema,
} from '../../../common/schemas/deployment-request.ts';
import { lifecycleRoutes } from '../../lib/lifecycle-routes.ts';
import { PROVISIONING_JOB } from './provisioning.job.ts';
import { requestBinding } from './requests.lifecycle.ts';
import { presentRequest, presentRequestSummary, presentTenant } from './requests.presenter.ts';
import { createRequest, getRequest, listRequests, listTenants, updateRequest } from './requests.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Deployment requests (« demandes de mise à disposition »), their transitions, and the tenants of an application. */
export const requestRoutes: FastifyPluginAsyncZod = async (app) => {
  const present = async (ctx: Parameters<typeof getRequest>[0], id: string) =>
    presentRequest(await getRequest(ctx, app.deps.authorizer, id, app.deps.now()));

  app.post(
    '/api/deployment-requests',
    {
      config: { access: { action: 'deploymentRequest.create' } },
      schema: {
        tags: ['store'],
        summary:
          'Demander une application du Store pour son organisme (brouillon) : utilisateurs attendus, date souhaitée, environnements, réponses de protection des données',
        body: createRequestSchema,
        response: { 201: requestSchema, 409: problemSchema, 422: problemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const id = await createRequest(request.ctx, app.deps.authorizer, request.body);
      return reply.code(201).send(await present(request.ctx, id));
    },
  );

  app.get(
    '/api/deployment-requests',
    {
      config: { access: { action: 'deploymentRequest.read' } },
      schema: {
        tags: ['store'],
        summary:
          'Les demandes de son organisme (toutes pour la DDSI et la gouvernance) ; files : `director` (soumises à son directeur), `ddsi` (approuvées, provisionnements en échec), `mine`',
        querystring: requestListQuerySchema,
        response: { 200: requestPageSchema, ...errors },
      },
    },
    async (request) => {
      const { rows, total } = await listRequests(request.ctx, app.deps.authorizer, request.query);
      return { items: rows.map(presentRequestSummary), total };
    },
  );

  app.get(
    '/api/deployment-requests/:id',
    {
      config: { access: { action: 'deploymentRequest.read' } },
      schema: {
        tags: ['store'],
        summary:
          'Une demande : son locataire AM Cloud, ses transitions possibles (`transitions`) et sa chronologie',
        params: idParamsSchema,
        response: { 200: requestSchema, ...errors },
      },
    },
    async (request) => present(request.ctx, request.params.id),
  );

  app.patch(
    '/api/deployment-requests/:id',
    {
      config: { access: { action: 'deploymentRequest.update' } },
      schema: {
        tags: ['store'],
        summary: 'Compléter une demande en brouillon ou renvoyée pour modification (avec la version lue)',
        params: idParamsSchema,
        body: updateRequestSchema,
        response: { 200: requestSchema, 409: problemSchema, ...errors },
      },
    },
    async (request) => {
      await updateRequest(request.ctx, app.deps.authorizer, request.params.id, request.body);
      return present(request.ctx, request.params.id);
    },
  );

  await app.register(
    lifecycleRoutes({
      basePath: '/api/deployment-requests',
      tag: 'store',
      summary:
        'Faire avancer une demande : soumettre, approuver (directeur), valider (DDSI), renvoyer, refuser, annuler',
      bindings: [requestBinding],
      response: requestSchema,
      present,
      // A validated request is provisioned by the job, at once.
      afterCommit: () => app.deps.jobs.nudge(PROVISIONING_JOB),
    }),
  );

  app.get(
    '/api/applications/:id/tenants',
    {
      config: { access: { action: 'tenant.read' } },
      schema: {
        tags: ['store'],
        summary: "Les locataires AM Cloud d'une application : un par organisme, sur l'instance partagée",
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(tenantSchema) }), ...errors },
      },
    },
    async (request) => ({
      items: (await listTenants(request.ctx, app.deps.authorizer, request.params.id)).map(presentTenant),
    }),
  );
};
