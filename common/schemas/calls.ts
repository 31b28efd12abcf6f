import { z } from 'zod';
import { CALL_SCOPES, CALL_STATES } from '../calls/vocabulary.ts';
import { REGIONS } from '../organisations.ts';
import { calendarDate, longText, pageNumber, pageSize, rowVersion, text } from './common.ts';
import { labelSchema, lifecycleViewSchema, transitionSchema } from './lifecycle.ts';

// ——— Inputs ———

const uuid = (what: string) => z.uuid({ error: `L'identifiant ${what} n'est pas valide.` });
const shortText = (label: string, max: number) =>
  text(label)
    .min(1, { error: `${label} est obligatoire.` })
    .max(max, { error: `${label} est limité à ${max.toLocaleString('fr-FR')} caractères.` });
const markdown = (label: string, max: number) =>
  longText(label, { trim: false }).max(max, {
    error: `${label} est limité à ${max.toLocaleString('fr-FR')} caractères.`,
  });
const wholeNumber = (label: string, max: number) =>
  z
    .number({ error: `${label} est un nombre.` })
    .int({ error: `${label} est un nombre entier.` })
    .min(0, { error: `${label} ne peut pas être négatif.` })
    .max(max, { error: `${label} va au plus à ${max.toLocaleString('fr-FR')}.` });

export const criterionSchema = z.object({
  label: shortText('Le libellé du critère', 200),
  weight: z
    .number({ error: 'Le poids du critère est un nombre.' })
    .int({ error: 'Le poids du critère est un nombre entier.' })
    .min(1, { error: 'Le poids du critère va de 1 à 100.' })
    .max(100, { error: 'Le poids du critère va de 1 à 100.' }),
});

const callFields = {
  title: shortText("Le titre de l'appel", 200),
  context: markdown('Le contexte', 20_000).refine((value) => value.trim().length > 0, {
    error: 'Le contexte est obligatoire.',
  }),
  expectedOutcome: markdown('Le résultat attendu', 20_000),
  scope: z.enum(CALL_SCOPES, { error: 'La portée vaut national, regional ou local.' }),
  region: z.enum(REGIONS, { error: "Cette région n'existe pas." }).nullable(),
  /** The offices that may answer a local call. */
  officeIds: z.array(uuid("d'organisme")).max(50, { error: 'Cinquante organismes au plus.' }),
  domainCode: shortText('Le domaine métier', 60),
  effortDays: wholeNumber("L'enveloppe en jours-personnes", 100_000).nullable(),
  budgetEuros: wholeNumber('Le budget en euros', 1_000_000_000).nullable(),
  criteria: z.array(criterionSchema).max(12, { error: 'Douze critères au plus.' }),
  publicationOn: calendarDate('La date de publication').nullable(),
  questionsUntil: calendarDate('La date limite des questions'),
  proposalsUntil: calendarDate('La date limite des propositions'),
  selectionBy: calendarDate('La date de sélection'),
};

type Timeline = { questionsUntil?: string; proposalsUntil?: string; selectionBy?: string };
/** The timeline reads in order: questions, then proposals, then the selection. */
export function timelineErrors(t: Timeline) {
  const errors: { field: string; message: string }[] = [];
  if (t.questionsUntil && t.proposalsUntil && t.questionsUntil > t.proposalsUntil)
    errors.push({
      field: 'questionsUntil',
      message: 'La date limite des questions tombe au plus tard le jour limite des propositions.',
    });
  if (t.proposalsUntil && t.selectionBy && t.proposalsUntil > t.selectionBy)
    errors.push({
      field: 'selectionBy',
      message: 'La date de sélection vient après la date limite des propositions.',
    });
  return errors;
}

/** POST /api/calls: a draft, issued by the caller's office or directorate (an administrator names one). */
export const createCallSchema = z
  .object({
    ...callFields,
    region: callFields.region.default(null),
    officeIds: callFields.officeIds.default([]),
    expectedOutcome: callFields.expectedOutcome.default(''),
    effortDays: callFields.effortDays.default(null),
    budgetEuros: callFields.budgetEuros.default(null),
    criteria: callFields.criteria.default([]),
    publicationOn: callFields.publicationOn.default(null),
    issuerId: uuid("de l'émetteur").optional(),
  })
  .superRefine((body, ctx) => {
    for (const error of timelineErrors(body))
      ctx.addIssue({ code: 'custom', path: [error.field], message: error.message });
    if (body.scope === 'regional' && !body.region)
      ctx.addIssue({ code: 'custom', path: ['region'], message: 'Un appel régional nomme sa région.' });
  });
