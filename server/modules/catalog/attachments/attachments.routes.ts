import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENT_KINDS } from '../../../../common/catalog/vocabulary.ts';
import { attachmentSchema } from '../../../../common/schemas/application.ts';
import { idParamsSchema, problemSchema } from '../../../../common/schemas/common.ts';
import { AppError } from '../../../lib/errors.ts';
import { contentDisposition, uploadedFile } from '../../../lib/http.ts';
import { assertMayEdit } from '../applications/applications.service.ts';
import { attachmentFiles } from './attachment-files.ts';
import { presentAttachment } from './attachments.presenter.ts';
import {
  addAttachment,
  getAttachment,
  MAX_ATTACHMENT_BYTES,
  removeAttachment,
} from './attachments.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const attachmentParamsSchema = idParamsSchema.extend({
  attachmentId: z.uuid({ error: "L'identifiant du fichier n'est pas valide." }),
});

export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer, config } = app.deps;
  const files = attachmentFiles(config.dataDir);

  app.post(
    '/api/applications/:id/attachments',
    {
      config: {
        access: { action: 'application.update' },
        upload: {
          file: "Capture d'écran (PNG, JPEG, WebP, GIF) ou document (PDF, Office, OpenDocument) ; 5 Mo au plus.",
          fields: {
            kind: {
              description: 'Placé avant « file » dans le formulaire.',
              enum: ['screenshot', 'document'],
            },
          },
        },
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
          422: problemSchema,
        },
      },
    },
    async (request, reply) => {
      await assertMayEdit(request.ctx, authorizer, request.params.id);
      const file = await uploadedFile(request, MAX_ATTACHMENT_BYTES);
      const kind = z.enum(ATTACHMENT_KINDS).safeParse(file.fields.kind ?? 'document');
      if (!kind.success)
        throw new AppError('badRequest', 'Le champ « kind » vaut screenshot ou document.', {
          errors: [{ field: 'kind', message: 'Choisissez capture d’écran (screenshot) ou document.' }],
        });
      const row = await addAttachment(request.ctx, authorizer, files, request.params.id, {
        kind: kind.data,
        fileName: file.name,
        content: file.content,
      });
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
      return reply
        .type(file.mediaType)
        .header('Content-Disposition', contentDisposition(file.fileName))
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .header('Cache-Control', 'private, max-age=300')
        .header('ETag', `"${file.sha256}"`)
        .header('Content-Length', String(file.size))
        .send(file.body);
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
