import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import {
  capacityInputSchema,
  capacitySchema,
  contributionInputSchema,
  contributionSchema,
  offerDecisionSchema,
  offerInputSchema,
  offerSchema,
  sponsorshipDecisionSchema,
  sponsorshipQueueQuerySchema,
  sponsorshipRequestSchema,
  sponsorshipSchema,
  withdrawalSchema,
} from '../../../common/schemas/project-collaboration.ts';
import {
  presentCapacity,
  presentContribution,
  presentOffer,
  presentSponsorship,
} from './collaboration.presenter.ts';
import { capacities, declareCapacity, follow, recordContribution } from './collaboration.service.ts';
import { decideOffer, getOffer, makeOffer } from './offers.service.ts';
import {
  decideSponsorship,
  getSponsorship,
  requestSponsorship,
  sponsorshipQueue,
  withdrawSponsorship,
} from './sponsorships.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const listOf = <T extends z.ZodType>(item: T, id: string) => z.object({ items: z.array(item) }).meta({ id });
const capacityQuerySchema = z.object({
  organisation: z.uuid({ error: "L'organisme n'est pas valide." }).optional(),
});

/** Sponsorships, offers, capacities, contributions (§2.3) and followers of projects. */
export const collaborationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;

  app.post(
    '/api/projects/:id/sponsorship-requests',
    {
      config: { access: { action: 'project.requestSponsorship' } },
      schema: {
        tags: ['projects'],
        summary: 'Demander le sponsor d’une direction nationale, avec une présentation du projet',
        params: idParamsSchema,
        body: sponsorshipRequestSchema,
        response: { 201: sponsorshipSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await requestSponsorship(request.ctx, authorizer, request.params.id, request.body);
      return reply.code(201).send(presentSponsorship(await getSponsorship(request.ctx, id)));
    },
  );

  app.get(
    '/api/sponsorship-requests',
    {
      config: { access: { action: 'sponsorship.queue' } },
      schema: {
        tags: ['projects'],
        summary:
          'La file du sponsor : les demandes adressées à sa direction (en attente par défaut), les plus anciennes d’abord',
        querystring: sponsorshipQueueQuerySchema,
        response: { 200: listOf(sponsorshipSchema, 'SponsorshipQueue'), ...errors },
      },
    },
    async (request) => {
      const now = app.deps.now();
      const rows = await sponsorshipQueue(request.ctx, authorizer, request.query.state);
      return { items: rows.map((row) => presentSponsorship(row, now)) };
    },
  );

  app.post(
    '/api/sponsorship-requests/:id/decision',
    {
      config: { access: { action: 'sponsorship.decide' } },
      schema: {
        tags: ['projects'],
        summary: 'Accepter ou refuser une demande de sponsor, avec sa justification',
        params: idParamsSchema,
        body: sponsorshipDecisionSchema,
        response: { 200: sponsorshipSchema, ...writeErrors },
      },
    },
    async (request) => {
      await decideSponsorship(request.ctx, authorizer, request.params.id, request.body);
      return presentSponsorship(await getSponsorship(request.ctx, request.params.id));
    },
  );

  app.post(
    '/api/sponsorship-requests/:id/withdrawal',
    {
      config: { access: { action: 'sponsorship.withdraw' } },
      schema: {
        tags: ['projects'],
        summary: 'Retirer une demande de sponsor (le porteur) ou un sponsor accordé (la direction)',
        params: idParamsSchema,
        body: withdrawalSchema,
        response: { 200: sponsorshipSchema, ...writeErrors },
      },
    },
    async (request) => {
      await withdrawSponsorship(request.ctx, authorizer, request.params.id, request.body);
      return presentSponsorship(await getSponsorship(request.ctx, request.params.id));
    },
  );

  app.post(
    '/api/projects/:id/offers',
    {
      config: { access: { action: 'project.offer' } },
      schema: {
        tags: ['projects'],
        summary:
          'Proposer la participation de son organisme (développement, cofinancement, site pilote, recette)',
        params: idParamsSchema,
        body: offerInputSchema,
        response: { 201: offerSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await makeOffer(request.ctx, authorizer, request.params.id, request.body);
      return reply.code(201).send(presentOffer(await getOffer(request.ctx, id)));
    },
  );

  app.post(
    '/api/offers/:id/decision',
    {
      config: { access: { action: 'project.decideOffers' } },
      schema: {
        tags: ['projects'],
        summary: 'Accepter ou refuser une proposition faite à son projet',
        params: idParamsSchema,
        body: offerDecisionSchema,
        response: { 200: offerSchema, ...writeErrors },
      },
    },
    async (request) => {
      await decideOffer(request.ctx, authorizer, request.params.id, request.body);
      return presentOffer(await getOffer(request.ctx, request.params.id));
    },
  );

  app.get(
    '/api/capacities',
    {
      config: { access: { action: 'capacity.read' } },
      schema: {
        tags: ['projects'],
        summary: 'Forces disponibles : la capacité déclarée par les organismes, par trimestre',
        querystring: capacityQuerySchema,
        response: { 200: listOf(capacitySchema, 'CapacityList'), ...errors },
      },
    },
    async (request) => ({
      items: (await capacities(request.ctx, request.query.organisation)).map(presentCapacity),
    }),
  );

  app.post(
    '/api/capacities',
    {
      config: { access: { action: 'capacity.declare' } },
      schema: {
        tags: ['projects'],
        summary: 'Déclarer la capacité de son organisme pour un trimestre (compétences, jours-personne)',
        body: capacityInputSchema,
        response: { 200: capacitySchema, ...writeErrors },
      },
    },
    async (request) => presentCapacity(await declareCapacity(request.ctx, authorizer, request.body)),
  );

  app.post(
    '/api/projects/:id/contributions',
    {
      config: { access: { action: 'project.recordContributions' } },
      schema: {
        tags: ['projects'],
        summary: 'Participation nationale : enregistrer la contribution d’un collaborateur local',
        params: idParamsSchema,
        body: contributionInputSchema,
        response: { 201: listOf(contributionSchema, 'ProjectContributions'), ...writeErrors },
      },
    },
    async (request, reply) => {
      const rows = await recordContribution(request.ctx, authorizer, request.params.id, request.body);
      return reply.code(201).send({ items: rows.map(presentContribution) });
    },
  );

  for (const [method, following] of [
    ['post', true],
    ['delete', false],
  ] as const) {
    app[method](
      '/api/projects/:id/followers',
      {
        config: { access: { action: 'project.follow' } },
        schema: {
          tags: ['projects'],
          summary: following ? 'Suivre un projet' : 'Ne plus suivre un projet',
          params: idParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await follow(request.ctx, authorizer, request.params.id, following);
        return reply.code(204).send(null);
      },
    );
  }
};
