import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditEventSchema,
  auditListQuerySchema,
  auditVocabularySchema,
} from '../../../common/schemas/audit.ts';
import { pageOf, problemSchema } from '../../../common/schemas/common.ts';
import { presentAuditEvent } from './audit.presenter.ts';
import { listJournal, listJournalVocabulary } from './audit.service.ts';

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
      const { rows, total } = await listJournal(request.ctx, request.query);
      return { total, items: rows.map(presentAuditEvent) };
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
    async (request) => listJournalVocabulary(request.ctx),
  );
};
