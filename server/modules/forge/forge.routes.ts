import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, problemSchema } from '../../../common/schemas/common.ts';
import {
  buildHealthPanelSchema,
  createForgeProjectSchema,
  forgeActivityPanelSchema,
  forgeCreationSchema,
  forgeProjectCreatedSchema,
  integrationStatusSchema,
} from '../../../common/schemas/forge.ts';
import { packagesPageSchema } from '../../../common/schemas/packages.ts';
import { BUILDS_SYNC_JOB, FORGE_SYNC_JOB } from '../../jobs/jobs.ts';
import { getApplicationBuilds } from './builds.service.ts';
import { presentBuildPanel, presentForgePanel } from './forge.presenter.ts';
import { getApplicationForgeActivity, getProjectForgeActivity } from './forge-activity.service.ts';
import { createForgeProject, describeForgeCreation } from './forge-project.service.ts';
import { getIntegrationStatus } from './integrations.service.ts';
import { getPackagesPage } from './packages.service.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/** The forge: activity on sheets and projects, a project's creation from the starter kit, the integrations' state. */
export const forgeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { authorizer, integrations } = app.deps;

  const activityRoutes = [
    {
      url: '/api/applications/:id/forge-activity',
      action: 'application.read',
      summary:
        "L'activité GitLab d'une fiche (commits sur 12 semaines, demandes de fusion, tickets, version, pipeline, wiki) telle que lue à la dernière synchronisation",
      read: getApplicationForgeActivity,
    },
    {
      url: '/api/projects/:id/forge-activity',
      action: 'project.read',
      summary: "L'activité GitLab d'un projet telle que lue à la dernière synchronisation",
      read: getProjectForgeActivity,
    },
  ] as const;
  for (const route of activityRoutes)
    app.get(
      route.url,
      {
        config: { access: { action: route.action } },
        schema: {
          tags: ['forge'],
          summary: route.summary,
          params: idParamsSchema,
          response: { 200: forgeActivityPanelSchema, ...errors },
        },
      },
      async (request) =>
        presentForgePanel(
          await route.read(request.ctx, authorizer, integrations.gitlab, request.params.id),
          app.deps.now(),
        ),
    );

  app.get(
    '/api/applications/:id/builds',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags: ['forge'],
        summary:
          "La santé des builds d'une fiche sur l'usine logicielle (Jenkins) : dernier build, résultat, durée, date, rapport de tests, tels que lus à la dernière synchronisation",
        params: idParamsSchema,
        response: { 200: buildHealthPanelSchema, ...errors },
      },
    },
    async (request) =>
      presentBuildPanel(await getApplicationBuilds(request.ctx, authorizer, integrations, request.params.id)),
  );

  app.get(
    '/api/projects/:id/forge-project',
    {
      config: { access: { action: 'project.read' } },
      schema: {
        tags: ['forge'],
        summary:
          "Si l'appelant peut créer le projet GitLab de ce projet depuis le starter kit, et dans quel groupe",
        params: idParamsSchema,
        response: { 200: forgeCreationSchema, ...errors },
      },
    },
    async (request) => describeForgeCreation(request.ctx, authorizer, integrations.gitlab, request.params.id),
  );

  app.post(
    '/api/projects/:id/forge-project',
    {
      config: { access: { action: 'project.createForgeProject' } },
      schema: {
        tags: ['forge'],
        summary:
          "Créer le projet GitLab depuis le modèle starter kit dans le groupe du développeur, y ajouter l'équipe, et renseigner l'adresse sur le projet",
        params: idParamsSchema,
        body: createForgeProjectSchema,
        response: {
          201: forgeProjectCreatedSchema,
          ...errors,
          409: problemSchema,
          422: problemSchema,
          502: problemSchema,
          503: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const created = await createForgeProject(
        request.ctx,
        authorizer,
        integrations.gitlab,
        request.params.id,
        request.body,
      );
      // The new project's activity and builds are read now rather than at the next quarter hour.
      for (const job of [FORGE_SYNC_JOB, BUILDS_SYNC_JOB])
        await app.deps.jobs
          .nudge(job)
          .catch((error: unknown) => request.log.warn({ err: error, job }, 'sync nudge failed'));
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/packages',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags: ['forge'],
        summary:
          'Les paquets Composer partagés (starter kit, connecteurs) : versions, licence, et quelle fiche utilise quelle version (composer.lock), tels que lus à la dernière synchronisation',
        response: { 200: packagesPageSchema, ...errors },
      },
    },
    async (request) => getPackagesPage(request.ctx, authorizer, integrations),
  );

  app.get(
    '/api/admin/integrations',
    {
      config: { access: { action: 'integration.read' } },
      schema: {
        tags: ['forge'],
        summary:
          'État des intégrations (GitLab, Jenkins, dépôt Composer) : configuration, dernière synchronisation, erreurs',
        response: { 200: integrationStatusSchema, ...errors },
      },
    },
    async (request) => getIntegrationStatus(request.ctx, authorizer, integrations),
  );
};
