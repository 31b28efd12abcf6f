import { z } from 'zod';
import {
  BOARD_ITEM_KINDS,
  BOARD_ITEM_STATES,
  BOARD_REQUEST_KINDS,
  DECISION_LINK_TYPES,
  DECISION_OUTCOMES,
  EVOLUTION_TARGETS,
  MEETING_STATES,
  VOTE_MODES,
} from '../board/vocabulary.ts';
import { calendarDate, longText, pageNumber, pageSize, rowVersion, text } from './common.ts';
import { lifecycleViewSchema, transitionSchema } from './lifecycle.ts';

// ——— Inputs ———

const uuid = (what: string) => z.uuid({ error: `L'identifiant ${what} n'est pas valide.` });
const shortText = (label: string, max: number) =>
  text(label)
    .min(1, { error: `${label} est obligatoire.` })
    .max(max, { error: `${label} est limité à ${max.toLocaleString('fr-FR')} caractères.` });
const prose = (label: string, max: number, min = 3) =>
  longText(label)
    .min(min, { error: `${label} tient en ${min} caractères au moins.` })
    .max(max, { error: `${label} est limité à ${max.toLocaleString('fr-FR')} caractères.` });
const votes = (label: string) =>
  z
    .number({ error: `${label} est un nombre.` })
    .int({ error: `${label} est un nombre entier.` })
    .min(0, { error: `${label} ne peut pas être négatif.` })
    .max(500, { error: `${label} va au plus à 500.` });

/** POST /api/board/requests: anyone asks the board for an evolution or an arbitration, with a reason. */
export const submitRequestSchema = z
  .object({
    kind: z.enum(BOARD_REQUEST_KINDS, { error: 'Le type de demande vaut evolution ou arbitration.' }),
    title: shortText("L'objet de la demande", 200),
    reason: prose('Le motif', 8000, 10),
    evolutionTarget: z
      .enum(EVOLUTION_TARGETS, { error: "L'évolution porte sur portal, amCloud ou store." })
      .nullable()
      .default(null),
    officeIds: z.array(uuid("d'organisme")).max(20, { error: 'Vingt organismes au plus.' }).default([]),
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'evolution' && !body.evolutionTarget)
      ctx.addIssue({
        code: 'custom',
        path: ['evolutionTarget'],
        message: "Dites sur quoi porte l'évolution : le portail, AM Cloud ou le Store.",
      });
    if (body.kind === 'arbitration' && body.officeIds.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['officeIds'],
        message: "Nommez au moins un organisme concerné par l'arbitrage.",
      });
  });
export type SubmitRequestInput = z.infer<typeof submitRequestSchema>;

/** POST /api/board/escalations: a sponsor (or the board) puts a pending sponsorship request before the board. */
export const escalateSchema = z.object({
  sponsorshipId: uuid('de la demande de sponsor'),
  reason: prose('Le motif', 4000),
});

/** POST /api/board/items: the board's own items (a call's selection, a participation, a compensation). */
export const addItemSchema = z
  .object({
    kind: z.enum(['callSelection', 'nationalParticipation', 'compensation'], {
      error: 'Le type de point vaut callSelection, nationalParticipation ou compensation.',
    }),
    title: shortText("L'objet du point", 200),
    reason: prose("L'exposé", 8000),
    callId: uuid("de l'appel").nullable().default(null),
    projectId: uuid('du projet').nullable().default(null),
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'callSelection' && !body.callId)
      ctx.addIssue({
        code: 'custom',
        path: ['callId'],
        message: "Nommez l'appel dont la sélection est soumise.",
      });
    if (body.kind === 'nationalParticipation' && !body.projectId)
      ctx.addIssue({ code: 'custom', path: ['projectId'], message: 'Nommez le projet national concerné.' });
  });

export const createMeetingSchema = z.object({
  title: shortText("L'intitulé de la séance", 200),
  meetingOn: calendarDate('La date de la séance'),
  location: shortText('Le lieu', 200).optional(),
});

export const updateMeetingSchema = z.object({
  version: rowVersion,
  title: shortText("L'intitulé de la séance", 200).optional(),
  meetingOn: calendarDate('La date de la séance').optional(),
  location: text('Le lieu').max(200, { error: 'Le lieu est limité à 200 caractères.' }).optional(),
  attendance: z
    .array(shortText('Une présence', 200))
    .max(100, { error: 'Cent présences au plus.' })
    .optional(),
  minutes: longText('Le compte rendu', { trim: false })
    .max(100_000, { error: 'Le compte rendu est limité à 100 000 caractères.' })
    .optional(),
});

export const scheduleItemSchema = z.object({ itemId: uuid('du point') });
export const agendaParamsSchema = z.object({ id: uuid('de la séance'), itemId: uuid('du point') });

