import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agreementLifecycle } from '../../../common/lifecycles/agreement.ts';
import {
  agreementListQuerySchema,
  agreementListSchema,
  agreementSchema,
  commentSchema,
  createAgreementSchema,
  proposeTextSchema,
  publishRateTableSchema,
  rateTableListSchema,
  rateTableSchema,
  updateAgreementSchema,
} from '../../../common/schemas/agreements.ts';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { contentDisposition } from '../../lib/http.ts';
import { lifecycleRoutes } from '../../lib/lifecycle-routes.ts';
import { commentAgreement, proposeText } from './agreement-negotiation.service.ts';
import { buildAgreementPdf } from './agreement-pdf.ts';
import type { AgreementBinding } from './agreements.lifecycle.ts';
import { presentAgreement, presentAgreementSummary, presentRateTable } from './agreements.presenter.ts';
import {
  amendAgreement,
  createAgreement,
  getAgreement,
  listAgreements,
  updateAgreement,
} from './agreements.service.ts';
import { listRateTables, publishRateTable } from './rate-tables.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const TAG = 'compensation';
const BASE = '/api/agreements';

/** Compensation agreements, their negotiation, amendments and PDF; the daily rate table. */
export const agreementRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;
  const binding = app.deps.bindings.find(
    (b) => b.definition.name === agreementLifecycle.name,
  ) as AgreementBinding;
  const present = async (ctx: ServiceContext, id: string) =>
    presentAgreement(await getAgreement(ctx, authorizer, binding, id));

  app.get(
    BASE,
    {
      config: { access: { action: 'agreement.read' } },
      schema: {
        tags: [TAG],
        summary:
          "Les conventions visibles (celles de son organisme, toutes pour la DDO, l'agent comptable et l'instance de gouvernance) ; filtres state, organisationId",
        querystring: agreementListQuerySchema,
        response: { 200: agreementListSchema, ...errors },
      },
    },
    async (request) => ({
      items: (await listAgreements(request.ctx, request.query)).map(presentAgreementSummary),
    }),
  );

  app.post(
    BASE,
    {
      config: { access: { action: 'agreement.create' } },
      schema: {
        tags: [TAG],
        summary:
          'Rédiger une convention (la DDO) avec un organisme : objet, signataires, période, valorisation (barème ou forfait), plafond, engagements, relevés ; texte initial facultatif',
        body: createAgreementSchema,
        response: { 201: agreementSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await createAgreement(request.ctx, authorizer, request.body);
      return reply.code(201).send(await present(request.ctx, id));
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      config: { access: { action: 'agreement.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Une convention : termes, versions du texte, commentaires, avenants, chiffres, transitions permises',
        params: idParamsSchema,
        response: { 200: agreementSchema, ...errors },
      },
    },
    async (request) => present(request.ctx, request.params.id),
  );

  app.patch(
    `${BASE}/:id`,
    {
      config: { access: { action: 'agreement.negotiateText' } },
      schema: {
        tags: [TAG],
        summary:
          "Modifier les termes d'une convention en brouillon ou en négociation (la DDO, le directeur de l'organisme), à la version lue",
        params: idParamsSchema,
        body: updateAgreementSchema,
        response: { 200: agreementSchema, ...writeErrors },
      },
    },
    async (request) => {
      await updateAgreement(request.ctx, authorizer, request.params.id, request.body);
      return present(request.ctx, request.params.id);
    },
  );

  app.post(
    `${BASE}/:id/texts`,
    {
      config: { access: { action: 'agreement.negotiateText' } },
      schema: {
        tags: [TAG],
        summary: 'Proposer une nouvelle version du texte (numérotée, jamais modifiée ensuite)',
        params: idParamsSchema,
        body: proposeTextSchema,
        response: { 201: agreementSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      await proposeText(request.ctx, authorizer, request.params.id, request.body.body);
      return reply.code(201).send(await present(request.ctx, request.params.id));
    },
  );

  app.post(
    `${BASE}/:id/comments`,
    {
      config: { access: { action: 'agreement.negotiateText' } },
      schema: {
        tags: [TAG],
        summary: 'Commenter une version du texte pendant la négociation',
        params: idParamsSchema,
        body: commentSchema,
        response: { 201: agreementSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      await commentAgreement(request.ctx, authorizer, request.params.id, request.body);
      return reply.code(201).send(await present(request.ctx, request.params.id));
    },
  );

  app.post(
    `${BASE}/:id/amendments`,
    {
      config: { access: { action: 'agreement.amend' } },
      schema: {
        tags: [TAG],
        summary:
          'Ouvrir un avenant à une convention en vigueur : un nouveau brouillon reprenant ses termes et son texte, lié à la première',
        params: idParamsSchema,
        response: { 201: agreementSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await amendAgreement(request.ctx, authorizer, request.params.id);
      return reply.code(201).send(await present(request.ctx, id));
    },
  );

  app.get(
    `${BASE}/:id/pdf`,
    {
      config: { access: { action: 'agreement.read' } },
      schema: {
        tags: [TAG],
        summary: 'La convention en PDF, avec ses chiffres et la dernière version de son texte',
        params: idParamsSchema,
        response: { 200: z.unknown(), ...errors },
      },
    },
    async (request, reply) => {
      const agreement = await present(request.ctx, request.params.id);
      const tables = await listRateTables(request.ctx, authorizer);
      const table = tables.items.find((t) => t.number === agreement.figures.rateTableNumber);
      const pdf = await buildAgreementPdf(agreement, new Date(), table?.rates ?? null);
      return reply
        .type('application/pdf')
        .header(
          'Content-Disposition',
          contentDisposition(`convention-${agreement.office.code}-${agreement.id.slice(0, 8)}.pdf`),
        )
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .send(pdf);
    },
  );

  app.get(
    '/api/rate-tables',
    {
      config: { access: { action: 'rateTable.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Les versions du barème journalier par profil (centimes par jour-personne), la plus récente en tête',
        response: { 200: rateTableListSchema, ...errors },
      },
    },
    async (request) => {
      const tables = await listRateTables(request.ctx, authorizer);
      return { items: tables.items.map(presentRateTable), mayPublish: tables.mayPublish };
    },
  );

  app.post(
    '/api/rate-tables',
    {
      config: { access: { action: 'rateTable.publish' } },
      schema: {
        tags: [TAG],
        summary:
          "Publier une nouvelle version du barème journalier, en vigueur à partir d'une date postérieure à la précédente",
        body: publishRateTableSchema,
        response: { 201: rateTableSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentRateTable(await publishRateTable(request.ctx, authorizer, request.body))),
  );

  await app.register(
    lifecycleRoutes({
      basePath: BASE,
      tag: TAG,
      summary:
        "Faire avancer une convention : ouvrir la négociation, approuver (l'organisme puis la DDO), mettre en vigueur, clore, résilier (motif)",
      bindings: [binding],
      response: agreementSchema,
      present,
    }),
  );
};
