import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENT_KINDS } from '../../../../common/catalog/vocabulary.ts';
import { applicationFiltersSchema, attachmentSchema } from '../../../../common/schemas/application.ts';
import { idParamsSchema, problemSchema } from '../../../../common/schemas/common.ts';
import { AppError } from '../../../lib/errors.ts';
import { presentAttachment } from '../applications/applications.presenter.ts';
import { assertMayEdit } from '../applications/applications.service.ts';
import {
  addAttachment,
  contentDisposition,
  getAttachment,
  MAX_ATTACHMENT_BYTES,
  removeAttachment,
} from '../attachments/attachments.service.ts';
import { exportRows, publiccodeOf, templateRow, toCsv, toJson, toXlsx } from './export.service.ts';
import { importApplications } from './import.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const today = () => new Date().toISOString().slice(0, 10);

const importResultSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
    rows: z.number().int(),
    dryRun: z.boolean(),
    /** True when the file was written; a file with any error writes nothing. */
    written: z.boolean(),
    items: z.array(
      z.object({
        line: z.number().int(),
        code: z.string(),
        name: z.string(),
        action: z.enum(['create', 'update']),
      }),
    ),
  })
  .meta({ id: 'ImportResult' });

const fileRequired = (detail: string) =>
  new AppError('badRequest', detail, { errors: [{ field: 'file', message: detail }] });

export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer, config } = app.deps;

  async function uploadedFile(request: import('fastify').FastifyRequest, limit: number) {
    if (!request.isMultipart())
      throw fileRequired('Envoyez le fichier en multipart/form-data, dans le champ « file ».');
    const part = await request.file({ limits: { fileSize: limit, files: 1 } });
    if (part?.fieldname !== 'file') throw fileRequired('Le champ « file » est obligatoire.');
    const content = await part.toBuffer();
    const fields = Object.fromEntries(
      Object.entries(part.fields).flatMap(([key, field]) =>
        field && !Array.isArray(field) && field.type === 'field' ? [[key, String(field.value)]] : [],
      ),
    );
    return { name: part.filename, content, fields };
  }

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
        response: { 200: importResultSchema, 422: importResultSchema, ...errors, 413: problemSchema },
      },
    },
    async (request, reply) => {
      const file = await uploadedFile(request, 20 * 1024 * 1024);
      const result = await importApplications(request.ctx, authorizer, file, {
        dryRun: request.query.dryRun,
      });
      const failed = result.errors.length > 0;
      const written = !failed && !result.dryRun;
      const body =
        failed && !result.dryRun ? { ...result, created: 0, updated: 0, written } : { ...result, written };
      return reply.code(failed && !result.dryRun ? 422 : 200).send(body);
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
      const rows = await exportRows(request.ctx, filters);
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
      const { code, yaml } = await publiccodeOf(request.ctx, request.params.id, config.publicUrl);
      return reply
        .type('application/yaml; charset=utf-8')
        .header('Content-Disposition', contentDisposition(`publiccode-${code.toLowerCase()}.yml`))
        .send(yaml);
    },
  );

  app.post(
    '/api/applications/:id/attachments',
    {
      config: {
        access: { action: 'application.update' },
        upload: {
          file: "Capture d'écran (PNG, JPEG, WebP, GIF) ou document (PDF, Office, OpenDocument) ; 5 Mo au plus.",
          fields: {
            kind: {
              description: 'Placé avant « file » dans le formulaire.',
              enum: ['screenshot', 'document'],
            },
          },
        },
      },
      schema: {
        tags: ['catalogue'],
        summary:
          "Joindre une capture d'écran ou un document (multipart : « file », « kind »), 5 Mo au plus, type reconnu par son contenu",
        params: idParamsSchema,
        response: {
          201: attachmentSchema,
          ...errors,
          404: problemSchema,
          413: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) => {
      await assertMayEdit(request.ctx, authorizer, request.params.id);
      const file = await uploadedFile(request, MAX_ATTACHMENT_BYTES);
      const kind = z.enum(ATTACHMENT_KINDS).safeParse(file.fields.kind ?? 'document');
      if (!kind.success)
        throw new AppError('badRequest', 'Le champ « kind » vaut screenshot ou document.', {
          errors: [{ field: 'kind', message: 'Choisissez capture d’écran (screenshot) ou document.' }],
        });
      const row = await addAttachment(request.ctx, authorizer, request.params.id, {
        kind: kind.data,
        fileName: file.name,
        content: file.content,
      });
      return reply.code(201).send(presentAttachment(row));
    },
  );

  app.get(
    '/api/applications/:id/attachments/:attachmentId',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags: ['catalogue'],
        summary: 'Télécharger un fichier joint (toujours en pièce jointe, type détecté à l’envoi)',
        params: idParamsSchema.extend({
          attachmentId: z.uuid({ error: "L'identifiant du fichier n'est pas valide." }),
        }),
        response: { 200: z.unknown(), ...errors, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const file = await getAttachment(request.ctx, request.params.id, request.params.attachmentId);
      return reply
        .type(file.mediaType)
        .header('Content-Disposition', contentDisposition(file.fileName))
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .header('Cache-Control', 'private, max-age=300')
        .header('ETag', `"${file.sha256}"`)
        .send(file.content);
    },
  );

  app.delete(
    '/api/applications/:id/attachments/:attachmentId',
    {
      config: { access: { action: 'application.update' } },
      schema: {
        tags: ['catalogue'],
        summary: "Retirer un fichier d'une fiche",
        params: idParamsSchema.extend({
          attachmentId: z.uuid({ error: "L'identifiant du fichier n'est pas valide." }),
        }),
        response: { 204: z.null(), ...errors, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await removeAttachment(request.ctx, authorizer, request.params.id, request.params.attachmentId);
      return reply.code(204).send(null);
    },
  );
};
