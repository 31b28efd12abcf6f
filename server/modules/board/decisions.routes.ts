import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  decisionLogPageSchema,
  decisionLogQuerySchema,
  decisionSchema,
} from '../../../common/schemas/board.ts';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import { presentDecision, presentDecisionFacets } from './board.presenter.ts';
import { decisionLog, latestDecisions, publishedDecision } from './decisions.service.ts';
import { decisionsAtom, decisionsRss } from './feeds.presenter.ts';

const TAG = 'board';
const open = { access: { public: true } } as const;

/** The public decision log of the board, and its Atom and RSS feeds: read without a session. */
export const decisionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { publicUrl } = app.deps.config;

  app.get(
    '/api/board/decisions',
    {
      config: open,
      schema: {
        tags: [TAG],
        summary:
          "Le registre public des décisions de l'instance (sans connexion) : recherche en français (q), filtres outcome, kind, year ; facettes ; par pages",
        querystring: decisionLogQuerySchema,
        response: { 200: decisionLogPageSchema, 400: problemSchema },
      },
    },
    async (request) => {
      const page = await decisionLog(request.ctx, request.query);
      return {
        total: page.total,
        items: page.items.map(presentDecision),
        facets: presentDecisionFacets(page.facets),
      };
    },
  );

  app.get(
    '/api/board/decisions/:id',
    {
      config: open,
      schema: {
        tags: [TAG],
        summary: 'Une décision publiée (sans connexion)',
        params: idParamsSchema,
        response: { 200: decisionSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => presentDecision(await publishedDecision(request.ctx, request.params.id)),
  );

  app.get(
    '/api/board/decisions.atom',
    {
      config: open,
      schema: {
        tags: [TAG],
        summary: 'Les cinquante dernières décisions publiées, en flux Atom 1.0 (sans connexion)',
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const decisions = (await latestDecisions(request.ctx)).map(presentDecision);
      return reply.type('application/atom+xml; charset=utf-8').send(decisionsAtom(decisions, publicUrl));
    },
  );

  app.get(
    '/api/board/decisions.rss',
    {
      config: open,
      schema: {
        tags: [TAG],
        summary: 'Les cinquante dernières décisions publiées, en flux RSS 2.0 (sans connexion)',
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const decisions = (await latestDecisions(request.ctx)).map(presentDecision);
      return reply.type('application/rss+xml; charset=utf-8').send(decisionsRss(decisions, publicUrl));
    },
  );
};