/** POST /api/board/meetings/:id/decisions: the board's decision on one item of a held meeting. */
export const recordDecisionSchema = z
  .object({
    itemId: uuid('du point'),
    question: prose('La question', 2000),
    options: z.array(shortText('Une option', 500)).max(10, { error: 'Dix options au plus.' }).default([]),
    outcome: z.enum(DECISION_OUTCOMES, { error: 'La décision vaut approved, rejected ou postponed.' }),
    statement: prose('La décision', 4000),
    rationale: prose('Le motif', 8000),
    voteMode: z.enum(VOTE_MODES, { error: 'Le mode de décision vaut vote ou consensus.' }),
    votesFor: votes('Le nombre de voix pour').nullable().default(null),
    votesAgainst: votes('Le nombre de voix contre').nullable().default(null),
    votesAbstain: votes("Le nombre d'abstentions").nullable().default(null),
    /** Projects the decision concerns besides its item's own objects. */
    projectIds: z.array(uuid('du projet')).max(10, { error: 'Dix projets au plus.' }).default([]),
  })
  .superRefine((body, ctx) => {
    if (body.voteMode !== 'vote') return;
    for (const field of ['votesFor', 'votesAgainst', 'votesAbstain'] as const)
      if (body[field] === null)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'Un vote donne les voix pour, contre et les abstentions.',
        });
  });
export type RecordDecisionInput = z.infer<typeof recordDecisionSchema>;

export const decisionLogQuerySchema = z.object({
  q: text('La recherche').max(200, { error: 'La recherche est limitée à 200 caractères.' }).optional(),
  outcome: z.enum(DECISION_OUTCOMES, { error: "Cette issue de décision n'existe pas." }).optional(),
  kind: z.enum(BOARD_ITEM_KINDS, { error: "Ce type de point n'existe pas." }).optional(),
  year: z.coerce
    .number({ error: "L'année est un nombre." })
    .int({ error: "L'année est un nombre entier." })
    .min(2000, { error: "L'année va de 2000 à 2100." })
    .max(2100, { error: "L'année va de 2000 à 2100." })
    .optional(),
  page: pageNumber,
  pageSize: pageSize(100, 20),
});
export type DecisionLogQuery = z.infer<typeof decisionLogQuerySchema>;

// ——— Outputs ———

const ref = z.object({ id: z.string(), title: z.string() });

export const boardItemSchema = z
  .object({
    id: z.string(),
    kind: z.enum(BOARD_ITEM_KINDS),
    title: z.string(),
    reason: z.string(),
    evolutionTarget: z.enum(EVOLUTION_TARGETS).nullable(),
    offices: z.array(z.string()),
    project: ref.nullable(),
    call: ref.nullable(),
    /** The agreement awaiting the DDO's approval (an item the portal drew). */
    agreement: ref.nullable(),
    /** The directorate an escalated sponsorship request was made to. */
    directorate: z.string().nullable(),
    state: z.enum(BOARD_ITEM_STATES),
    submittedBy: z.string().nullable(),
    office: z.string(),
    meeting: z.object({ id: z.string(), title: z.string(), meetingOn: z.string() }).nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'BoardItem' });
export type BoardItemDto = z.infer<typeof boardItemSchema>;

export const decisionSchema = z
  .object({
    id: z.string(),
    /** Year-number (2026-007) once published; null while a draft. */
    reference: z.string().nullable(),
    question: z.string(),
    options: z.array(z.string()),
    outcome: z.enum(DECISION_OUTCOMES),
    statement: z.string(),
    rationale: z.string(),
    voteMode: z.enum(VOTE_MODES),
    votes: z
      .object({ for: z.number().int(), against: z.number().int(), abstain: z.number().int() })
      .nullable(),
    links: z.array(z.object({ type: z.enum(DECISION_LINK_TYPES), id: z.string(), label: z.string() })),
    item: z.object({ id: z.string(), kind: z.enum(BOARD_ITEM_KINDS), title: z.string() }),
    meeting: z.object({ id: z.string(), title: z.string(), meetingOn: z.string() }),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: 'BoardDecision' });
export type DecisionDto = z.infer<typeof decisionSchema>;

export const boardItemPageSchema = boardItemSchema.extend({ decisions: z.array(decisionSchema) });
export type BoardItemPageDto = z.infer<typeof boardItemPageSchema>;

export const agendaSchema = z.object({ items: z.array(boardItemSchema) });

export const meetingSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  meetingOn: z.string(),
  location: z.string(),
  state: z.enum(MEETING_STATES),
  itemCount: z.number().int(),
  version: z.number().int(),
});
export type MeetingSummaryDto = z.infer<typeof meetingSummarySchema>;

export const meetingSchema = meetingSummarySchema
  .extend({
    attendance: z.array(z.string()),
    minutes: z.string(),
    minutesHtml: z.string(),
    items: z.array(boardItemSchema),
    decisions: z.array(decisionSchema),
    may: z.object({ manage: z.boolean() }),
    transitions: z.array(transitionSchema),
    lifecycles: z.array(lifecycleViewSchema),
  })
  .meta({ id: 'BoardMeeting' });
export type MeetingDto = z.infer<typeof meetingSchema>;

export const meetingListSchema = z.object({ items: z.array(meetingSummarySchema) });

const facet = <T extends z.ZodType>(value: T) => z.array(z.object({ value, count: z.number().int() }));
export const decisionLogPageSchema = z.object({
  items: z.array(decisionSchema),
  total: z.number().int(),
  facets: z.object({
    outcomes: facet(z.enum(DECISION_OUTCOMES)),
    kinds: facet(z.enum(BOARD_ITEM_KINDS)),
    years: facet(z.number().int()),
  }),
});
export type DecisionLogPageDto = z.infer<typeof decisionLogPageSchema>;