export type CreateCallInput = z.infer<typeof createCallSchema>;

/** PATCH /api/calls/:id: what changes, at the version read (a draft or a published call only). */
export const updateCallSchema = z.object(callFields).partial().extend({ version: rowVersion });
export type UpdateCallInput = z.infer<typeof updateCallSchema>;

const booleanFlag = z
  .enum(['true', 'false'], { error: 'Ce filtre vaut true ou false.' })
  .transform((value) => value === 'true');

export const callListQuerySchema = z.object({
  q: text('La recherche').max(200, { error: 'La recherche est limitée à 200 caractères.' }).optional(),
  state: z.enum(CALL_STATES, { error: "Cet état d'appel n'existe pas." }).optional(),
  scope: z.enum(CALL_SCOPES, { error: 'La portée vaut national, regional ou local.' }).optional(),
  domain: shortText('Le domaine métier', 60).optional(),
  issuerId: uuid("de l'émetteur").optional(),
  /** Only the calls the caller's office may answer. */
  forMyOffice: booleanFlag.optional(),
  page: pageNumber,
  pageSize: pageSize(100, 20),
});
export type CallListQuery = z.infer<typeof callListQuerySchema>;

export const askQuestionSchema = z.object({
  question: longText('La question')
    .min(3, { error: 'La question tient en 3 caractères au moins.' })
    .max(4000, { error: 'La question est limitée à 4 000 caractères.' }),
});
export const answerQuestionSchema = z.object({
  version: rowVersion,
  answer: longText('La réponse')
    .min(1, { error: 'La réponse est obligatoire.' })
    .max(8000, { error: 'La réponse est limitée à 8 000 caractères.' }),
});
export const questionParamsSchema = z.object({
  id: uuid("de l'appel"),
  questionId: uuid('de la question'),
});

// ——— Outputs ———

const office = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const callSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    state: z.enum(CALL_STATES),
    scope: z.enum(CALL_SCOPES),
    region: z.enum(REGIONS).nullable(),
    issuer: office.extend({ type: z.string() }),
    domain: z.object({ code: z.string(), label: labelSchema }),
    effortDays: z.number().int().nullable(),
    budgetEuros: z.number().int().nullable(),
    questionsUntil: z.string(),
    proposalsUntil: z.string(),
    selectionBy: z.string(),
    /** The instant proposals close: midnight after `proposalsUntil`, Paris time (ISO 8601, UTC). */
    closesAt: z.string(),
    /** The caller's office may answer it (its scope includes the office). */
    openToMyOffice: z.boolean(),
    questionCount: z.number().int(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CallSummary' });
export type CallSummaryDto = z.infer<typeof callSummarySchema>;

export const callQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  askedBy: z.string().nullable(),
  office: z.string().nullable(),
  askedAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  version: z.number().int(),
});
export type CallQuestionDto = z.infer<typeof callQuestionSchema>;

export const callSchema = callSummarySchema
  .extend({
    context: z.string(),
    expectedOutcome: z.string(),
    /** The Markdown rendered and sanitised by the server. */
    contextHtml: z.string(),
    expectedOutcomeHtml: z.string(),
    criteria: z.array(criterionSchema),
    offices: z.array(office),
    publicationOn: z.string().nullable(),
    questions: z.array(callQuestionSchema),
    may: z.object({ edit: z.boolean(), ask: z.boolean(), answer: z.boolean() }),
    transitions: z.array(transitionSchema),
    lifecycles: z.array(lifecycleViewSchema),
    createdAt: z.string(),
  })
  .meta({ id: 'Call' });
export type CallDto = z.infer<typeof callSchema>;

export const callFacetsSchema = z.object({
  states: z.array(z.object({ value: z.enum(CALL_STATES), count: z.number().int() })),
  scopes: z.array(z.object({ value: z.enum(CALL_SCOPES), count: z.number().int() })),
});
export const callPageSchema = z.object({
  items: z.array(callSummarySchema),
  total: z.number().int(),
  facets: callFacetsSchema,
});
export type CallPageDto = z.infer<typeof callPageSchema>;
