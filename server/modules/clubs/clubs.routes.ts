import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  clubMeetingInputSchema,
  clubMeetingSchema,
  clubMeetingUpdateSchema,
  clubMemberParamsSchema,
  clubPostInputSchema,
  clubPostSchema,
  clubSchema,
  clubVoteSchema,
  clubWishInputSchema,
  clubWishSchema,
} from '../../../common/schemas/clubs.ts';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { lifecycleRoutes } from '../../lib/lifecycle-routes.ts';
import { clubWishBinding } from './club-wishes.lifecycle.ts';
import { presentClub, presentMeeting, presentPost, presentWish } from './clubs.presenter.ts';
import {
  editMeeting,
  getClub,
  getPost,
  getWish,
  joinClub,
  leaveClub,
  proposeWish,
  publishPost,
  scheduleMeeting,
  voteOnWish,
} from './clubs.service.ts';

const TAG = 'clubs';
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };

/** User clubs: an application's club, its members, news, meetings, wishes and votes. */
export const clubsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;
  const club = async (ctx: ServiceContext, id: string) => presentClub(await getClub(ctx, authorizer, id));
  const wish = async (ctx: ServiceContext, id: string) => presentWish(await getWish(ctx, authorizer, id));

  app.get(
    '/api/applications/:id/club',
    {
      config: { access: { action: 'club.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Le club utilisateurs d’une application : organismes membres et contacts, actualités, réunions, évolutions souhaitées avec leurs votes, ce que l’appelant peut y faire',
        params: idParamsSchema,
        response: { 200: clubSchema, ...errors },
      },
    },
    async (request) => club(request.ctx, request.params.id),
  );

  app.put(
    '/api/applications/:id/club/membership',
    {
      config: { access: { action: 'club.join' } },
      schema: {
        tags: [TAG],
        summary:
          'Faire adhérer son organisme au club (s’il n’en est pas membre) et s’en déclarer contact ; l’organisme concepteur anime le club sans y adhérer',
        params: idParamsSchema,
        response: { 200: clubSchema, ...writeErrors },
      },
    },
    async (request) => {
      await joinClub(request.ctx, authorizer, request.params.id);
      return club(request.ctx, request.params.id);
    },
  );

  app.delete(
    '/api/applications/:id/club/members/:organisationId',
    {
      config: { access: { action: 'club.leave' } },
      schema: {
        tags: [TAG],
        summary:
          'Retirer un organisme du club, avec ses contacts : l’organisme lui-même, ou l’organisme concepteur',
        params: clubMemberParamsSchema,
        response: { 200: clubSchema, ...writeErrors },
      },
    },
    async (request) => {
      await leaveClub(request.ctx, authorizer, request.params.id, request.params.organisationId);
      return club(request.ctx, request.params.id);
    },
  );

  app.post(
    '/api/applications/:id/club/posts',
    {
      config: { access: { action: 'club.publish' } },
      schema: {
        tags: [TAG],
        summary:
          'Publier une actualité du club (Markdown), par l’organisme concepteur ; ses contacts membres en sont notifiés',
        params: idParamsSchema,
        body: clubPostInputSchema,
        response: { 201: clubPostSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const post = await publishPost(request.ctx, authorizer, request.params.id, request.body);
      return reply.code(201).send(presentPost(await getPost(request.ctx, post.id)));
    },
  );

  app.post(
    '/api/applications/:id/club/meetings',
    {
      config: { access: { action: 'club.publish' } },
      schema: {
        tags: [TAG],
        summary:
          'Programmer une réunion du club (date, ordre du jour en Markdown, compte rendu facultatif), par l’organisme concepteur',
        params: idParamsSchema,
        body: clubMeetingInputSchema,
        response: { 201: clubMeetingSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          presentMeeting(await scheduleMeeting(request.ctx, authorizer, request.params.id, request.body)),
        ),
  );

  app.patch(
    '/api/club-meetings/:id',
    {
      config: { access: { action: 'club.publish' } },
      schema: {
        tags: [TAG],
        summary:
          'Modifier une réunion du club ou en écrire le compte rendu, à la version lue (409 si elle a changé)',
        params: idParamsSchema,
        body: clubMeetingUpdateSchema,
        response: { 200: clubMeetingSchema, ...writeErrors },
      },
    },
    async (request) =>
      presentMeeting(await editMeeting(request.ctx, authorizer, request.params.id, request.body)),
  );

  app.post(
    '/api/applications/:id/club/wishes',
    {
      config: { access: { action: 'club.wish' } },
      schema: {
        tags: [TAG],
        summary: 'Proposer une évolution au club : un organisme membre, ou l’organisme concepteur',
        params: idParamsSchema,
        body: clubWishInputSchema,
        response: { 201: clubWishSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const row = await proposeWish(request.ctx, authorizer, request.params.id, request.body);
      return reply.code(201).send(await wish(request.ctx, row.id));
    },
  );

  app.get(
    '/api/club-wishes/:id',
    {
      config: { access: { action: 'club.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Une évolution souhaitée : ses votes, le vote de l’organisme de l’appelant, la réponse du concepteur',
        params: idParamsSchema,
        response: { 200: clubWishSchema, ...errors },
      },
    },
    async (request) => wish(request.ctx, request.params.id),
  );

  app.put(
    '/api/club-wishes/:id/vote',
    {
      config: { access: { action: 'club.vote' } },
      schema: {
        tags: [TAG],
        summary:
          'Voter pour (for) ou contre (against) une évolution ouverte au nom de son organisme membre : un vote par organisme, que chacun de ses membres peut changer',
        params: idParamsSchema,
        body: clubVoteSchema,
        response: { 200: clubWishSchema, ...writeErrors },
      },
    },
    async (request) => {
      await voteOnWish(request.ctx, authorizer, request.params.id, request.body);
      return wish(request.ctx, request.params.id);
    },
  );

  app.delete(
    '/api/club-wishes/:id/vote',
    {
      config: { access: { action: 'club.vote' } },
      schema: {
        tags: [TAG],
        summary: 'Retirer le vote de son organisme sur une évolution ouverte',
        params: idParamsSchema,
        response: { 200: clubWishSchema, ...writeErrors },
      },
    },
    async (request) => {
      await voteOnWish(request.ctx, authorizer, request.params.id, null);
      return wish(request.ctx, request.params.id);
    },
  );

  await app.register(
    lifecycleRoutes({
      basePath: '/api/club-wishes',
      tag: TAG,
      summary:
        'Répondre à une évolution (organisme concepteur) : la prévoir dans une version (plan) ou la décliner avec un motif (decline)',
      bindings: [clubWishBinding],
      response: clubWishSchema,
      present: wish,
    }),
  );
};
