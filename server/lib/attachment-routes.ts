import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Action } from '../../common/permissions.ts';
import { attachmentSchema } from '../../common/schemas/application.ts';
import { idParamsSchema, problemSchema } from '../../common/schemas/common.ts';
import { presentAttachment } from '../modules/catalog/attachments/attachments.presenter.ts';
import type { AttachmentSummaryRow } from '../modules/catalog/attachments/attachments.queries.ts';
import { type AttachmentFiles, attachmentFiles } from './attachment-files.ts';
import {
  type AttachmentUpload,
  type attachmentBody,
  attachmentIdSchema,
  attachmentUpload,
  type StoredAttachment,
  sendAttachment,
  uploadedAttachment,
} from './attachments.ts';
import type { ServiceContext } from './context.ts';
import type { Authorizer } from './policy.ts';

/** What a kind of subject (a sheet, a project…) does with its files; the routes are the same. */
export interface AttachmentService {
  /** The write check, run before the upload is read (a refused upload is never buffered). */
  assertMayAttach(ctx: ServiceContext, authorizer: Authorizer, subjectId: string): Promise<unknown>;
  /** When present, `GET <basePath>/:id/attachments` lists the subject's files. */
  list?(ctx: ServiceContext, authorizer: Authorizer, subjectId: string): Promise<AttachmentSummaryRow[]>;
  add(
    ctx: ServiceContext,
    authorizer: Authorizer,
    files: AttachmentFiles,
    subjectId: string,
    upload: AttachmentUpload,
  ): Promise<AttachmentSummaryRow>;
  get(
    ctx: ServiceContext,
    authorizer: Authorizer,
    files: AttachmentFiles,
    subjectId: string,
    attachmentId: string,
  ): ReturnType<typeof attachmentBody<StoredAttachment>>;
  remove(
    ctx: ServiceContext,
    authorizer: Authorizer,
    files: AttachmentFiles,
    subjectId: string,
    attachmentId: string,
  ): Promise<void>;
}

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const attachmentParamsSchema = idParamsSchema.extend({ attachmentId: attachmentIdSchema });

/**
 * One route factory for the files of a subject: upload (multipart, 5 MB, type from the content),
 * download (always as an attachment), removal, and the list when the subject's GET does not carry it.
 * The storage, the checks and the answers are lib/attachments.ts; the rules are the subject's service.
 */
export function attachmentRoutes(options: {
  basePath: string;
  tag: string;
  actions: { read: Action; update: Action };
  summaries: { list?: string; add: string; get: string; remove: string };
  service: AttachmentService;
}): FastifyPluginAsyncZod {
  const { basePath, tag, actions, summaries, service } = options;
  return async (app) => {
    const { authorizer, config } = app.deps;
    const files = attachmentFiles(config.dataDir);
    const list = service.list;

    if (list)
      app.get(
        `${basePath}/:id/attachments`,
        {
          config: { access: { action: actions.read } },
          schema: {
            tags: [tag],
            summary: summaries.list ?? summaries.get,
            params: idParamsSchema,
            response: { 200: z.object({ items: z.array(attachmentSchema) }), ...errors },
          },
        },
        async (request) => ({
          items: (await list(request.ctx, authorizer, request.params.id)).map(presentAttachment),
        }),
      );

    app.post(
      `${basePath}/:id/attachments`,
      {
        config: { access: { action: actions.update }, upload: attachmentUpload },
        schema: {
          tags: [tag],
          summary: summaries.add,
          params: idParamsSchema,
          response: {
            201: attachmentSchema,
            ...errors,
            409: problemSchema,
            413: problemSchema,
            415: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        await service.assertMayAttach(request.ctx, authorizer, request.params.id);
        const upload = await uploadedAttachment(request);
        const row = await service.add(request.ctx, authorizer, files, request.params.id, upload);
        return reply.code(201).send(presentAttachment(row));
      },
    );

    app.get(
      `${basePath}/:id/attachments/:attachmentId`,
      {
        config: { access: { action: actions.read } },
        schema: {
          tags: [tag],
          summary: summaries.get,
          params: attachmentParamsSchema,
          response: { 200: z.unknown(), ...errors },
        },
      },
      async (request, reply) => {
        const { id, attachmentId } = request.params;
        return sendAttachment(reply, await service.get(request.ctx, authorizer, files, id, attachmentId));
      },
    );

    app.delete(
      `${basePath}/:id/attachments/:attachmentId`,
      {
        config: { access: { action: actions.update } },
        schema: {
          tags: [tag],
          summary: summaries.remove,
          params: attachmentParamsSchema,
          response: { 204: z.null(), ...errors, 409: problemSchema },
        },
      },
      async (request, reply) => {
        const { id, attachmentId } = request.params;
        await service.remove(request.ctx, authorizer, files, id, attachmentId);
        return reply.code(204).send(null);
      },
    );
  };
}
