import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, problemSchema, rowVersion } from '../../../common/schemas/common.ts';
import {
  createGridDraftSchema,
  gridDiffSchema,
  gridKindSchema,
  gridSchema,
  gridVersionSchema,
  updateGridDraftSchema,
} from '../../../common/schemas/evaluation-grid.ts';
import { AppError } from '../../lib/errors.ts';
import { contentDisposition, uploadedFile } from '../../lib/http.ts';
import { lifecycleRoutes } from '../../lib/lifecycle-routes.ts';
import { gridVersionBinding } from './grids.lifecycle.ts';
import { presentGrids, presentGridVersion } from './grids.presenter.ts';
import {
  createGridDraft,
  describeGridVersion,
  diffGridVersions,
  exportGridVersion,
  importGridDraft,
  listGrids,
  updateGridDraft,
} from './grids.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A grid's workbook is a few hundred rows: 5 MB is far above, and a zip bomb is refused before reading. */
const MAX_GRID_FILE_BYTES = 5 * 1024 * 1024;
const TAG = 'evaluation-grids';

const versionField = z.coerce.number({ error: 'La version lue est un nombre entier.' }).pipe(rowVersion);

/** Grids: versions, drafts, publication (lifecycle), diff, XLSX export and import. */
export const gridRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;
  const present = async (ctx: Parameters<typeof describeGridVersion>[0], id: string) =>
    presentGridVersion(await describeGridVersion(ctx, authorizer, id));

  app.get(
    '/api/evaluation-grids',
    {
      config: { access: { action: 'grid.read' } },
      schema: {
        tags: [TAG],
        summary:
          "Les grilles d'évaluation et leurs versions (les brouillons pour la DDSI, la DDFC et les administrateurs)",
        response: { 200: z.object({ items: z.array(gridSchema) }), ...errors },
      },
    },
    async (request) => ({ items: presentGrids(await listGrids(request.ctx)) }),
  );

  app.post(
    '/api/evaluation-grids/:kind/versions',
    {
      config: { access: { action: 'grid.manage' } },
      schema: {
        tags: [TAG],
        summary: 'Ouvrir un brouillon : nouvelle version copiée de la dernière (un brouillon à la fois)',
        params: z.object({ kind: gridKindSchema }),
        body: createGridDraftSchema,
        response: { 201: gridVersionSchema, ...errors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const id = await createGridDraft(request.ctx, authorizer, request.params.kind, request.body);
      return reply.code(201).send(await present(request.ctx, id));
    },
  );

  app.get(
    '/api/evaluation-grid-versions/:id',
    {
      config: { access: { action: 'grid.read' } },
      schema: {
        tags: [TAG],
        summary: 'Une version de grille : sections, exigences, profil de criticité, règles, cycle de vie',
        params: idParamsSchema,
        response: { 200: gridVersionSchema, ...errors },
      },
    },
    async (request) => present(request.ctx, request.params.id),
  );

  app.patch(
    '/api/evaluation-grid-versions/:id',
    {
      config: { access: { action: 'grid.manage' } },
      schema: {
        tags: [TAG],
        summary:
          'Modifier un brouillon (contenu remplacé en entier, note), à la version lue ; une version publiée ne change plus',
        params: idParamsSchema,
        body: updateGridDraftSchema,
        response: { 200: gridVersionSchema, ...errors, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      await updateGridDraft(request.ctx, authorizer, request.params.id, request.body);
      return present(request.ctx, request.params.id);
    },
  );

  app.get(
    '/api/evaluation-grid-versions/:id/diff',
    {
      config: { access: { action: 'grid.read' } },
      schema: {
        tags: [TAG],
        summary:
          "Ce qui change d'une version à l'autre de la même grille (sections, exigences, profil, règles)",
        params: idParamsSchema,
        querystring: z.object({
          from: z.uuid({ error: '« from » désigne une version de grille par son identifiant.' }),
        }),
        response: { 200: gridDiffSchema, ...errors, 422: problemSchema },
      },
    },
    async (request) => diffGridVersions(request.ctx, authorizer, request.params.id, request.query.from),
  );

  app.get(
    '/api/evaluation-grid-versions/:id/export.xlsx',
    {
      config: { access: { action: 'grid.read' } },
      schema: {
        tags: [TAG],
        summary: 'La version en classeur XLSX (feuilles Exigences, Profil de criticité, Règles)',
        params: idParamsSchema,
        response: { 200: z.unknown(), ...errors },
      },
    },
    async (request, reply) => {
      const file = await exportGridVersion(request.ctx, authorizer, request.params.id);
      return reply
        .type(XLSX)
        .header('Content-Disposition', contentDisposition(`grille-${file.kind}-v${file.number}.xlsx`))
        .send(file.body);
    },
  );

  app.post(
    '/api/evaluation-grid-versions/:id/import',
    {
      config: {
        access: { action: 'grid.manage' },
        upload: {
          file: "Classeur XLSX au format de l'export (feuilles Exigences, Profil de criticité, Règles) ; 5 Mo au plus.",
          fields: { version: { description: 'La version du brouillon lue, placée avant « file ».' } },
        },
      },
      schema: {
        tags: [TAG],
        summary:
          "Remplacer le contenu d'un brouillon par un classeur XLSX ; une seule erreur et rien n'est écrit (422, ligne par ligne)",
        params: idParamsSchema,
        response: {
          200: gridVersionSchema,
          ...errors,
          409: problemSchema,
          413: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) => {
      const file = await uploadedFile(request, MAX_GRID_FILE_BYTES);
      const version = versionField.safeParse(file.fields.version);
      if (!version.success)
        throw new AppError(
          'badRequest',
          'Indiquez la version du brouillon lue (champ « version », avant « file »).',
          {
            errors: [{ field: 'version', message: 'La version lue est un nombre entier positif.' }],
          },
        );
      await importGridDraft(request.ctx, authorizer, request.params.id, version.data, file.content);
      return present(request.ctx, request.params.id);
    },
  );

  await app.register(
    lifecycleRoutes({
      basePath: '/api/evaluation-grid-versions',
      tag: TAG,
      summary:
        'Publier une version de grille (action publish) : elle ne change plus, la précédente est remplacée',
      bindings: [gridVersionBinding],
      response: gridVersionSchema,
      present,
    }),
  );
};
