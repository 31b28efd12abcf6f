import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptanceCampaignLifecycle } from '../../../common/lifecycles/acceptance-campaign.ts';
import {
  anomalyInputSchema,
  anomalyParamsSchema,
  campaignListQuerySchema,
  campaignSchema,
  campaignSummarySchema,
  caseParamsSchema,
  createCampaignSchema,
  executionInputSchema,
  testCaseInputSchema,
  testerCandidatesSchema,
  testerSearchQuerySchema,
  updateAnomalySchema,
  updateCampaignSchema,
} from '../../../common/schemas/acceptance.ts';
import { idParamsSchema, pageOf, problemSchema } from '../../../common/schemas/common.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { lifecycleRoutes } from '../../lib/lifecycle-routes.ts';
import type { CampaignBinding } from './campaigns.lifecycle.ts';
import { presentCampaign, presentCampaignSummary } from './campaigns.presenter.ts';
import {
  createCampaign,
  findTesterCandidates,
  getCampaign,
  listCampaigns,
  updateCampaign,
} from './campaigns.service.ts';
import { executionFileRoutes } from './execution-files.routes.ts';
import { testCaseImportRoutes } from './test-case-import.routes.ts';
import { addTestCases, raiseAnomaly, recordExecution, updateAnomaly } from './test-plan.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeErrors = { ...errors, 409: problemSchema, 422: problemSchema };
const TAG = 'acceptance';
const BASE = '/api/acceptance-campaigns';

/** The binding of this app (built with its signing configuration in app.ts). */
export const campaignBindingOf = (bindings: readonly { definition: { name: string } }[]) =>
  bindings.find((b) => b.definition.name === acceptanceCampaignLifecycle.name) as CampaignBinding;

/** Acceptance campaigns: the plan, the test cases, their executions, the anomalies, the lifecycle. */
export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer } = app.deps;
  const binding = campaignBindingOf(app.deps.bindings);
  const present = async (ctx: ServiceContext, id: string) =>
    presentCampaign(await getCampaign(ctx, authorizer, binding, id));

  app.get(
    BASE,
    {
      config: { access: { action: 'campaign.read' } },
      schema: {
        tags: [TAG],
        summary:
          "Les campagnes de recette, la dernière active d'abord, d'un projet (projectId) ou d'une application (applicationId) : état, couverture, taux de réussite, anomalies",
        querystring: campaignListQuerySchema,
        response: { 200: pageOf(campaignSummarySchema), ...errors },
      },
    },
    async (request) => {
      const page = await listCampaigns(request.ctx, request.query);
      return { total: page.total, items: page.items.map(presentCampaignSummary) };
    },
  );

  app.post(
    BASE,
    {
      config: { access: { action: 'campaign.create' } },
      schema: {
        tags: [TAG],
        summary:
          "Ouvrir une campagne de recette pour la livraison d'un projet ou une version d'une application, une fois son évaluation sans point bloquant : qui recette (groupe d'organismes ou centre national de recette) et ses testeurs",
        body: createCampaignSchema,
        response: { 201: campaignSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const id = await createCampaign(request.ctx, authorizer, request.body);
      return reply.code(201).send(await present(request.ctx, id));
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      config: { access: { action: 'campaign.read' } },
      schema: {
        tags: [TAG],
        summary:
          'Une campagne : organismes, testeurs, cas de test et leurs exécutions, anomalies, indicateurs, procès-verbal, transitions permises',
        params: idParamsSchema,
        response: { 200: campaignSchema, ...errors },
      },
    },
    async (request) => present(request.ctx, request.params.id),
  );

  app.patch(
    `${BASE}/:id`,
    {
      config: { access: { action: 'campaign.plan' } },
      schema: {
        tags: [TAG],
        summary: 'Modifier le plan (titre, dates, organismes, testeurs), à la version lue',
        params: idParamsSchema,
        body: updateCampaignSchema,
        response: { 200: campaignSchema, ...writeErrors },
      },
    },
    async (request) => {
      await updateCampaign(request.ctx, authorizer, request.params.id, request.body);
      return present(request.ctx, request.params.id);
    },
  );

  app.post(
    `${BASE}/:id/test-cases`,
    {
      config: { access: { action: 'campaign.plan' } },
      schema: {
        tags: [TAG],
        summary:
          'Écrire un cas de test, rattaché à des exigences de la grille et à des domaines fonctionnels',
        params: idParamsSchema,
        body: testCaseInputSchema,
        response: { 201: campaignSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      await addTestCases(request.ctx, authorizer, request.params.id, [request.body]);
      return reply.code(201).send(await present(request.ctx, request.params.id));
    },
  );

  app.post(
    `${BASE}/:id/test-cases/:caseId/executions`,
    {
      config: { access: { action: 'campaign.execute' } },
      schema: {
        tags: [TAG],
        summary:
          "Enregistrer l'exécution d'un cas par un testeur nommé (réussi, en échec, bloqué ; date, preuves) ; un nouveau test après correction est une nouvelle exécution",
        params: caseParamsSchema,
        body: executionInputSchema,
        response: { 201: campaignSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const { id, caseId } = request.params;
      await recordExecution(request.ctx, authorizer, id, caseId, request.body);
      return reply.code(201).send(await present(request.ctx, id));
    },
  );

  app.post(
    `${BASE}/:id/anomalies`,
    {
      config: { access: { action: 'campaign.trackAnomalies' } },
      schema: {
        tags: [TAG],
        summary: 'Signaler une anomalie (bloquante, majeure, mineure), rattachée à un cas de test',
        params: idParamsSchema,
        body: anomalyInputSchema,
        response: { 201: campaignSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      await raiseAnomaly(request.ctx, authorizer, request.params.id, request.body);
      return reply.code(201).send(await present(request.ctx, request.params.id));
    },
  );

  app.patch(
    `${BASE}/:id/anomalies/:anomalyId`,
    {
      config: { access: { action: 'campaign.trackAnomalies' } },
      schema: {
        tags: [TAG],
        summary:
          'Faire avancer une anomalie : version corrective (équipe du projet), clôture après nouveau test, rejet, gravité (testeurs et pilotes), à la version lue',
        params: anomalyParamsSchema,
        body: updateAnomalySchema,
        response: { 200: campaignSchema, ...writeErrors },
      },
    },
    async (request) => {
      const { id, anomalyId } = request.params;
      await updateAnomaly(request.ctx, authorizer, id, anomalyId, request.body);
      return present(request.ctx, id);
    },
  );

  app.get(
    '/api/acceptance-testers',
    {
      config: { access: { action: 'campaign.plan' } },
      schema: {
        tags: [TAG],
        summary:
          'Les comptes actifs dont le nom ou l’adresse contient q (20 au plus), avec leur organisme : les testeurs que la campagne peut nommer',
        querystring: testerSearchQuerySchema,
        response: { 200: testerCandidatesSchema, ...errors },
      },
    },
    async (request) => ({ items: await findTesterCandidates(request.ctx, authorizer, request.query.q) }),
  );

  await app.register(testCaseImportRoutes(present));
  await app.register(executionFileRoutes);
  await app.register(
    lifecycleRoutes({
      basePath: BASE,
      tag: TAG,
      summary:
        'Faire avancer une campagne de recette : lancer, demander le procès-verbal, reprendre les tests, signer (agent comptable national), annuler',
      bindings: [binding],
      response: campaignSchema,
      present,
      afterCommit: () => app.deps.jobs.nudge('outbox'),
    }),
  );
};
