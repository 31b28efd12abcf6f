import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  reportListQuerySchema,
  reportSchema,
  reportVerificationSchema,
} from '../../../common/schemas/acceptance.ts';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import { contentDisposition } from '../../lib/http.ts';
import { presentReport, presentReportSummary } from './campaigns.presenter.ts';
import { downloadReport, getReport, listReports, verifyReport } from './reports.read.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const TAG = 'acceptance';

/** National acceptance reports: list, one, its signed PDF, and the public verification of its integrity. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;

  app.get(
    '/api/acceptance-reports',
    {
      config: { access: { action: 'acceptanceReport.read' } },
      schema: {
        tags: [TAG],
        summary:
          "Les procès-verbaux nationaux de recette signés, d'une application (applicationId) ou d'un projet (projectId), le plus récent d'abord",
        querystring: reportListQuerySchema,
        response: { 200: z.object({ items: z.array(reportSchema) }), ...errors },
      },
    },
    async (request) => ({
      items: (await listReports(request.ctx, authorizer, request.query)).map(presentReport),
    }),
  );

  app.get(
    '/api/acceptance-reports/:id',
    {
      config: { access: { action: 'acceptanceReport.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Un procès-verbal : décision, indicateurs, réserves ouvertes, ce qui doit être corrigé, empreinte',
        params: idParamsSchema,
        response: { 200: reportSchema, ...errors },
      },
    },
    async (request) => presentReport(await getReport(request.ctx, authorizer, request.params.id)),
  );

  app.get(
    '/api/acceptance-reports/:id/pdf',
    {
      config: { access: { action: 'acceptanceReport.read' } },
      schema: {
        tags: [TAG],
        summary: 'Le PDF signé (PAdES) du procès-verbal, tel que signé',
        params: idParamsSchema,
        response: { 200: z.unknown(), ...errors },
      },
    },
    async (request, reply) => {
      const file = await downloadReport(request.ctx, authorizer, request.params.id);
      return reply
        .type('application/pdf')
        .header('Content-Disposition', contentDisposition(`${file.number}.pdf`))
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .header('ETag', `"${file.sha256}"`)
        .send(file.pdf);
    },
  );

  app.get(
    '/api/acceptance-reports/:id/verify',
    {
      config: { access: { public: true } },
      schema: {
        tags: [TAG],
        summary:
          "Vérifier un procès-verbal (public) : le fichier conservé correspond à l'empreinte SHA-256 enregistrée à la signature, et sa signature PAdES est valide",
        params: idParamsSchema,
        response: { 200: reportVerificationSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const check = await verifyReport(request.ctx, request.params.id);
      return {
        ...presentReportSummary(check.report),
        integrity: check.integrity,
        signatureValid: check.signatureValid,
        certificateSubject: check.certificateSubject,
        valid: check.valid,
      };
    },
  );
};
