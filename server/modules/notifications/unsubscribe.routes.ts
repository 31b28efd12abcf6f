import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../common/schemas/common.ts';
import { unsubscribeQuerySchema, unsubscribeResultSchema } from '../../../common/schemas/notifications.ts';
import { unsubscribeByLink } from './notifications.service.ts';

/**
 * `POST /api/notifications/unsubscribe?token=…`, without a session: the address of an e-mail's
 * `List-Unsubscribe` header, which mail clients POST to with `List-Unsubscribe=One-Click` (RFC 8058,
 * form-encoded: parsed here, in this plugin only), and what the web page `/desabonnement` calls. A GET
 * changes nothing, so that link scanners cannot unsubscribe anyone.
 */
export const unsubscribeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  app.post(
    '/api/notifications/unsubscribe',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['notifications'],
        summary:
          'Désinscription en un clic d’un e-mail (lien signé) : ce type de notification ne sera plus envoyé par e-mail',
        querystring: unsubscribeQuerySchema,
        body: z
          .object({
            'List-Unsubscribe': z.literal('One-Click', { error: 'List-Unsubscribe vaut One-Click.' }),
          })
          .nullish(),
        response: { 200: unsubscribeResultSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => unsubscribeByLink(request.ctx, request.query.token),
  );
};
