import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../common/schemas/common.ts';
import {
  jobIdParamsSchema,
  jobListQuerySchema,
  jobListSchema,
  jobSchema,
} from '../../../common/schemas/jobs.ts';
import { presentJob } from './jobs.presenter.ts';
import { listBackgroundJobs, retryJob } from './jobs.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

/** The administrators' view of the background jobs: the queue, its failures, a retry. */
export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/jobs',
    {
      config: { access: { action: 'job.read' } },
      schema: {
        tags: ['jobs'],
        summary: 'Travaux en arrière-plan (en attente, en échec, exécutés), du plus récent au plus ancien',
        querystring: jobListQuerySchema,
        response: { 200: jobListSchema, ...errors },
      },
    },
    async (request) => {
      const page = await listBackgroundJobs(request.ctx, request.query);
      return {
        items: page.rows.map(presentJob),
        total: page.total,
        counts: page.counts,
        runner: app.deps.jobs.runner,
        mail: {
          mode: app.deps.config.smtpUrl ? ('smtp' as const) : ('log' as const),
          from: app.deps.config.mailFrom,
        },
      };
    },
  );

  app.post(
    '/api/admin/jobs/:id/retry',
    {
      config: { access: { action: 'job.retry' } },
      schema: {
        tags: ['jobs'],
        summary: 'Relancer un travail en échec',
        params: jobIdParamsSchema,
        response: { 200: jobSchema, ...errors, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) => {
      const job = await retryJob(request.ctx, request.params.id);
      await app.deps.jobs.nudge('outbox');
      return presentJob(job);
    },
  );
};
