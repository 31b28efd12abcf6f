import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { statementLifecycle } from '../../../common/lifecycles/statement.ts';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import {
  agreementStatementsSchema,
  balanceQuerySchema,
  computeStatementSchema,
  networkBalanceSchema,
  statementExportQuerySchema,
  statementSchema,
} from '../../../common/schemas/statements.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { contentDisposition } from '../../lib/http.ts';
import { lifecycleRoutes } from '../../lib/lifecycle-routes.ts';
import { writeGridWorkbook } from '../evaluation/grid-xlsx.files.ts';
import { networkBalance } from './balance.service.ts';
import { statementCsv, statementReference, statementSheets } from './statement-export.ts';
import type { StatementBinding } from './statements.lifecycle.ts';
import { presentAgreementStatements, presentStatement } from './statements.presenter.ts';
import { agreementStatements, computeStatement, getStatement } from './statements.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const TAG = 'compensation';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The statements of agreements (computed, validated, exported) and the network balance. */
export const statementRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;
  const binding = app.deps.bindings.find(
    (b) => b.definition.name === statementLifecycle.name,
  ) as StatementBinding;
  const present = async (ctx: ServiceContext, id: string) =>
    presentStatement(await getStatement(ctx, authorizer, binding, id));

  app.get(
    '/api/agreements/:id/statements',
    {
      config: { access: { action: 'statement.read' } },
      schema: {
        tags: [TAG],
        summary:
          "Les relevés d'une convention et ses périodes (celles qui sont écoulées, celles qui ont leur relevé), le montant engagé sous le plafond",
        params: idParamsSchema,
        response: { 200: agreementStatementsSchema, ...errors },
      },
    },
    async (request) =>
      presentAgreementStatements(await agreementStatements(request.ctx, authorizer, request.params.id)),
  );

  app.post(
    '/api/agreements/:id/statements',
    {
      config: { access: { action: 'statement.compute' } },
      schema: {
        tags: [TAG],
        summary:
          "Calculer le relevé d'une période écoulée (la DDO) : effort confirmé, barème en vigueur au début de la période ou part du forfait, dans le plafond",
        params: idParamsSchema,
        body: computeStatementSchema,
        response: { 201: statementSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await computeStatement(request.ctx, authorizer, request.params.id, request.body);
      return reply.code(201).send(await present(request.ctx, id));
    },
  );

  app.get(
    '/api/statements/:id',
    {
      config: { access: { action: 'statement.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Un relevé : ses chiffres figés (barème, taux, lignes), le plafond, son état et ses transitions',
        params: idParamsSchema,
        response: { 200: statementSchema, ...errors },
      },
    },
    async (request) => present(request.ctx, request.params.id),
  );

  app.get(
    '/api/statements/:id/export',
    {
      config: { access: { action: 'statement.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Le relevé pour la comptabilité : format=csv (UTF-8 avec BOM, « ; », virgule décimale) ou format=xlsx (relevé et détail)',
        params: idParamsSchema,
        querystring: statementExportQuerySchema,
        response: { 200: z.unknown(), ...errors },
      },
    },
    async (request, reply) => {
      const statement = await present(request.ctx, request.params.id);
      const name = statementReference(statement).toLowerCase();
      if (request.query.format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', contentDisposition(`${name}.csv`))
          .send(statementCsv(statement));
      return reply
        .type(XLSX)
        .header('Content-Disposition', contentDisposition(`${name}.xlsx`))
        .send(await writeGridWorkbook(statementSheets(statement)));
    },
  );

  app.get(
    '/api/network-balance',
    {
      config: { access: { action: 'networkBalance.read' } },
      schema: {
        tags: [TAG],
        summary:
          "Le bilan du réseau sur une période (from, to ; les douze derniers mois par défaut) : par organisme l'effort donné et les applications d'autres utilisées (utilisateurs, part d'hébergement), par application l'effort et les organismes servis, l'économie estimée avec sa formule",
        querystring: balanceQuerySchema,
        response: { 200: networkBalanceSchema, ...writeErrors },
      },
    },
    async (request) => networkBalance(request.ctx, authorizer, request.query, app.deps.now()),
  );

  await app.register(
    lifecycleRoutes({
      basePath: '/api/statements',
      tag: TAG,
      summary: 'Valider un relevé (la DDO), ou retirer un brouillon pour recalculer sa période',
      bindings: [binding],
      response: statementSchema,
      present,
    }),
  );
};
