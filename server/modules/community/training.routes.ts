import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REFERENT_REGIONS } from '../../../common/community/vocabulary.ts';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import {
  createSessionSchema,
  demandSchema,
  registrationActionSchema,
  registrationSchema,
  requestTrainingSchema,
  sessionListQuerySchema,
  sessionSchema,
  sessionSummarySchema,
} from '../../../common/schemas/training.ts';
import { lifecycleRoutes } from '../../lib/lifecycle-routes.ts';
import { sessionInvitation } from './training.ics.ts';
import { presentRegistration, presentSession, presentSessionSummary } from './training.presenter.ts';
import {
  actOnRegistration,
  createSession,
  getRegistration,
  getSession,
  listTrainingSessions,
  requestTraining,
  trainingDemand,
} from './training.service.ts';
import { trainingSessionBinding } from './training-sessions.lifecycle.ts';

const TAG = 'community';
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };

export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer, config } = app.deps;
  const present = async (ctx: Parameters<typeof getSession>[0], id: string) =>
    presentSession(await getSession(ctx, authorizer, id));

  app.get(
    '/api/training-sessions',
    {
      config: { access: { action: 'training.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Sessions de formation au starter kit, les plus proches d’abord, avec places prises et liste d’attente',
        querystring: sessionListQuerySchema,
        response: { 200: z.object({ items: z.array(sessionSummarySchema) }), ...errors },
      },
    },
    async (request) => ({
      items: (await listTrainingSessions(request.ctx, request.query)).map((row) =>
        presentSessionSummary(row.session, row.trainer, row),
      ),
    }),
  );

  app.post(
    '/api/training-sessions',
    {
      config: { access: { action: 'training.createSession' } },
      schema: {
        tags: [TAG],
        summary: 'Publier une session de trois jours pour sa région (référent régional)',
        body: createSessionSchema,
        response: { 201: sessionSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const row = await createSession(request.ctx, authorizer, request.body);
      return reply.code(201).send(await present(request.ctx, row.id));
    },
  );

  app.get(
    '/api/training-sessions/:id',
    {
      config: { access: { action: 'training.read' } },
      schema: {
        tags: [TAG],
        summary: 'Une session, ses inscrits et sa liste d’attente (dans l’ordre)',
        params: idParamsSchema,
        response: { 200: sessionSchema, ...errors },
      },
    },
    async (request) => present(request.ctx, request.params.id),
  );

  app.get(
    '/api/training-sessions/:id/invitation.ics',
    {
      config: { access: { action: 'training.read' } },
      schema: {
        tags: [TAG],
        summary: 'Invitation de calendrier (.ics) de la session',
        params: idParamsSchema,
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const view = await getSession(request.ctx, authorizer, request.params.id);
      const url = `${config.publicUrl}/communaute/formations/${view.session.id}`;
      return reply
        .header('Content-Type', 'text/calendar; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="formation-${view.session.startsOn}.ics"`)
        .send(sessionInvitation(view.session, view.trainer.name, url));
    },
  );

  app.post(
    '/api/training-requests',
    {
      config: { access: { action: 'training.request' } },
      schema: {
        tags: [TAG],
        summary:
          'Demander une place pour un développeur de son organisme, prérequis déclarés : inscrit s’il reste une place, en liste d’attente sinon ; sans session, une demande pour la région',
        body: requestTrainingSchema,
        response: { 201: registrationSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const row = await requestTraining(request.ctx, authorizer, request.body);
      return reply.code(201).send(presentRegistration(await getRegistration(request.ctx, row.id)));
    },
  );

  app.post(
    '/api/training-registrations/:id/actions',
    {
      config: { access: { anyOf: ['training.manage', 'training.request'] } },
      schema: {
        tags: [TAG],
        summary:
          'Prérequis vérifiés, refus (motif), présence ou absence (référent formateur) ; annulation (organisme demandeur ou référent) — une place libérée va au premier de la liste d’attente',
        params: idParamsSchema,
        body: registrationActionSchema,
        response: { 200: registrationSchema, ...writeErrors },
      },
    },
    async (request) => {
      await actOnRegistration(request.ctx, authorizer, request.params.id, request.body);
      return presentRegistration(await getRegistration(request.ctx, request.params.id));
    },
  );

  app.get(
    '/api/training-demand',
    {
      config: { access: { action: 'training.readDemand' } },
      schema: {
        tags: [TAG],
        summary: 'Demandes de formation sans session, par région (référents, DDSI)',
        response: { 200: demandSchema, ...errors },
      },
    },
    async (request) => {
      const rows = await trainingDemand(request.ctx, authorizer);
      return {
        regions: REFERENT_REGIONS.map((region) => ({
          region,
          requests: rows.filter((r) => r.registration.region === region).map((r) => presentRegistration(r)),
        })).filter((r) => r.requests.length > 0),
      };
    },
  );

  await app.register(
    lifecycleRoutes({
      basePath: '/api/training-sessions',
      tag: TAG,
      summary: 'Clore une session (présences marquées : les présents deviennent formés) ou l’annuler',
      bindings: [trainingSessionBinding],
      response: sessionSchema,
      present,
    }),
  );
};
