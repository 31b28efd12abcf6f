import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../common/schemas/common.ts';
import {
  changePasswordSchema,
  loginResultSchema,
  loginSchema,
  meSchema,
  publicConfigSchema,
} from '../../../common/schemas/user.ts';
import { presentOrganisation } from '../organisations/organisations.presenter.ts';
import { presentUser } from '../users/users.presenter.ts';
import { changeOwnPassword, getMe, login, logout } from './auth.service.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS } from './login-throttle.ts';
import { createOidcClient } from './oidc.client.ts';
import { oidcRoutes } from './oidc.routes.ts';
import { SESSION_COOKIE, setSessionCookie } from './session-cookie.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.deps;
  const secureCookie = config.publicUrl.startsWith('https://');
  const oidcClient = config.oidc ? createOidcClient(config.oidc, config.publicUrl) : null;
  await app.register(oidcRoutes, { client: oidcClient });

  app.get(
    '/api/config',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['session'],
        summary:
          "Paramètres publics de l'instance (mode démo, comptes de démonstration, durées de conservation)",
        response: { 200: publicConfigSchema },
      },
    },
    async () => ({
      demo: config.demo,
      demoAccounts: config.demo
        ? DEMO_ACCOUNTS.map(({ email, description }) => ({ email, description }))
        : [],
      demoPassword: config.demo ? config.demoPassword : null,
      localLogin: config.localLogin,
      singleSignOn: oidcClient ? { logoutUrl: await oidcClient.logoutUrl() } : null,
      session: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
      retention: config.retention,
    }),
  );

  app.post(
    '/api/auth/login',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['session'],
        summary: 'Se connecter',
        body: loginSchema,
        response: {
          200: loginResultSchema,
          400: problemSchema,
          401: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const { user, session, deviceToken } = await login(request.ctx, config, {
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        previousToken: request.cookies[SESSION_COOKIE],
        deviceToken: request.cookies[DEVICE_COOKIE],
      });
      setSessionCookie(reply, session, secureCookie);
      if (deviceToken) {
        reply.setCookie(DEVICE_COOKIE, deviceToken, {
          path: '/api/auth',
          httpOnly: true,
          sameSite: 'strict',
          secure: secureCookie,
          maxAge: DEVICE_COOKIE_DAYS * 24 * 3600,
        });
      }
      return { user: presentUser({ user, transitions: [], lifecycles: [] }), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { action: 'session.use' } },
      schema: {
        tags: ['session'],
        summary: 'Se déconnecter',
        response: { 204: z.null(), 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      await logout(request.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: { action: 'session.use' } },
      schema: {
        tags: ['session'],
        summary: 'Moi : mon compte, mon organisme, mes rôles et ce que je peux faire',
        response: { 200: meSchema, 401: problemSchema },
      },
    },
    async (request) => {
      const { actor, user, organisation } = await getMe(request.ctx);
      return {
        user: presentUser({ user, transitions: [], lifecycles: [] }),
        organisation: presentOrganisation(organisation),
        roles: [...actor.roles],
        abilities: app.deps.authorizer.abilities(actor),
        csrfToken: actor.csrfToken,
      };
    },
  );

  app.post(
    '/api/me/password',
    {
      config: { access: { action: 'session.use' } },
      schema: {
        tags: ['session'],
        summary: 'Changer mon mot de passe (met fin à mes autres sessions)',
        body: changePasswordSchema,
        response: { 204: z.null(), 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(request.ctx, request.body);
      return reply.code(204).send(null);
    },
  );
};
