import { z } from 'zod';
import { calendarDate, dateTime, pageNumber, pageSize, text } from './common.ts';

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
    /** For a transition: `{lifecycle, transition, from, to, input}` (the input is what the person gave, e.g. a reason). */
    details: z.unknown(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventDto = z.infer<typeof auditEventSchema>;

/** The actions and target types present in the trail, for the filters. */
export const auditVocabularySchema = z
  .object({ items: z.array(z.string()), targetTypes: z.array(z.string()) })
  .meta({ id: 'AuditVocabulary' });
export type AuditVocabularyDto = z.infer<typeof auditVocabularySchema>;

const dateOrDateTime = (label: string) =>
  z.union([calendarDate(label), dateTime(label)], {
    error: `${label} doit être une date (AAAA-MM-JJ) ou une date-heure ISO 8601, entre 1900 et 2100.`,
  });

export const auditListQuerySchema = z.object({
  actor: z.uuid({ error: "L'identifiant de l'auteur n'est pas valide." }).optional(),
  action: text("L'action").max(100, { error: "L'action est limitée à 100 caractères." }).optional(),
  targetType: text('Le type de cible')
    .max(50, { error: 'Le type de cible est limité à 50 caractères.' })
    .optional(),
  targetId: text("L'identifiant de la cible")
    .max(100, { error: "L'identifiant de la cible est limité à 100 caractères." })
    .optional(),
  from: dateOrDateTime('La date de début').optional(),
  to: dateOrDateTime('La date de fin').optional(),
  /** `true` leaves out sign-ins and sign-outs (`session.*`), which make most of the trail. */
  hideSessions: z
    .enum(['true', 'false'], { error: 'hideSessions vaut true ou false.' })
    .transform((v) => v === 'true')
    .optional(),
  page: pageNumber,
  pageSize: pageSize(200, 50),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
