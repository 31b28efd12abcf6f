import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { boardMeetingLifecycle } from '../../../common/lifecycles/board-meeting.ts';
import {
  agendaParamsSchema,
  createMeetingSchema,
  meetingListSchema,
  meetingSchema,
  recordDecisionSchema,
  scheduleItemSchema,
  updateMeetingSchema,
} from '../../../common/schemas/board.ts';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { lifecycleRoutes } from '../../lib/lifecycle-routes.ts';
import type { MeetingBinding } from './board.lifecycle.ts';
import { presentMeeting, presentMeetingSummary } from './board.presenter.ts';
import { deleteDecision, recordDecision } from './decisions.service.ts';
import {
  createMeeting,
  getMeeting,
  meetingList,
  scheduleItem,
  unscheduleItem,
  updateMeeting,
} from './meetings.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const TAG = 'board';
const BASE = '/api/board/meetings';
const manage = { access: { action: 'board.manage' as const } };

/** The board's meetings: agenda, attendance, minutes, decisions drafted, and the meeting's lifecycle. */
export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;
  const binding = app.deps.bindings.find(
    (b) => b.definition.name === boardMeetingLifecycle.name,
  ) as MeetingBinding;
  const present = async (ctx: ServiceContext, id: string) =>
    presentMeeting(await getMeeting(ctx, authorizer, binding, id));

  app.get(
    BASE,
    {
      config: { access: { action: 'board.read' } },
      schema: {
        tags: [TAG],
        summary:
          "Les séances de l'instance : les prochaines d'abord, puis les passées, la plus récente en tête",
        response: { 200: meetingListSchema, ...errors },
      },
    },
    async (request) => ({
      items: (await meetingList(request.ctx, authorizer)).map((r) =>
        presentMeetingSummary(r.meeting, r.itemCount),
      ),
    }),
  );

  app.post(
    BASE,
    {
      config: manage,
      schema: {
        tags: [TAG],
        summary: 'Prévoir une séance (intitulé, date, lieu)',
        body: createMeetingSchema,
        response: { 201: meetingSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await createMeeting(request.ctx, authorizer, request.body);
      return reply.code(201).send(await present(request.ctx, id));
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      config: { access: { action: 'board.read' } },
      schema: {
        tags: [TAG],
        summary:
          "Une séance : ordre du jour, présences ; compte rendu et décisions pour l'instance, ou pour tous une fois publiés ; transitions permises",
        params: idParamsSchema,
        response: { 200: meetingSchema, ...errors },
      },
    },
    async (request) => present(request.ctx, request.params.id),
  );

  app.patch(
    `${BASE}/:id`,
    {
      config: manage,
      schema: {
        tags: [TAG],
        summary:
          'Modifier une séance à la version lue : intitulé, date et lieu tant que prévue ; présences et compte rendu (Markdown) tant que prévue ou tenue',
        params: idParamsSchema,
        body: updateMeetingSchema,
        response: { 200: meetingSchema, ...writeErrors },
      },
    },
    async (request) => {
      await updateMeeting(request.ctx, authorizer, request.params.id, request.body);
      return present(request.ctx, request.params.id);
    },
  );

  app.post(
    `${BASE}/:id/agenda`,
    {
      config: manage,
      schema: {
        tags: [TAG],
        summary: "Inscrire un point en attente à l'ordre du jour d'une séance prévue",
        params: idParamsSchema,
        body: scheduleItemSchema,
        response: { 200: meetingSchema, ...writeErrors },
      },
    },
    async (request) => {
      await scheduleItem(request.ctx, authorizer, request.params.id, request.body.itemId);
      return present(request.ctx, request.params.id);
    },
  );

  app.delete(
    `${BASE}/:id/agenda/:itemId`,
    {
      config: manage,
      schema: {
        tags: [TAG],
        summary: "Retirer un point de l'ordre du jour d'une séance prévue (il attend de nouveau)",
        params: agendaParamsSchema,
        response: { 200: meetingSchema, ...writeErrors },
      },
    },
    async (request) => {
      await unscheduleItem(request.ctx, authorizer, request.params.id, request.params.itemId);
      return present(request.ctx, request.params.id);
    },
  );

  app.post(
    `${BASE}/:id/decisions`,
    {
      config: manage,
      schema: {
        tags: [TAG],
        summary:
          "Rédiger la décision d'un point de l'ordre du jour d'une séance tenue : question, options, décision, motif, vote ou consensus, objets concernés ; numérotée et appliquée à la publication du compte rendu",
        params: idParamsSchema,
        body: recordDecisionSchema,
        response: { 201: meetingSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      await recordDecision(request.ctx, authorizer, request.params.id, request.body);
      return reply.code(201).send(await present(request.ctx, request.params.id));
    },
  );

  app.delete(
    '/api/board/decisions/:id',
    {
      config: manage,
      schema: {
        tags: [TAG],
        summary: "Retirer un projet de décision d'une séance tenue (une décision publiée reste au registre)",
        params: idParamsSchema,
        response: { 200: meetingSchema, ...writeErrors },
      },
    },
    async (request) => present(request.ctx, await deleteDecision(request.ctx, authorizer, request.params.id)),
  );

  await app.register(
    lifecycleRoutes({
      basePath: BASE,
      tag: TAG,
      summary:
        'Faire avancer une séance : la tenir, publier son compte rendu (les décisions sont numérotées et appliquées dans la même transaction), ou l’annuler (motif)',
      bindings: [binding],
      response: meetingSchema,
      present,
      afterCommit: () => app.deps.jobs.nudge('outbox'),
    }),
  );
};
