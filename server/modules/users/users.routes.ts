import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf, problemSchema } from '../../../common/schemas/common.ts';
import {
  createUserSchema,
  updateUserSchema,
  userListQuerySchema,
  userSchema,
} from '../../../common/schemas/user.ts';
import { lifecycleRoutes } from '../../lib/lifecycle-routes.ts';
import { userAccountBinding } from './users.lifecycle.ts';
import { presentUser } from './users.presenter.ts';
import { createUser, getUser, listUsers, updateUser } from './users.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;
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
      const page = await listUsers(request.ctx, authorizer, request.query);
      return { items: page.items.map(presentUser), total: page.total };
    },
  );

  app.get(
    '/api/users/:id',
    {
      config: { access: { action: 'user.read' } },
      schema: {
        tags: ['users'],
        summary: 'Un compte utilisateur, avec les actions de son cycle de vie',
        params: idParamsSchema,
        response: { 200: userSchema, ...errors, 404: problemSchema },
      },
    },
    async (request) => presentUser(await getUser(request.ctx, authorizer, request.params.id)),
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
      return reply.code(201).send(presentUser(await getUser(request.ctx, authorizer, user.id)));
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: { action: 'user.update' } },
      schema: {
        tags: ['users'],
        summary: 'Modifier un compte : nom, organisme, rôles, mot de passe',
        params: idParamsSchema,
        body: updateUserSchema,
        response: { 200: userSchema, ...errors, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const id = await updateUser(request.ctx, request.params.id, request.body);
      return presentUser(await getUser(request.ctx, authorizer, id));
    },
  );

  await app.register(
    lifecycleRoutes({
      basePath: '/api/users',
      tag: 'users',
      summary: 'Désactiver ou réactiver un compte (cycle de vie du compte)',
      bindings: [userAccountBinding],
      response: userSchema,
      present: async (ctx, id) => presentUser(await getUser(ctx, authorizer, id)),
      afterCommit: () => app.deps.jobs.nudge('outbox'),
    }),
  );
};
