import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { livenessSchema, readinessSchema } from '../../../common/schemas/health.ts';
import { checkReadiness } from './health.service.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health/live',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['health'],
        summary: 'Le processus répond',
        response: { 200: livenessSchema },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['health'],
        summary: 'Prêt à servir : base joignable et migrations appliquées',
        response: { 200: readinessSchema, 503: readinessSchema },
      },
    },
    async (request, reply) => {
      const readiness = await checkReadiness(request.ctx);
      return reply.code(readiness.status === 'ok' ? 200 : 503).send(readiness);
    },
  );
};
