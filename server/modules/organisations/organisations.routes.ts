import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf, problemSchema } from '../../../common/schemas/common.ts';
import {
  designedApplicationSchema,
  officeApplicationsQuerySchema,
  officePortfolioSchema,
  usedApplicationSchema,
} from '../../../common/schemas/office.ts';
import { organisationListQuerySchema, organisationSchema } from '../../../common/schemas/organisation.ts';
import {
  presentDesignedApplication,
  presentOfficePortfolio,
  presentUsedApplication,
} from './office-applications.presenter.ts';
import { getOfficePortfolio, listOfficeApplications } from './office-applications.service.ts';
import { presentOrganisation } from './organisations.presenter.ts';
import { getOrganisation, listDirectory } from './organisations.service.ts';

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/organisations',
    {
      config: { access: { action: 'organisation.read' } },
      schema: {
        tags: ['organisations'],
        summary: 'Annuaire des organismes du réseau',
        querystring: organisationListQuerySchema,
        response: { 200: pageOf(organisationSchema), 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => {
      const page = await listDirectory(request.ctx, request.query);
      return { items: page.items.map(presentOrganisation), total: page.total };
    },
  );

  app.get(
    '/api/organisations/:id',
    {
      config: { access: { action: 'organisation.read' } },
      schema: {
        tags: ['organisations'],
        summary: "Fiche d'un organisme",
        params: idParamsSchema,
        response: { 200: organisationSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request) => presentOrganisation(await getOrganisation(request.ctx, request.params.id)),
  );

  // What an office designs and uses: catalogue data, read by every signed-in member.
  const officeErrors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

  app.get(
    '/api/organisations/:id/portfolio',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags: ['organisations'],
        summary:
          "Chiffres d'un organisme : applications conçues et utilisées, usages de ses applications par région",
        params: idParamsSchema,
        response: { 200: officePortfolioSchema, ...officeErrors },
      },
    },
    async (request) => presentOfficePortfolio(await getOfficePortfolio(request.ctx, request.params.id)),
  );

  app.get(
    '/api/organisations/:id/designed-applications',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags: ['organisations'],
        summary: "Applications que l'organisme conçoit, les plus utilisées d'abord",
        params: idParamsSchema,
        querystring: officeApplicationsQuerySchema,
        response: { 200: pageOf(designedApplicationSchema), ...officeErrors },
      },
    },
    async (request) => {
      const page = await listOfficeApplications(request.ctx, request.params.id, 'designed', request.query);
      return { items: page.items.map(presentDesignedApplication), total: page.total };
    },
  );

  app.get(
    '/api/organisations/:id/used-applications',
    {
      config: { access: { action: 'application.read' } },
      schema: {
        tags: ['organisations'],
        summary: "Applications que l'organisme déclare utiliser, avec ses utilisateurs et sa version",
        params: idParamsSchema,
        querystring: officeApplicationsQuerySchema,
        response: { 200: pageOf(usedApplicationSchema), ...officeErrors },
      },
    },
    async (request) => {
      const page = await listOfficeApplications(request.ctx, request.params.id, 'used', request.query);
      return { items: page.items.map(presentUsedApplication), total: page.total };
    },
  );
};
