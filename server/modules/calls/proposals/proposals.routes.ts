import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { proposalLifecycle } from '../../../../common/lifecycles/proposal.ts';
import { idParamsSchema, problemSchema } from '../../../../common/schemas/common.ts';
import {
  createProposalSchema,
  partnerParamsSchema,
  proposalListSchema,
  proposalSchema,
  updateProposalSchema,
} from '../../../../common/schemas/proposals.ts';
import type { ServiceContext } from '../../../lib/context.ts';
import { lifecycleRoutes } from '../../../lib/lifecycle-routes.ts';
import { evaluationRoutes } from './evaluation.routes.ts';
import type { ProposalBinding } from './proposals.lifecycle.ts';
import { presentProposal, presentProposalSummary } from './proposals.presenter.ts';
import {
  confirmPartnership,
  createProposal,
  getProposal,
  listProposals,
  updateProposal,
} from './proposals.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const TAG = 'proposals';
const BASE = '/api/proposals';

/** Proposals answering calls for projects: drafted by an office, approved by its director, frozen once submitted. */
export const proposalRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;
  const binding = app.deps.bindings.find(
    (b) => b.definition.name === proposalLifecycle.name,
  ) as ProposalBinding;
  const present = async (ctx: ServiceContext, id: string) =>
    presentProposal(await getProposal(ctx, authorizer, binding, id));

  app.get(
    '/api/calls/:id/proposals',
    {
      config: { access: { action: 'proposal.read' } },
      schema: {
        tags: [TAG],
        summary:
          "Les propositions d'un appel que l'on peut voir : celles de son organisme (ou auxquelles il participe) ; les déposées aussi pour l'émetteur et les évaluateurs",
        params: idParamsSchema,
        response: { 200: proposalListSchema, ...errors },
      },
    },
    async (request) => {
      const { rows, may } = await listProposals(request.ctx, authorizer, request.params.id);
      return { items: rows.map(presentProposalSummary), may };
    },
  );

  app.post(
    '/api/calls/:id/proposals',
    {
      config: { access: { action: 'proposal.create' } },
      schema: {
        tags: [TAG],
        summary:
          'Préparer une proposition (brouillon) au nom de son organisme, sur un appel publié, avant sa date limite et dans sa portée : approche, équipe, effort, dates, applications réutilisées, partenaires',
        params: idParamsSchema,
        body: createProposalSchema,
        response: { 201: proposalSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await createProposal(request.ctx, authorizer, request.params.id, request.body);
      await app.deps.jobs.nudge('outbox');
      return reply.code(201).send(await present(request.ctx, id));
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      config: { access: { action: 'proposal.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Une proposition : contenu, partenaires, applications réutilisées, ses notes (évaluateur), transitions permises',
        params: idParamsSchema,
        response: { 200: proposalSchema, ...errors },
      },
    },
    async (request) => present(request.ctx, request.params.id),
  );

  app.patch(
    `${BASE}/:id`,
    {
      config: { access: { action: 'proposal.update' } },
      schema: {
        tags: [TAG],
        summary:
          "Modifier une proposition en brouillon (l'organisme qui propose), à la version lue ; déposée, elle est figée",
        params: idParamsSchema,
        body: updateProposalSchema,
        response: { 200: proposalSchema, ...writeErrors },
      },
    },
    async (request) => {
      await updateProposal(request.ctx, authorizer, request.params.id, request.body);
      await app.deps.jobs.nudge('outbox');
      return present(request.ctx, request.params.id);
    },
  );

  app.post(
    `${BASE}/:id/partners/:organisationId/confirmation`,
    {
      config: { access: { action: 'proposal.confirmPartner' } },
      schema: {
        tags: [TAG],
        summary:
          "Confirmer la participation de son organisme à une proposition (le directeur de l'organisme partenaire)",
        params: partnerParamsSchema,
        response: { 200: proposalSchema, ...writeErrors },
      },
    },
    async (request) => {
      const { id, organisationId } = request.params;
      await confirmPartnership(request.ctx, authorizer, id, organisationId);
      return present(request.ctx, id);
    },
  );

  await app.register(evaluationRoutes);
  await app.register(
    lifecycleRoutes({
      basePath: BASE,
      tag: TAG,
      summary:
        "Faire avancer une proposition : demander l'accord du directeur, approuver et déposer, renvoyer pour reprise, retirer ; retenue ou non par la sélection de l'appel",
      bindings: [binding],
      response: proposalSchema,
      present,
      afterCommit: () => app.deps.jobs.nudge('outbox'),
    }),
  );
};
