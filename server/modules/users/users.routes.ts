import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf, problemSchema } from '../../../common/schemas/common.ts';
import {
  createUserSchema,
  updateUserSchema,
  userListQuerySchema,
  userSchema,
} from '../../../common/schemas/user.ts';
import { presentUser } from './users.presenter.ts';
import { createUser, getUser, listUsers, updateUser } from './users.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/users',
    {
      config: { access: { action: 'user.list' } },
      schema: {
        tags: ['users'],
        summary:
          'Comptes utilisateurs (tous pour un administrateur, ceux de son organisme pour un directeur)',
        querystring: userListQuerySchema,
        response: { 200: pageOf(userSchema), ...errors },
      },
    },
    async (request) => {
      const page = await listUsers(request.ctx, request.query);
      return { items: page.items.map((u) => presentUser(u, request.actor)), total: page.total };
    },
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: { action: 'user.read' } },
      schema: {
        tags: ['users'],
        summary: 'Un compte utilisateur',
        params: idParamsSchema,
        response: { 200: userSchema, ...errors, 404: problemSchema },
      },
    },
    async (request) =>
      presentUser(await getUser(request.ctx, app.deps.authorizer, request.params.id), request.actor),
  );

  app.post(
    '/api/users',
    {
      config: { access: { action: 'user.create' } },
      schema: {
        tags: ['users'],
        summary: 'Créer un compte',
        body: createUserSchema,
        response: { 201: userSchema, ...errors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const user = await createUser(request.ctx, request.body);
      return reply.code(201).send(presentUser(user, request.actor));
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: { action: 'user.update' } },
      schema: {
        tags: ['users'],
        summary:
          'Modifier un compte : nom, organisme, rôles, mot de passe, statut (désactivation, réactivation)',
        params: idParamsSchema,
        body: updateUserSchema,
        response: { 200: userSchema, ...errors, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request) =>
      presentUser(await updateUser(request.ctx, request.params.id, request.body), request.actor),
  );
};
