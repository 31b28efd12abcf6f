import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import {
  commentIdParamsSchema,
  commentInputSchema,
  commentSchema,
} from '../../../common/schemas/project-collaboration.ts';
import { presentComment } from './collaboration.presenter.ts';
import { addComment, deleteComment, editComment, projectComments } from './comments.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const threadSchema = z.object({ items: z.array(commentSchema) }).meta({ id: 'ProjectCommentThread' });

/** A project's comment thread: Markdown, edited by its author within 15 minutes, deleted by its author or an admin. */
export const commentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer, now } = app.deps;
  const thread = async (request: { ctx: Parameters<typeof projectComments>[0] }, projectId: string) => {
    const actor = request.ctx.actor;
    const viewer = {
      userId: actor?.userId ?? '',
      mayModerate: authorizer.can(actor, 'project.moderateComments'),
    };
    const at = now();
    return {
      items: (await projectComments(request.ctx, projectId)).map((row) => presentComment(row, viewer, at)),
    };
  };

  app.get(
    '/api/projects/:id/comments',
    {
      config: { access: { action: 'project.read' } },
      schema: {
        tags: ['projects'],
        summary: 'Les commentaires d’un projet, du plus ancien au plus récent',
        params: idParamsSchema,
        response: { 200: threadSchema, ...errors },
      },
    },
    async (request) => thread(request, request.params.id),
  );

  app.post(
    '/api/projects/:id/comments',
    {
      config: { access: { action: 'project.comment' } },
      schema: {
        tags: ['projects'],
        summary: 'Commenter un projet (Markdown)',
        params: idParamsSchema,
        body: commentInputSchema,
        response: { 201: threadSchema, ...errors },
      },
    },
    async (request, reply) => {
      await addComment(request.ctx, authorizer, request.params.id, request.body.body, now);
      return reply.code(201).send(await thread(request, request.params.id));
    },
  );

  app.patch(
    '/api/projects/:id/comments/:commentId',
    {
      config: { access: { action: 'project.comment' } },
      schema: {
        tags: ['projects'],
        summary: 'Modifier son commentaire, dans les 15 minutes',
        params: commentIdParamsSchema,
        body: commentInputSchema,
        response: { 200: threadSchema, ...errors, 422: problemSchema },
      },
    },
    async (request) => {
      await editComment(request.ctx, request.params.id, request.params.commentId, request.body.body, now);
      return thread(request, request.params.id);
    },
  );

  app.delete(
    '/api/projects/:id/comments/:commentId',
    {
      config: { access: { action: 'project.comment' } },
      schema: {
        tags: ['projects'],
        summary: 'Supprimer un commentaire (son auteur, ou un administrateur)',
        params: commentIdParamsSchema,
        response: { 200: threadSchema, ...errors },
      },
    },
    async (request) => {
      await deleteComment(request.ctx, authorizer, request.params.id, request.params.commentId, now);
      return thread(request, request.params.id);
    },
  );
};
