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
  /** true: the tickets of which a level missed its first-answer target; false: the others. */
  breached: z
    .enum(['true', 'false'], { error: 'Le filtre breached vaut true ou false.' })
    .transform((v) => v === 'true')
    .optional(),
  /** waiting: longest waiting at their level first (the default); due: nearest answer due first. */
  sort: z.enum(['waiting', 'due'], { error: 'Le tri vaut waiting ou due.' }).optional(),
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
  /** Since when it waits at its level (opening, or escalation), and for how many working days if live. */
  waitingSince: z.string(),
  waitingWorkingDays: z.number().int().nullable(),
  /** The first answer the current level still owes, and by when (null once answered or closed). */
  answerDueAt: z.string().nullable(),
  /** Each level the ticket reached: when its first answer was due, when it came, whether it was late. */
  serviceTargets: z.array(
    z.object({
      level: z.number().int(),
      dueAt: z.string(),
      answeredAt: z.string().nullable(),
      breached: z.boolean(),
    }),
  ),
  breached: z.boolean(),
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
    /** Minutes from opening to the first answer and to the resolution. */
    minutesToFirstAnswer: z.number().int().nullable(),
    minutesToResolution: z.number().int().nullable(),
    /** The referential proposal the ticket became; whether the caller may make it one. */
    referentialProposalId: z.uuid().nullable(),
    canProposeToReferential: z.boolean(),
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
