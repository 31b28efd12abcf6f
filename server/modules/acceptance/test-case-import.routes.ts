import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type CampaignDto, campaignSchema } from '../../../common/schemas/acceptance.ts';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { uploadedFile } from '../../lib/http.ts';
import { readTestCases, TEST_CASE_COLUMNS } from './test-case-import.ts';
import { addTestCases } from './test-plan.service.ts';

const MAX_PLAN_BYTES = 5 * 1024 * 1024;

/** POST /api/acceptance-campaigns/:id/test-cases/import: a test plan from a workbook, all or nothing. */
export const testCaseImportRoutes =
  (present: (ctx: ServiceContext, id: string) => Promise<CampaignDto>): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/acceptance-campaigns/:id/test-cases/import',
      {
        config: {
          access: { action: 'campaign.plan' },
          upload: { file: `Classeur XLSX, colonnes : ${TEST_CASE_COLUMNS.join(', ')} ; 5 Mo au plus.` },
        },
        schema: {
          tags: ['acceptance'],
          summary:
            "Importer le plan de tests d'un classeur XLSX ; une seule erreur et rien n'est écrit (422, ligne par ligne)",
          params: idParamsSchema,
          response: {
            201: campaignSchema,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
            409: problemSchema,
            413: problemSchema,
            422: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const file = await uploadedFile(request, MAX_PLAN_BYTES);
        const read = await readTestCases(file.content);
        if ('problem' in read) throw new AppError('unprocessable', read.problem, { errors: read.errors });
        await addTestCases(request.ctx, app.deps.authorizer, request.params.id, read.cases, 'file');
        return reply.code(201).send(await present(request.ctx, request.params.id));
      },
    );
  };
