import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../common/schemas/common.ts';
import {
  followListSchema,
  followTargetSchema,
  markReadSchema,
  mentionListSchema,
  mentionQuerySchema,
  notificationListQuerySchema,
  notificationPageSchema,
  notificationPreferencesInputSchema,
  notificationPreferencesSchema,
  unreadCountSchema,
} from '../../../common/schemas/notifications.ts';
import { requireActor } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { presentFollow, presentNotification } from './notifications.presenter.ts';
import {
  changeFollow,
  changeMute,
  markNotificationsRead,
  mentionSuggestions,
  myFollows,
  myNotifications,
  myPreferences,
  updateMyPreferences,
} from './notifications.service.ts';
import { NotificationStreams } from './notifications.stream.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const read = { access: { action: 'notification.read' as const } };
const manage = { access: { action: 'follow.manage' as const } };

/** In-app notifications (list, read, live stream), e-mail preferences, follows and mutes. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  const streams = new NotificationStreams(app.deps.db, app.log, {
    heartbeatMs: config.streamHeartbeatSeconds * 1000,
    timeouts: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
  });
  app.addHook('onClose', () => streams.close());
  app.deps.metrics.gauge(
    'mutualis_sse_connections',
    'Flux de notifications en direct (Server-Sent Events) ouverts sur ce processus',
    null,
    () => ({ '': streams.size }),
  );

  app.get(
    '/api/notifications',
    {
      config: read,
      schema: {
        tags: ['notifications'],
        summary: 'Mes notifications, de la plus récente à la plus ancienne (filtres : non lues, type)',
        querystring: notificationListQuerySchema,
        response: { 200: notificationPageSchema, ...errors },
      },
    },
    async (request) => {
      const page = await myNotifications(request.ctx, request.query);
      return { items: page.rows.map(presentNotification), total: page.total, unread: page.unread };
    },
  );

  app.post(
    '/api/notifications/read',
    {
      config: read,
      schema: {
        tags: ['notifications'],
        summary: 'Marquer comme lues des notifications (ids) ou toutes (all: true)',
        body: markReadSchema,
        response: { 200: unreadCountSchema, ...errors },
      },
    },
    async (request) => ({
      unread: await markNotificationsRead(request.ctx, request.body, app.deps.now()),
    }),
  );

  app.get(
    '/api/notifications/stream',
    {
      config: read,
      schema: {
        tags: ['notifications'],
        summary:
          'Flux en direct (Server-Sent Events) : « unread » à l’ouverture, « notification » à chaque nouvelle notification',
        produces: ['text/event-stream'],
        response: { 200: z.string().describe('text/event-stream'), ...errors, 406: problemSchema },
      },
    },
    async (request, reply) => {
      // Only a live-stream client (EventSource sends this header) gets a response that never ends.
      if (!request.headers.accept?.includes('text/event-stream'))
        throw new AppError(
          'notAcceptable',
          'Ce flux se lit en direct : demandez-le avec l’en-tête Accept: text/event-stream.',
        );
      const actor = requireActor(request.ctx);
      reply.hijack();
      await streams.open({ userId: actor.userId, sessionId: actor.sessionId }, reply.raw);
    },
  );

  app.get(
    '/api/people/mentions',
    {
      config: { access: { action: 'mention.suggest' } },
      schema: {
        tags: ['notifications'],
        summary:
          'Qui mentionner (@prenom.nom) : les comptes actifs dont un nom commence par les lettres tapées, 8 au plus',
        querystring: mentionQuerySchema,
        response: { 200: mentionListSchema, ...errors },
      },
    },
    async (request) => ({ items: await mentionSuggestions(request.ctx, request.query.q) }),
  );

  app.get(
    '/api/me/notification-preferences',
    {
      config: read,
      schema: {
        tags: ['notifications'],
        summary: 'Mes préférences d’e-mail par type d’événement (immédiat, quotidien, hebdomadaire, jamais)',
        response: { 200: notificationPreferencesSchema, ...errors },
      },
    },
    async (request) => ({
      items: await myPreferences(request.ctx),
      emailDelivered: !!app.deps.config.smtpUrl,
    }),
  );

  app.put(
    '/api/me/notification-preferences',
    {
      config: read,
      schema: {
        tags: ['notifications'],
        summary: 'Changer mes préférences d’e-mail (les types non donnés gardent la leur)',
        body: notificationPreferencesInputSchema,
        response: { 200: notificationPreferencesSchema, ...errors },
      },
    },
    async (request) => ({
      items: await updateMyPreferences(request.ctx, request.body),
      emailDelivered: !!app.deps.config.smtpUrl,
    }),
  );

  app.get(
    '/api/me/follows',
    {
      config: manage,
      schema: {
        tags: ['notifications'],
        summary: 'Ce que je suis et les fils que j’ai fait taire',
        response: { 200: followListSchema, ...errors },
      },
    },
    async (request) => ({ items: (await myFollows(request.ctx)).map(presentFollow) }),
  );

  for (const [path, summary, change] of [
    ['/api/follows', ['Suivre un projet ou une application', 'Ne plus suivre'], changeFollow],
    [
      '/api/mutes',
      ['Couper les notifications d’un projet ou d’une application', 'Rétablir ses notifications'],
      changeMute,
    ],
  ] as const) {
    for (const [method, on] of [
      ['POST', true],
      ['DELETE', false],
    ] as const)
      app.route({
        method,
        url: path,
        config: manage,
        schema: {
          tags: ['notifications'],
          summary: summary[on ? 0 : 1],
          body: followTargetSchema,
          response: { 204: z.null(), ...errors, 404: problemSchema },
        },
        handler: async (request, reply) => {
          await change(request.ctx, request.body, on);
          return reply.code(204).send(null);
        },
      });
  }
};
