import { z } from 'zod';

export const auditEventSchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.string(),
    actor: z.object({ id: z.uuid(), displayName: z.string(), email: z.string() }).nullable(),
    actorOrganisation: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    targetLabel: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventDto = z.infer<typeof auditEventSchema>;

/** The actions and target types present in the trail, for the filters. */
export const auditVocabularySchema = z
  .object({ items: z.array(z.string()), targetTypes: z.array(z.string()) })
  .meta({ id: 'AuditVocabulary' });
export type AuditVocabularyDto = z.infer<typeof auditVocabularySchema>;

const dateTime = z.iso.datetime({ offset: true, error: 'Date invalide : format ISO 8601 attendu.' });
const dateOrDateTime = z.union([z.iso.date({ error: 'Date invalide : AAAA-MM-JJ attendu.' }), dateTime], {
  error: 'Date invalide : AAAA-MM-JJ ou date-heure ISO 8601 attendue.',
});

export const auditListQuerySchema = z.object({
  actor: z.uuid({ error: "L'identifiant de l'auteur n'est pas valide." }).optional(),
  action: z.string().trim().max(100).optional(),
  targetType: z.string().trim().max(50).optional(),
  targetId: z.string().trim().max(100).optional(),
  from: dateOrDateTime.optional(),
  to: dateOrDateTime.optional(),
  /** `true` leaves out sign-ins and sign-outs (`session.*`), which make most of the trail. */
  hideSessions: z
    .enum(['true', 'false'], { error: 'hideSessions vaut true ou false.' })
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
