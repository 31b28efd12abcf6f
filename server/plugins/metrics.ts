import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../common/schemas/common.ts';
import { poolStatsOf } from '../db/client.ts';
import { AppError } from '../lib/errors.ts';
import type { Metrics } from '../lib/metrics.ts';

import { countJobs } from '../modules/jobs/jobs.queries.ts';

const sameToken = (given: string, expected: string) => {
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * One access-log line per request (route pattern, status, time, the actor's id: never an e-mail, a
 * token or a query string), the same figures to the metrics, and `GET /metrics` in Prometheus's text
 * format — behind a bearer token when `MUTUALIS_METRICS_TOKEN` is set.
 */
export function registerMetrics(app: FastifyInstance, metrics: Metrics) {
  {
    const { db, catalogue, config } = app.deps;
    metrics.gauge(
      'mutualis_db_pool_connections',
      'Connexions du pool PostgreSQL : ouvertes (total), libres (idle), requêtes en attente (waiting)',
      'state',
      () => poolStatsOf(db) ?? {},
    );
    metrics.gauge(
      'mutualis_jobs',
      'Tâches de fond (outbox) : en attente (pending), en échec après leurs essais (failed)',
      'state',
      async () => {
        const counts = await countJobs(db);
        return { pending: counts.pending, failed: counts.failed };
      },
    );
    const reloaded = metrics.counter(
      'mutualis_search_index_reloads_total',
      'Lectures de l’index de recherche : le catalogue entier (full) ou les changements (incremental)',
      'kind',
    );
    catalogue.onReload = reloaded;
    metrics.gauge(
      'mutualis_search_index_documents',
      'Applications dans l’index de recherche de ce processus',
      null,
      () => ({ '': catalogue.current?.documentCount ?? 0 }),
    );
    metrics.gauge(
      'mutualis_search_index_bytes',
      'Mémoire estimée de l’index de recherche de ce processus',
      null,
      () => {
        const sizes = catalogue.current?.byteSizes();
        return { '': sizes ? Object.values(sizes).reduce((a, b) => a + b, 0) : 0 };
      },
    );

    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      const seconds = reply.elapsedTime / 1000;
      metrics.observeRequest(request.method, route, reply.statusCode, seconds);
      request.log.info(
        {
          method: request.method,
          route,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime * 10) / 10,
          actorId: request.actor?.userId ?? null,
        },
        'access',
      );
    });

    app.withTypeProvider<ZodTypeProvider>().get(
      '/metrics',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['health'],
          summary: 'Mesures au format texte de Prometheus (jeton porteur si configuré)',
          response: { 200: z.string(), 401: problemSchema },
        },
      },
      async (request, reply) => {
        if (config.metricsToken) {
          const header = request.headers.authorization ?? '';
          const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
          if (!sameToken(given, config.metricsToken))
            throw new AppError(
              'unauthenticated',
              'Les mesures demandent le jeton configuré (en-tête Authorization: Bearer …).',
            );
        }
        return reply
          .header('Content-Type', metrics.registry.contentType)
          .send(await metrics.registry.metrics());
      },
    );
  }
}
