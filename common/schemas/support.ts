import { z } from 'zod';
import { REFERENT_REGIONS, type ReferentRegion } from '../community/vocabulary.ts';
import { SUPPORT_FLOWS, TICKET_STATES } from '../support/vocabulary.ts';
import { attachmentSchema } from './application.ts';
import { longText, rowVersion, text } from './common.ts';
import { lifecycleViewSchema, transitionSchema } from './lifecycle.ts';

/** Support tickets of the two flows (starter kit, applications), their messages and files. */

const flowEnum = z.enum(SUPPORT_FLOWS, { error: 'Le type de support vaut starterKit ou application.' });
const stateEnum = z.enum(TICKET_STATES, { error: 'État inconnu : open, escalated, resolved ou withdrawn.' });

export const openTicketSchema = z.object({
  flow: flowEnum,
  /** The application a problem is reported on (application support only). */
  applicationId: z.uuid({ error: "L'identifiant de l'application n'est pas valide." }).optional(),
  subject: text("L'objet")
    .min(3, { error: "L'objet compte au moins 3 caractères." })
    .max(200, { error: "L'objet est limité à 200 caractères." }),
  description: longText('La description')
    .min(10, { error: 'Décrivez le problème (10 caractères au moins).' })
    .max(8000, { error: 'La description est limitée à 8 000 caractères.' }),
});
export type OpenTicketInput = z.infer<typeof openTicketSchema>;

export const ticketMessageSchema = z.object({
  body: longText('Le message')
    .min(1, { error: 'Le message est vide.' })
    .max(8000, { error: 'Le message est limité à 8 000 caractères.' }),
});

export const assignTicketSchema = z.object({
  /** A person answering at the ticket's level; null frees the ticket. */
  assigneeId: z.uuid({ error: "L'identifiant de la personne n'est pas valide." }).nullable(),
  version: rowVersion,
});
export type AssignTicketInput = z.infer<typeof assignTicketSchema>;

export const ticketListQuerySchema = z.object({
  flow: flowEnum.optional(),
  state: stateEnum.optional(),
  level: z.coerce
    .number({ error: 'Le niveau vaut 1 ou 2.' })
    .int({ error: 'Le niveau vaut 1 ou 2.' })
    .min(1, { error: 'Le niveau vaut 1 ou 2.' })
    .max(2, { error: 'Le niveau vaut 1 ou 2.' })
    .optional(),
  applicationId: z.uuid({ error: "L'identifiant de l'application n'est pas valide." }).optional(),
});
export type TicketListQuery = z.infer<typeof ticketListQuerySchema>;

const office = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
const person = z.object({ id: z.uuid(), displayName: z.string() });

export const ticketSummarySchema = z.object({
  id: z.uuid(),
  flow: flowEnum,
  subject: z.string(),
  state: stateEnum,
  level: z.number().int(),
  region: z.enum(REFERENT_REGIONS as [ReferentRegion, ...ReferentRegion[]]).nullable(),
  application: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  opener: person,
  openerOffice: office,
  assigneeId: z.uuid().nullable(),
  openedAt: z.string(),
  firstAnsweredAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  version: z.number().int(),
});
export type TicketSummaryDto = z.infer<typeof ticketSummarySchema>;

export const ticketMessageDtoSchema = z.object({
  id: z.uuid(),
  body: z.string(),
  createdAt: z.string(),
  author: person,
});

export const ticketSchema = ticketSummarySchema
  .extend({
    description: z.string(),
    level1Offices: z.array(office),
    designerOffice: office.nullable(),
    assignee: person.nullable(),
    escalationNote: z.string().nullable(),
    resolution: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    messages: z.array(ticketMessageDtoSchema),
    attachments: z.array(attachmentSchema),
    /** May the caller write in it, attach files (live ticket); take it or hand it to a colleague. */
    canWrite: z.boolean(),
    canAssign: z.boolean(),
    transitions: z.array(transitionSchema),
    lifecycles: z.array(lifecycleViewSchema),
  })
  .meta({ id: 'SupportTicket' });
export type TicketDto = z.infer<typeof ticketSchema>;
