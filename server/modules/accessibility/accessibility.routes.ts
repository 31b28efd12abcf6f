import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { REPORT_LIMITS } from '../../../common/accessibility/vocabulary.ts';
import {
  accessibilityReceiptSchema,
  accessibilityReportListQuerySchema,
  accessibilityReportListSchema,
  accessibilityReportSchema,
  reportAccessibilityProblemSchema,
} from '../../../common/schemas/accessibility.ts';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import { lifecycleRoutes } from '../../lib/lifecycle-routes.ts';
import { presentReceipt, presentReport, presentReportList } from './accessibility.presenter.ts';
import {
  getAccessibilityReport,
  listAccessibilityReports,
  reportAccessibilityProblem,
} from './accessibility.service.ts';
import { accessibilityReportBinding } from './reports.lifecycle.ts';

const TAG = 'accessibility';
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** Accessibility reports: sent by anyone from the statement page, handled by the administrators. */
export const accessibilityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;

  app.post(
    '/api/accessibility-reports',
    {
      // Anyone, signed in or not. Without a session, only JSON is read (a form of another site cannot
      // send it without the browser asking first); with one, the CSRF header as for every write.
      config: { access: { public: true, csrfWhenSignedIn: true } },
      bodyLimit: REPORT_LIMITS.bodyBytes,
      schema: {
        tags: [TAG],
        summary: `Signaler un problème d'accessibilité (public) : adresse de la page, description, nom facultatif, e-mail pour la réponse (obligatoire sans connexion) — ${REPORT_LIMITS.perSource} signalements par heure et par compte (sans connexion : par adresse IP)`,
        body: reportAccessibilityProblemSchema,
        response: { 201: accessibilityReceiptSchema, ...errors, 413: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const report = await reportAccessibilityProblem(request.ctx, request.body, { ip: request.ip });
      return reply.code(201).send(presentReceipt(report));
    },
  );

  app.get(
    '/api/accessibility-reports',
    {
      config: { access: { action: 'accessibilityReport.list' } },
      schema: {
        tags: [TAG],
        summary: "La file des signalements d'accessibilité (administrateurs), filtrée par état",
        querystring: accessibilityReportListQuerySchema,
        response: { 200: accessibilityReportListSchema, ...errors },
      },
    },
    async (request) =>
      presentReportList(
        await listAccessibilityReports(request.ctx, authorizer, request.query),
        request.query.state,
      ),
  );

  app.get(
    '/api/accessibility-reports/:id',
    {
      config: { access: { action: 'accessibilityReport.list' } },
      schema: {
        tags: [TAG],
        summary: "Un signalement d'accessibilité, sa réponse et les actions possibles",
        params: idParamsSchema,
        response: { 200: accessibilityReportSchema, ...errors },
      },
    },
    async (request) =>
      presentReport(await getAccessibilityReport(request.ctx, authorizer, request.params.id)),
  );

  await app.register(
    lifecycleRoutes({
      basePath: '/api/accessibility-reports',
      tag: TAG,
      summary:
        "Traiter un signalement d'accessibilité (administrateurs) : prendre en charge, répondre (la réponse part par e-mail), clore, clore sans réponse",
      bindings: [accessibilityReportBinding],
      response: accessibilityReportSchema,
      present: async (ctx, id) => presentReport(await getAccessibilityReport(ctx, authorizer, id)),
      afterCommit: () => app.deps.jobs.nudge('outbox'),
    }),
  );
};
