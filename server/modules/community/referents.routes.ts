import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import {
  coverageSchema,
  nameReferentSchema,
  referentApplicationListQuerySchema,
  referentApplicationSchema,
  referentApplicationSummarySchema,
  referentSchema,
  submitReferentApplicationSchema,
} from '../../../common/schemas/community.ts';
import { lifecycleRoutes } from '../../lib/lifecycle-routes.ts';
import { referentApplicationBinding } from './referent-applications.lifecycle.ts';
import {
  presentCoverage,
  presentReferent,
  presentReferentApplication,
  presentReferentApplicationSummary,
} from './referents.presenter.ts';
import {
  getCoverage,
  getReferentApplication,
  listReferentApplications,
  nameReferent,
  submitReferentApplication,
  withdrawReferent,
} from './referents.service.ts';

const TAG = 'community';
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };

export const referentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;

  app.get(
    '/api/referents/coverage',
    {
      config: { access: { action: 'referent.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Référents régionaux du starter kit par région : régions couvertes, non couvertes, candidatures en attente',
        response: { 200: coverageSchema, ...errors },
      },
    },
    async (request) => presentCoverage(await getCoverage(request.ctx)),
  );

  app.post(
    '/api/referents',
    {
      config: { access: { action: 'referent.name' } },
      schema: {
        tags: [TAG],
        summary: "Nommer un organisme référent d'une région (DDSI)",
        body: nameReferentSchema,
        response: { 201: referentSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const named = await nameReferent(request.ctx, authorizer, request.body);
      return reply.code(201).send(presentReferent(named));
    },
  );

  app.delete(
    '/api/referents/:id',
    {
      config: { access: { action: 'referent.name' } },
      schema: {
        tags: [TAG],
        summary: 'Retirer un référent régional (DDSI)',
        params: idParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await withdrawReferent(request.ctx, authorizer, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/referent-applications',
    {
      config: { access: { action: 'referentApplication.read' } },
      schema: {
        tags: [TAG],
        summary: 'Candidatures de référent régional : toutes pour la DDSI, celles de son organisme sinon',
        querystring: referentApplicationListQuerySchema,
        response: { 200: z.object({ items: z.array(referentApplicationSummarySchema) }), ...errors },
      },
    },
    async (request) => ({
      items: (await listReferentApplications(request.ctx, request.query.state)).map(
        presentReferentApplicationSummary,
      ),
    }),
  );

  app.post(
    '/api/referent-applications',
    {
      config: { access: { action: 'referentApplication.submit' } },
      schema: {
        tags: [TAG],
        summary:
          "Porter la candidature de son organisme comme référent d'une région non couverte (directeur)",
        body: submitReferentApplicationSchema,
        response: { 201: referentApplicationSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const row = await submitReferentApplication(request.ctx, authorizer, request.body);
      return reply
        .code(201)
        .send(presentReferentApplication(await getReferentApplication(request.ctx, authorizer, row.id)));
    },
  );

  app.get(
    '/api/referent-applications/:id',
    {
      config: { access: { action: 'referentApplication.read' } },
      schema: {
        tags: [TAG],
        summary: 'Une candidature de référent, avec ce que le demandeur peut en faire',
        params: idParamsSchema,
        response: { 200: referentApplicationSchema, ...errors },
      },
    },
    async (request) =>
      presentReferentApplication(await getReferentApplication(request.ctx, authorizer, request.params.id)),
  );

  await app.register(
    lifecycleRoutes({
      basePath: '/api/referent-applications',
      tag: TAG,
      summary:
        'Décider une candidature de référent (DDSI : accepter, refuser) ou la retirer (directeur candidat)',
      bindings: [referentApplicationBinding],
      response: referentApplicationSchema,
      present: async (ctx, id) =>
        presentReferentApplication(await getReferentApplication(ctx, authorizer, id)),
    }),
  );
};
