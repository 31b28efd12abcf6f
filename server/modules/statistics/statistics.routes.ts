import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../common/schemas/common.ts';
import {
  statisticsExportQuerySchema,
  statisticsQuerySchema,
  statisticsSchema,
} from '../../../common/schemas/statistics.ts';
import { contentDisposition } from '../../lib/http.ts';
import { getStatistics, statisticsWorkbook } from './statistics.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TAG = 'statistics';
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

/** The portal's own statistics for the DDO and the governance board, and their workbook. */
export const statisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/statistics',
    {
      config: { access: { action: 'statistics.read' } },
      schema: {
        tags: [TAG],
        summary:
          "Statistiques du portail (douze derniers mois par défaut) : applications déclarées, déclarations d'utilisation, redondances résolues, déploiements Store par mois ; projets par filière et phase ; appels et taux de réponse ; durées par état (médiane, 90e centile) ; objectifs du support",
        querystring: statisticsQuerySchema,
        response: { 200: statisticsSchema, ...errors },
      },
    },
    async (request) => getStatistics(request.ctx, app.deps.authorizer, request.query, app.deps.now()),
  );

  app.get(
    '/api/statistics.xlsx',
    {
      config: { access: { action: 'statistics.read' } },
      schema: {
        tags: [TAG],
        summary: 'Les mêmes statistiques en classeur XLSX : une feuille par figure, ou la figure demandée',
        querystring: statisticsExportQuerySchema,
        response: { 200: z.unknown(), ...errors },
      },
    },
    async (request, reply) => {
      const file = await statisticsWorkbook(request.ctx, app.deps.authorizer, request.query, app.deps.now());
      const name = `statistiques-${request.query.figure ?? 'portail'}-${file.months[0]}-${file.months.at(-1)}.xlsx`;
      return reply.type(XLSX).header('Content-Disposition', contentDisposition(name)).send(file.body);
    },
  );
};
