import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { type Authorizer, createAuthorizer } from './lib/policy.ts';
import { auditPolicy } from './modules/audit/audit.policy.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { sessionPolicy } from './modules/auth/auth.policy.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { applicationRoutes } from './modules/catalog/applications/applications.routes.ts';
import { attachmentRoutes } from './modules/catalog/attachments/attachments.routes.ts';
import { catalogPolicy } from './modules/catalog/catalog.policy.ts';
import { searchRoutes } from './modules/catalog/search/search.routes.ts';
import { transferRoutes } from './modules/catalog/transfer/transfer.routes.ts';
import { usageRoutes } from './modules/catalog/usages/usages.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { organisationPolicy } from './modules/organisations/organisations.policy.ts';
import { organisationRoutes } from './modules/organisations/organisations.routes.ts';
import { userPolicy } from './modules/users/users.policy.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerWeb } from './plugins/web.ts';

z.config(z.locales.fr());

export interface AppDeps {
  db: Database;
  config: Config;
  authorizer: Authorizer;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/** Every module's policy, listed here explicitly: an action no table grants is denied. */
const POLICIES = [sessionPolicy, organisationPolicy, userPolicy, auditPolicy, catalogPolicy];

/** The only place that wires plugins and modules; shared by main.ts and the tests. */
export async function buildApp(options: {
  db: Database;
  config: Config;
  logger?: FastifyServerOptions['logger'];
}) {
  const app = Fastify({
    logger: options.logger ?? { level: options.config.logLevel },
    genReqId: () => randomUUID(),
    trustProxy:
      typeof options.config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (options.config.trustProxy as number)
        : options.config.trustProxy,
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', { db: options.db, config: options.config, authorizer: createAuthorizer(POLICIES) });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
  });

  registerErrorHandling(app);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets inline style attributes and one <style> element.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: options.config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: options.config.publicUrl.startsWith('https://'),
    crossOriginEmbedderPolicy: false,
  });
  // Uploads: one file per request; each route sets its own size limit.
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 5, fileSize: 20 * 1024 * 1024 } });
  registerAuth(app);
  await registerOpenApi(app, options.config.publicUrl);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(organisationRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(searchRoutes);
  await app.register(applicationRoutes);
  await app.register(usageRoutes);
  await app.register(transferRoutes);
  await app.register(attachmentRoutes);
  await registerWeb(app, options.config.webDir);

  await app.ready();
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
