import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditEventSchema,
  auditListQuerySchema,
  auditVocabularySchema,
} from '../../../common/schemas/audit.ts';
import { pageOf, problemSchema } from '../../../common/schemas/common.ts';
import { listAuditEvents, listAuditVocabulary } from './audit.queries.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit-events',
    {
      config: { access: { action: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: "Journal d'audit, du plus récent au plus ancien",
        querystring: auditListQuerySchema,
        response: { 200: pageOf(auditEventSchema), ...errors },
      },
    },
    async (request) => {
      const { rows, total } = await listAuditEvents(app.deps.db, request.query);
      return {
        total,
        items: rows.map(({ event, actor, actorOrganisation, targetLabel }) => ({
          id: event.id,
          occurredAt: event.occurredAt.toISOString(),
          actor,
          actorOrganisation,
          action: event.action,
          targetType: event.targetType,
          targetId: event.targetId,
          targetLabel,
          before: event.before,
          after: event.after,
          requestId: event.requestId,
        })),
      };
    },
  );

  app.get(
    '/api/audit-events/actions',
    {
      config: { access: { action: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: "Actions et types d'objets présents dans le journal (pour filtrer)",
        response: { 200: auditVocabularySchema, ...errors },
      },
    },
    async () => listAuditVocabulary(app.deps.db),
  );
};
