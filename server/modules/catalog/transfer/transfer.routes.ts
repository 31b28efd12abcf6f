import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importResultSchema } from '../../../../common/schemas/application.ts';
import { applicationFiltersSchema } from '../../../../common/schemas/application-search.ts';
import { idParamsSchema, problemSchema } from '../../../../common/schemas/common.ts';
import { contentDisposition, uploadedFile } from '../../../lib/http.ts';
import { exportApplications, getPubliccodeSource } from './export.service.ts';
import { importApplications } from './import.service.ts';
import { presentPubliccode } from './publiccode.presenter.ts';
import { presentImportResult, templateRow, toCsv, toJson, toXlsx } from './transfer.presenter.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const today = () => new Date().toISOString().slice(0, 10);

export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer, config } = app.deps;

  app.get(
    '/api/applications/import/template.csv',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags: ['catalogue'],
        summary: "Modèle d'inventaire CSV (en-têtes en français, une ligne d'exemple)",
        response: { 200: z.string(), ...errors },
      },
    },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', contentDisposition('modele-inventaire-applications.csv'))
        .send(toCsv([templateRow()])),
  );

  app.get(
    '/api/applications/import/template.xlsx',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags: ['catalogue'],
        summary: "Modèle d'inventaire XLSX (avec la feuille « Colonnes » qui documente chaque colonne)",
        response: { 200: z.unknown(), ...errors },
      },
    },
    async (_request, reply) =>
      reply
        .type(XLSX)
        .header('Content-Disposition', contentDisposition('modele-inventaire-applications.xlsx'))
        .send(await toXlsx([templateRow()], { withGuide: true })),
  );

  app.post(
    '/api/applications/import',
    {
      config: {
        access: { action: 'application.import' },
        upload: {
          file: 'Inventaire CSV ou XLSX (en-têtes du modèle), ou un publiccode.yml ; 20 Mo au plus.',
        },
      },
      schema: {
        tags: ['catalogue'],
        summary:
          'Importer un inventaire (CSV, XLSX) ou un publiccode.yml, champ multipart « file ». dryRun=true vérifie sans écrire ; une seule erreur et rien n’est écrit.',
        querystring: z.object({
          dryRun: z
            .enum(['true', 'false'], { error: 'dryRun vaut true ou false.' })
            .default('false')
            .transform((v) => v === 'true'),
        }),
        response: {
          200: importResultSchema,
          // The file's faults, row by row; a publiccode.yml that is not readable YAML is a problem.
          422: z.union([importResultSchema, problemSchema]),
          ...errors,
          413: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const file = await uploadedFile(request, 20 * 1024 * 1024);
      const result = await importApplications(request.ctx, authorizer, file, {
        dryRun: request.query.dryRun,
      });
      const { status, body } = presentImportResult(result);
      return reply.code(status).send(body);
    },
  );

  app.get(
    '/api/applications/export',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags: ['catalogue'],
        summary: 'Exporter la liste filtrée (mêmes filtres que la recherche) en CSV, XLSX ou JSON',
        querystring: applicationFiltersSchema.extend({
          format: z
            .enum(['csv', 'xlsx', 'json'], { error: 'Format inconnu : csv, xlsx ou json.' })
            .default('csv'),
        }),
        response: { 200: z.unknown(), ...errors },
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const rows = await exportApplications(request.ctx, app.deps.catalogue, filters);
      const name = `catalogue-applications-${today()}.${format}`;
      reply.header('Content-Disposition', contentDisposition(name));
      if (format === 'json')
        return reply.type('application/json; charset=utf-8').send(JSON.stringify(toJson(rows)));
      if (format === 'xlsx') return reply.type(XLSX).send(await toXlsx(rows));
      return reply.type('text/csv; charset=utf-8').send(toCsv(rows));
    },
  );

  app.get(
    '/api/applications/:id/publiccode.yml',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags: ['catalogue'],
        summary: 'La fiche au format publiccode.yml (standard 0.4), valide selon le standard',
        params: idParamsSchema,
        response: { 200: z.string(), ...errors, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const { application, usingOffices } = await getPubliccodeSource(request.ctx, request.params.id);
      const { code, yaml } = presentPubliccode(application, usingOffices, config.publicUrl);
      return reply
        .type('application/yaml; charset=utf-8')
        .header('Content-Disposition', contentDisposition(`publiccode-${code.toLowerCase()}.yml`))
        .send(yaml);
    },
  );
};
