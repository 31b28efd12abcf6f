import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema, text } from '../../../common/schemas/common.ts';
import { provisioningStatusSchema } from '../../../common/schemas/deployment-request.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from '../../integrations/am-cloud.ts';
import { AppError } from '../../lib/errors.ts';
import type { ProvisioningDeps } from './provisioning.service.ts';
import { handleWebhook } from './provisioning.service.ts';
import { provisioningStatus } from './requests.service.ts';

export const WEBHOOK_PATH = '/api/provisioning/webhook';

const webhookBodySchema = z.object({
  eventId: text("L'identifiant de l'événement")
    .min(1)
    .max(200, { error: "L'identifiant de l'événement est limité à 200 caractères." }),
  tenantId: text("L'identifiant du locataire")
    .min(1)
    .max(200, { error: "L'identifiant du locataire est limité à 200 caractères." }),
  idempotencyKey: text("La clé d'idempotence")
    .max(200, { error: "La clé d'idempotence est limitée à 200 caractères." })
    .optional(),
  status: z.enum(['live', 'failed'], { error: 'Le statut vaut live ou failed.' }),
  accessUrl: text("L'adresse d'accès")
    .max(500, { error: "L'adresse d'accès est limitée à 500 caractères." })
    .optional(),
  error: text("L'erreur").max(1000, { error: "L'erreur est limitée à 1 000 caractères." }).optional(),
});

const REFUSALS = {
  missing:
    'Signature absente : le webhook AM Cloud porte les en-têtes X-AMCloud-Signature et X-AMCloud-Timestamp.',
  stale: "Horodatage du webhook trop ancien ou dans le futur (plus de 5 minutes d'écart) : il est refusé.",
  invalid: 'Signature du webhook invalide : il est refusé.',
} as const;

/**
 * The platform's webhook (authenticated by its HMAC signature over the raw body, never by a session)
 * and the connection's status for administrators and the DDSI.
 */
export function provisioningRoutes(deps: () => ProvisioningDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // The signature covers the bytes sent: this scope keeps the raw body beside the parsed one.
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      (request as { rawBody?: string }).rawBody = body as string;
      parseJson(request, body as string, done);
    });

    app.post(
      WEBHOOK_PATH,
      {
        config: { access: { public: true } },
        schema: {
          tags: ['store'],
          summary:
            'Webhook de la plateforme AM Cloud (locataire prêt ou en échec), authentifié par sa signature HMAC-SHA256 (en-têtes X-AMCloud-Signature, X-AMCloud-Timestamp) et non par une session ; un événement déjà reçu est ignoré',
          body: webhookBodySchema,
          response: {
            200: z.object({ result: z.enum(['applied', 'unchanged', 'duplicate', 'unknownTenant']) }),
            400: problemSchema,
            401: problemSchema,
          },
        },
      },
      async (request) => {
        const header = (name: string) => {
          const value = request.headers[name];
          return typeof value === 'string' ? value : undefined;
        };
        const verdict = verifyWebhook(
          app.deps.config.amCloudWebhookSecret,
          { signature: header(SIGNATURE_HEADER), timestamp: header(TIMESTAMP_HEADER) },
          (request as { rawBody?: string }).rawBody ?? '',
          app.deps.now().getTime(),
        );
        if (verdict !== 'valid') throw new AppError('unauthenticated', REFUSALS[verdict]);
        return { result: await handleWebhook(deps(), request.body) };
      },
    );

    app.get(
      '/api/provisioning/status',
      {
        config: { access: { action: 'provisioning.read' } },
        schema: {
          tags: ['store'],
          summary:
            'Le raccordement à AM Cloud : plateforme ou simulateur intégré, webhook, locataires par statut',
          response: { 200: provisioningStatusSchema, 401: problemSchema, 403: problemSchema },
        },
      },
      async (request) => provisioningStatus(request.ctx, app.deps.authorizer, deps().client, app.deps.config),
    );
  };
}
