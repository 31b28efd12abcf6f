import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import { erasureSchema, personalDataQuerySchema } from '../../../common/schemas/privacy.ts';
import { userSchema } from '../../../common/schemas/user.ts';
import { contentDisposition } from '../../lib/http.ts';
import { presentUser } from '../users/users.presenter.ts';
import { getUser } from '../users/users.service.ts';
import { presentPersonalData, renderPersonalDataHtml } from './privacy.presenter.ts';
import { eraseUser, exportOwnData, exportUserData, type PersonalData } from './privacy.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const querystring = personalDataQuerySchema.extend({
  lang: z.enum(['fr', 'en'], { error: 'Langue inconnue : fr ou en.' }).default('fr'),
});

/** The file: `donnees-personnelles-<id>-<date>.json|html`, as an attachment. */
function sendExport(reply: FastifyReply, data: PersonalData, format: 'json' | 'html', lang: 'fr' | 'en') {
  const doc = presentPersonalData(data);
  const name = `donnees-personnelles-${data.account.id.slice(0, 8)}-${doc.generatedAt.slice(0, 10)}.${format}`;
  reply.header('Content-Disposition', contentDisposition(name)).header('Cache-Control', 'no-store');
  if (format === 'html')
    return reply.type('text/html; charset=utf-8').send(renderPersonalDataHtml(doc, lang));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(doc, null, 2));
}

/** The rights of the people the portal knows (RGPD): access to one's data, access and erasure requests. */
export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;
  app.get(
    '/api/me/export',
    {
      config: { access: { action: 'session.use' } },
      schema: {
        tags: ['session'],
        summary: 'Télécharger mes données personnelles (JSON, ou HTML lisible)',
        querystring,
        response: { 200: z.unknown(), ...errors },
      },
    },
    async (request, reply) =>
      sendExport(reply, await exportOwnData(request.ctx), request.query.format, request.query.lang),
  );

  app.get(
    '/api/users/:id/export',
    {
      config: { access: { action: 'user.export' } },
      schema: {
        tags: ['users'],
        summary: "Répondre à une demande d'accès : les données d'une personne (téléchargement audité)",
        params: idParamsSchema,
        querystring,
        response: { 200: z.unknown(), ...errors, 404: problemSchema },
      },
    },
    async (request, reply) =>
      sendExport(
        reply,
        await exportUserData(request.ctx, authorizer, request.params.id),
        request.query.format,
        request.query.lang,
      ),
  );

  app.post(
    '/api/users/:id/erasure',
    {
      config: { access: { action: 'user.erase' } },
      schema: {
        tags: ['users'],
        summary: "Répondre à une demande d'effacement : pseudonymiser la personne (irréversible)",
        params: idParamsSchema,
        body: erasureSchema,
        response: { 200: userSchema, ...errors, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      await eraseUser(request.ctx, authorizer, request.params.id, request.body);
      return presentUser(await getUser(request.ctx, authorizer, request.params.id));
    },
  );
};
