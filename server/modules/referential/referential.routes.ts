import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import {
  proposalSchema,
  proposeChangeSchema,
  proposePageSchema,
  referentialDiffQuerySchema,
  referentialDiffSchema,
  referentialListQuerySchema,
  referentialListSchema,
  referentialPageSchema,
  voteSchema,
} from '../../../common/schemas/referential.ts';
import { lifecycleRoutes } from '../../lib/lifecycle-routes.ts';
import { referentialProposalBinding } from './proposals.lifecycle.ts';
import {
  presentProposal,
  presentReferentialDiff,
  presentReferentialList,
  presentReferentialPage,
} from './referential.presenter.ts';
import {
  getProposal,
  getReferentialDiff,
  getReferentialPage,
  listReferential,
  proposeChange,
  proposePage,
  voteOnProposal,
} from './referential.service.ts';

const TAG = 'referential';
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
/** A page by its address (its slug) or its id. */
const pageParams = z.object({
  key: z
    .string()
    .max(100, { error: "L'adresse de la page est limitée à 100 caractères." })
    .regex(/^[a-z0-9-]+$/, {
      error: "L'adresse de la page ne contient que des minuscules sans accent, des chiffres et des tirets.",
    }),
});

/** The good-practice referential: pages, versions and their differences, proposals, votes, decisions. */
export const referentialRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;

  app.get(
    '/api/referential/pages',
    {
      config: { access: { action: 'referential.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Les pages du référentiel de bonnes pratiques par catégorie, filtrées par une recherche en français (q) et une catégorie',
        querystring: referentialListQuerySchema,
        response: { 200: referentialListSchema, ...errors },
      },
    },
    async (request) => presentReferentialList(await listReferential(request.ctx, authorizer, request.query)),
  );

  app.get(
    '/api/referential/pages/:key',
    {
      config: { access: { action: 'referential.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Une page : sa version courante (Markdown rendu, table des matières), son historique, ses propositions',
        params: pageParams,
        response: { 200: referentialPageSchema, ...errors },
      },
    },
    async (request) =>
      presentReferentialPage(await getReferentialPage(request.ctx, authorizer, request.params.key)),
  );

  app.get(
    '/api/referential/pages/:key/diff',
    {
      config: { access: { action: 'referential.read' } },
      schema: {
        tags: [TAG],
        summary: 'Les différences ligne à ligne entre deux versions (from, to) d’une page',
        params: pageParams,
        querystring: referentialDiffQuerySchema,
        response: { 200: referentialDiffSchema, ...errors },
      },
    },
    async (request) =>
      presentReferentialDiff(
        await getReferentialDiff(request.ctx, authorizer, request.params.key, request.query),
      ),
  );

  const answerProposal = async (request: { ctx: Parameters<typeof getProposal>[0] }, id: string) =>
    presentProposal(await getProposal(request.ctx, authorizer, id));

  app.post(
    '/api/referential/pages/:key/proposals',
    {
      config: { access: { action: 'referential.propose' } },
      schema: {
        tags: [TAG],
        summary: "Proposer une modification d'une page, écrite depuis sa version courante (baseVersionId)",
        params: pageParams,
        body: proposeChangeSchema,
        response: { 201: proposalSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const row = await proposeChange(request.ctx, authorizer, request.params.key, request.body);
      return reply.code(201).send(await answerProposal(request, row.id));
    },
  );

  app.post(
    '/api/referential/proposals',
    {
      config: { access: { action: 'referential.propose' } },
      schema: {
        tags: [TAG],
        summary: 'Proposer une nouvelle page dans une catégorie (créée quand la proposition est acceptée)',
        body: proposePageSchema,
        response: { 201: proposalSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const row = await proposePage(request.ctx, authorizer, request.body);
      return reply.code(201).send(await answerProposal(request, row.id));
    },
  );

  app.get(
    '/api/referential/proposals/:id',
    {
      config: { access: { action: 'referential.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Une proposition : ses différences avec la version de départ, ses votes, les décisions possibles',
        params: idParamsSchema,
        response: { 200: proposalSchema, ...errors },
      },
    },
    async (request) => answerProposal(request, request.params.id),
  );

  app.put(
    '/api/referential/proposals/:id/vote',
    {
      config: { access: { action: 'referential.vote' } },
      schema: {
        tags: [TAG],
        summary:
          'Voter pour (up) ou contre (down) une proposition ouverte, avec un commentaire : un vote par personne, revoter le remplace',
        params: idParamsSchema,
        body: voteSchema,
        response: { 200: proposalSchema, ...writeErrors },
      },
    },
    async (request) => {
      await voteOnProposal(request.ctx, authorizer, request.params.id, request.body);
      return answerProposal(request, request.params.id);
    },
  );

  await app.register(
    lifecycleRoutes({
      basePath: '/api/referential/proposals',
      tag: TAG,
      summary:
        'Décider une proposition (DDSI, référents : accepter — elle devient la version courante —, refuser avec un motif)',
      bindings: [referentialProposalBinding],
      response: proposalSchema,
      present: async (ctx, id) => presentProposal(await getProposal(ctx, authorizer, id)),
    }),
  );
};
