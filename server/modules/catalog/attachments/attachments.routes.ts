import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentSchema } from '../../../../common/schemas/application.ts';
import { idParamsSchema, problemSchema } from '../../../../common/schemas/common.ts';
import { attachmentFiles } from '../../../lib/attachment-files.ts';
import {
  attachmentIdSchema,
  attachmentUpload,
  sendAttachment,
  uploadedAttachment,
} from '../../../lib/attachments.ts';
import { assertMayEdit } from '../applications/applications.service.ts';
import { presentAttachment } from './attachments.presenter.ts';
import { addAttachment, getAttachment, removeAttachment } from './attachments.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const attachmentParamsSchema = idParamsSchema.extend({ attachmentId: attachmentIdSchema });

export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer, config } = app.deps;
  const files = attachmentFiles(config.dataDir);

  app.post(
    '/api/applications/:id/attachments',
    {
      config: {
        access: { action: 'application.update' },
        upload: attachmentUpload,
      },
      schema: {
        tags: ['catalogue'],
        summary:
          "Joindre une capture d'écran ou un document (multipart : « file », « kind »), 5 Mo au plus, type reconnu par son contenu",
        params: idParamsSchema,
        response: {
          201: attachmentSchema,
          ...errors,
          404: problemSchema,
          413: problemSchema,
          415: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) => {
      await assertMayEdit(request.ctx, authorizer, request.params.id);
      const upload = await uploadedAttachment(request);
      const row = await addAttachment(request.ctx, authorizer, files, request.params.id, upload);
      return reply.code(201).send(presentAttachment(row));
    },
  );

  app.get(
    '/api/applications/:id/attachments/:attachmentId',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags: ['catalogue'],
        summary: 'Télécharger un fichier joint (toujours en pièce jointe, type détecté à l’envoi)',
        params: attachmentParamsSchema,
        response: { 200: z.unknown(), ...errors, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const file = await getAttachment(request.ctx, files, request.params.id, request.params.attachmentId);
      return sendAttachment(reply, file);
    },
  );

  app.delete(
    '/api/applications/:id/attachments/:attachmentId',
    {
      config: { access: { action: 'application.update' } },
      schema: {
        tags: ['catalogue'],
        summary: "Retirer un fichier d'une fiche",
        params: attachmentParamsSchema,
        response: { 204: z.null(), ...errors, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await removeAttachment(request.ctx, authorizer, files, request.params.id, request.params.attachmentId);
      return reply.code(204).send(null);
    },
  );
};
