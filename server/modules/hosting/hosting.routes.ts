import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../../common/schemas/common.ts';
import {
  budgetAnswerSchema,
  budgetBodySchema,
  costReportSchema,
  costsQuerySchema,
  priceListsSchema,
} from '../../../common/schemas/hosting.ts';
import { contentDisposition } from '../../lib/http.ts';
import { costReport, costWorkbook, priceLists, setBudget } from './hosting.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TAG = 'store';
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

/** AM Cloud hosting costs for governance: the price list, the report and its workbook, budgets. */
export const hostingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/hosting/price-lists',
    {
      config: { access: { action: 'hosting.read' } },
      schema: {
        tags: [TAG],
        summary:
          'La grille tarifaire AM Cloud de la DDSI, version par version (prix mensuels en centimes, règle de dimensionnement)',
        response: { 200: priceListsSchema, ...errors },
      },
    },
    async (request) => priceLists(request.ctx),
  );

  app.get(
    '/api/hosting/costs',
    {
      config: { access: { action: 'hosting.read' } },
      schema: {
        tags: [TAG],
        summary:
          "Coûts d'hébergement AM Cloud mois par mois (six derniers mois par défaut) par application, organisme et région, répartition des instances partagées, économies de la mutualisation, budgets de l'année",
        querystring: costsQuerySchema,
        response: { 200: costReportSchema, ...errors },
      },
    },
    async (request) => costReport(request.ctx, request.query, app.deps.now()),
  );

  app.get(
    '/api/hosting/costs.xlsx',
    {
      config: { access: { action: 'hosting.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Les mêmes coûts en classeur XLSX pour la gouvernance (par application, organisme, région ; répartition ; économies ; budgets)',
        querystring: costsQuerySchema,
        response: { 200: z.unknown(), ...errors },
      },
    },
    async (request, reply) => {
      const file = await costWorkbook(request.ctx, request.query, app.deps.now());
      return reply
        .type(XLSX)
        .header(
          'Content-Disposition',
          contentDisposition(`couts-am-cloud-${file.months[0]}-${file.months.at(-1)}.xlsx`),
        )
        .send(file.body);
    },
  );

  app.put(
    '/api/hosting/budgets',
    {
      config: { access: { action: 'hosting.budget' } },
      schema: {
        tags: [TAG],
        summary:
          "Le budget d'hébergement annuel d'un organisme (DDSI) : créé, ou modifié avec la version lue ; un seuil de 80 % ou 100 % déjà atteint alerte aussitôt, une fois",
        body: budgetBodySchema,
        response: {
          200: budgetAnswerSchema,
          201: budgetAnswerSchema,
          409: problemSchema,
          422: problemSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { created, budget } = await setBudget(request.ctx, request.body, app.deps.now());
      return reply.code(created ? 201 : 200).send(budget);
    },
  );
};
