import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import {
  confirmMonthSchema,
  correctEffortSchema,
  effortQuerySchema,
  effortYearSchema,
  recordEffortSchema,
} from '../../../common/schemas/effort.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { uploadedFile } from '../../lib/http.ts';
import { presentEffortYear } from './effort.presenter.ts';
import {
  confirmMonth,
  correctEffort,
  getEffortYear,
  recordEffort,
  recordEffortLines,
} from './effort.service.ts';
import { EFFORT_COLUMNS, readEffortWorkbook } from './effort-import.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const TAG = 'compensation';
const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;

/** Effort records: an office's year, a line, a correction, a month's confirmation, an import. */
export const effortRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;
  const year = async (ctx: ServiceContext, organisationId: string | undefined, month: string) =>
    presentEffortYear(
      await getEffortYear(ctx, authorizer, { organisationId, year: Number(month.slice(0, 4)) }),
    );

  app.get(
    '/api/effort',
    {
      config: { access: { action: 'effort.read' } },
      schema: {
        tags: [TAG],
        summary:
          "L'effort d'un organisme sur une année (le sien par défaut) : lignes et corrections, total et confirmation de chaque mois",
        querystring: effortQuerySchema,
        response: { 200: effortYearSchema, ...errors },
      },
    },
    async (request) => presentEffortYear(await getEffortYear(request.ctx, authorizer, request.query)),
  );

  app.post(
    '/api/effort',
    {
      config: { access: { action: 'effort.record' } },
      schema: {
        tags: [TAG],
        summary:
          "Déclarer une ligne d'effort (jours-personnes d'un mois, par activité et profil, sur un projet, une application ou un développement national) ; un mois confirmé n'accepte plus que des corrections (409)",
        body: recordEffortSchema,
        response: { 201: effortYearSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      await recordEffort(request.ctx, authorizer, request.body);
      return reply.code(201).send(await year(request.ctx, request.body.organisationId, request.body.month));
    },
  );

  app.post(
    '/api/effort/:id/corrections',
    {
      config: { access: { action: 'effort.record' } },
      schema: {
        tags: [TAG],
        summary:
          "Corriger une ligne d'effort : une nouvelle ligne (différence signée, motif), auditée ; la ligne corrigée ne change pas",
        params: idParamsSchema,
        body: correctEffortSchema,
        response: { 201: effortYearSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { organisationId, month } = await correctEffort(
        request.ctx,
        authorizer,
        request.params.id,
        request.body,
      );
      return reply.code(201).send(await year(request.ctx, organisationId, month));
    },
  );

  app.post(
    '/api/effort/confirmations',
    {
      config: { access: { action: 'effort.confirm' } },
      schema: {
        tags: [TAG],
        summary:
          "Confirmer les chiffres d'un mois terminé de son organisme (le directeur), une fois pour toutes",
        body: confirmMonthSchema,
        response: { 201: effortYearSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      await confirmMonth(request.ctx, authorizer, request.body);
      return reply.code(201).send(await year(request.ctx, request.body.organisationId, request.body.month));
    },
  );

  app.post(
    '/api/effort/import',
    {
      config: {
        access: { action: 'effort.record' },
        upload: {
          file: `Classeur XLSX, colonnes : ${Object.values(EFFORT_COLUMNS).join(', ')} ; 5 Mo au plus.`,
        },
      },
      schema: {
        tags: [TAG],
        summary:
          "Importer l'effort de son organisme d'un classeur XLSX ; une seule erreur et rien n'est écrit (422, ligne par ligne)",
        response: {
          201: effortYearSchema,
          ...writeErrors,
          413: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const file = await uploadedFile(request, MAX_WORKBOOK_BYTES);
      const read = await readEffortWorkbook(request.ctx.db, file.content);
      if ('problem' in read) throw new AppError('unprocessable', read.problem, { errors: read.errors });
      await recordEffortLines(request.ctx, authorizer, undefined, read.lines, 'import');
      const last = read.lines
        .map((l) => l.month)
        .sort()
        .at(-1) as string;
      return reply.code(201).send(await year(request.ctx, undefined, last));
    },
  );
};
