import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentSchema } from '../../../common/schemas/application.ts';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import { attachmentFiles } from '../../lib/attachment-files.ts';
import {
  attachmentIdSchema,
  attachmentUpload,
  sendAttachment,
  uploadedAttachment,
} from '../../lib/attachments.ts';
import { presentAttachment } from '../catalog/attachments/attachments.presenter.ts';
import {
  addProjectAttachment,
  assertMayAttach,
  getProjectAttachment,
  listProjectAttachments,
  removeProjectAttachment,
} from './attachments.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const attachmentParamsSchema = idParamsSchema.extend({ attachmentId: attachmentIdSchema });

/** Screenshots and documents of a project: the catalogue's storage and checks, the project's rules. */
export const projectAttachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer, config } = app.deps;
  const files = attachmentFiles(config.dataDir);

  app.get(
    '/api/projects/:id/attachments',
    {
      config: { access: { action: 'project.read' } },
      schema: {
        tags: ['projects'],
        summary: "Les fichiers joints d'un projet, du plus ancien au plus récent",
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(attachmentSchema) }), ...errors },
      },
    },
    async (request) => ({
      items: (await listProjectAttachments(request.ctx, authorizer, request.params.id)).map(
        presentAttachment,
      ),
    }),
  );

  app.post(
    '/api/projects/:id/attachments',
    {
      config: { access: { action: 'project.update' }, upload: attachmentUpload },
      schema: {
        tags: ['projects'],
        summary:
          "Joindre une capture d'écran ou un document à un projet (multipart : « kind » puis « file »), 5 Mo au plus, type reconnu par son contenu",
        params: idParamsSchema,
        response: {
          201: attachmentSchema,
          ...errors,
          413: problemSchema,
          415: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) => {
      await assertMayAttach(request.ctx, authorizer, request.params.id);
      const upload = await uploadedAttachment(request);
      const row = await addProjectAttachment(request.ctx, authorizer, files, request.params.id, upload);
      return reply.code(201).send(presentAttachment(row));
    },
  );

  app.get(
    '/api/projects/:id/attachments/:attachmentId',
    {
      config: { access: { action: 'project.read' } },
      schema: {
        tags: ['projects'],
        summary: "Télécharger un fichier d'un projet (toujours en pièce jointe, type détecté à l’envoi)",
        params: attachmentParamsSchema,
        response: { 200: z.unknown(), ...errors },
      },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      return sendAttachment(
        reply,
        await getProjectAttachment(request.ctx, authorizer, files, id, attachmentId),
      );
    },
  );

  app.delete(
    '/api/projects/:id/attachments/:attachmentId',
    {
      config: { access: { action: 'project.update' } },
      schema: {
        tags: ['projects'],
        summary: "Retirer un fichier d'un projet",
        params: attachmentParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      await removeProjectAttachment(request.ctx, authorizer, files, id, attachmentId);
      return reply.code(204).send(null);
    },
  );
};
