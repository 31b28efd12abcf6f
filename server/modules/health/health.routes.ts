import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { livenessSchema, readinessSchema } from '../../../common/schemas/health.ts';
import { migrationStatus } from '../../db/migration-status.ts';

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
    async (_request, reply) => {
      try {
        await app.deps.db.execute(sql`SELECT 1`);
      } catch {
        return reply
          .code(503)
          .send({ status: 'unavailable', database: 'unreachable', migrations: { expected: 0, applied: 0 } });
      }
      const migrations = await migrationStatus(app.deps.db);
      const ready = migrations.applied >= migrations.expected;
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ok' : 'unavailable', database: 'ok', migrations });
    },
  );
};
