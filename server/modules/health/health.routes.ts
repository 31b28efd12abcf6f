import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkReadiness } from './health.service.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health/live',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['health'],
        summary: 'Le processus répond',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  const readiness = z.object({
    status: z.enum(['ok', 'unavailable']),
    database: z.enum(['ok', 'unreachable']),
    migrations: z.object({ expected: z.number(), applied: z.number() }),
  });
  app.get(
    '/health/ready',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['health'],
        summary: 'Prêt à servir : base joignable et migrations appliquées',
        response: { 200: readiness, 503: readiness },
      },
    },
    async (request, reply) => {
      const readiness = await checkReadiness(request.ctx);
      return reply.code(readiness.status === 'ok' ? 200 : 503).send(readiness);
    },
  );
};
