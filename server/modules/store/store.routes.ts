import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import {
  reviewBodySchema,
  storeApplicationSchema,
  storePageSchema,
  storeQuerySchema,
} from '../../../common/schemas/store.ts';
import { presentApplicationPage } from '../catalog/search/search.presenter.ts';
import { presentStoreApplication, presentStorePage } from './store.presenter.ts';
import { getStoreApplication, listStore, saveReview } from './store.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export const storeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/store',
    {
      config: { access: { action: 'store.read' } },
      schema: {
        tags: ['store'],
        summary:
          'Le Store AM Cloud : les applications certifiées (labellisées ou homologuées) hébergées sur AM Cloud, recherchées comme le catalogue (texte, facettes, tri, pages), avec leur note et leur version',
        querystring: storeQuerySchema,
        response: { 200: storePageSchema, ...errors },
      },
    },
    async (request) => {
      const { page, ratings, versions } = await listStore(
        request.ctx,
        app.deps.catalogue,
        request.query,
        (found, catalogueQuery) => presentApplicationPage(found, catalogueQuery),
      );
      return presentStorePage(page, ratings, versions);
    },
  );

  app.get(
    '/api/store/applications/:id',
    {
      config: { access: { action: 'store.read' } },
      schema: {
        tags: ['store'],
        summary:
          "Une application du Store : version, certification (procès-verbal), organismes utilisateurs, support, prérequis, avis — ou pourquoi elle n'y est pas (certification retirée…)",
        params: idParamsSchema,
        response: { 200: storeApplicationSchema, ...errors },
      },
    },
    async (request) =>
      presentStoreApplication(
        await getStoreApplication(request.ctx, app.deps.authorizer, request.params.id),
        request.ctx.actor,
      ),
  );

  app.put(
    '/api/store/applications/:id/review',
    {
      config: { access: { action: 'store.review' } },
      schema: {
        tags: ['store'],
        summary:
          "L'avis de son organisme sur une application qu'il utilise (un par organisme ; seul son auteur le modifie, avec la version lue)",
        params: idParamsSchema,
        body: reviewBodySchema,
        response: { 200: storeApplicationSchema, 201: storeApplicationSchema, 409: problemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { created } = await saveReview(request.ctx, request.params.id, request.body);
      const view = await getStoreApplication(request.ctx, app.deps.authorizer, request.params.id);
      return reply.code(created ? 201 : 200).send(presentStoreApplication(view, request.ctx.actor));
    },
  );
};
