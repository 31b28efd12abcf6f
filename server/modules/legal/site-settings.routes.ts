import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { siteSettingsBodySchema, siteSettingsSchema } from '../../../common/legal/site-settings.ts';
import { problemSchema } from '../../../common/schemas/common.ts';
import { presentSiteSettings } from './site-settings.presenter.ts';
import { readSiteSettings, saveSiteSettings } from './site-settings.service.ts';

const TAG = 'site';

/** The legal notice's settings: read by anyone (the public pages), edited by an administrator. */
export const siteSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/site-settings',
    {
      config: { access: { public: true } },
      schema: {
        tags: [TAG],
        summary:
          'Les paramètres du site : éditeur, directeur de la publication, hébergeur, contacts sur les données personnelles (public, sans connexion)',
        response: { 200: siteSettingsSchema, 503: problemSchema },
      },
    },
    async (request) => presentSiteSettings(await readSiteSettings(request.ctx)),
  );

  app.put(
    '/api/site-settings',
    {
      config: { access: { action: 'siteSettings.update' } },
      schema: {
        tags: [TAG],
        summary:
          'Modifier les paramètres du site (administrateur) : tous les champs, avec la version lue ; une version dépassée est refusée (409)',
        body: siteSettingsBodySchema,
        response: {
          200: siteSettingsSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
          503: problemSchema,
        },
      },
    },
    async (request) => presentSiteSettings(await saveSiteSettings(request.ctx, request.body)),
  );
};
