import { z } from 'zod';
import { PROPOSAL_STATES, SCORE_MAX, SCORE_MIN, SELECTION_STATES } from '../calls/proposals.ts';
import { calendarDate, longText, rowVersion, text } from './common.ts';
import { lifecycleViewSchema, transitionSchema } from './lifecycle.ts';

/** Proposals answering a call, their evaluation and the selection: inputs and outputs of the API. */

// ——— Inputs ———

const uuid = (what: string) => z.uuid({ error: `L'identifiant ${what} n'est pas valide.` });
const shortText = (label: string, max: number) =>
  text(label)
    .min(1, { error: `${label} est obligatoire.` })
    .max(max, { error: `${label} est limité à ${max.toLocaleString('fr-FR')} caractères.` });
const bounded = (label: string, max: number) =>
  longText(label, { trim: false }).max(max, {
    error: `${label} est limité à ${max.toLocaleString('fr-FR')} caractères.`,
  });

const proposalFields = {
  title: shortText('Le titre de la proposition', 200),
  approach: bounded("L'approche", 20_000).refine((value) => value.trim().length > 0, {
    error: "L'approche est obligatoire.",
  }),
  team: bounded("L'équipe", 4000),
  effortDays: z
    .number({ error: "L'effort en jours-personnes est un nombre." })
    .int({ error: "L'effort en jours-personnes est un nombre entier." })
    .min(0, { error: "L'effort en jours-personnes ne peut pas être négatif." })
    .max(100_000, { error: "L'effort en jours-personnes va au plus à 100 000." })
    .nullable(),
  plannedStart: calendarDate('La date de début prévue').nullable(),
  plannedEnd: calendarDate('La date de fin prévue').nullable(),
  /** Catalogue applications the proposal reuses. */
  reusedApplicationIds: z.array(uuid("d'application")).max(20, { error: 'Vingt applications au plus.' }),
  /** Other offices taking part; each confirms its participation. */
  partnerOfficeIds: z.array(uuid("d'organisme")).max(20, { error: 'Vingt organismes partenaires au plus.' }),
};

const datesInOrder = (p: { plannedStart?: string | null; plannedEnd?: string | null }) =>
  !p.plannedStart || !p.plannedEnd || p.plannedStart <= p.plannedEnd;
const datesError = {
  error: 'La date de fin prévue suit la date de début.',
  path: ['plannedEnd'],
};

export const createProposalSchema = z
  .object({
    ...proposalFields,
    team: proposalFields.team.default(''),
    effortDays: proposalFields.effortDays.default(null),
    plannedStart: proposalFields.plannedStart.default(null),
    plannedEnd: proposalFields.plannedEnd.default(null),
    reusedApplicationIds: proposalFields.reusedApplicationIds.default([]),
    partnerOfficeIds: proposalFields.partnerOfficeIds.default([]),
  })
  .refine(datesInOrder, datesError);
export type CreateProposalInput = z.infer<typeof createProposalSchema>;

export const updateProposalSchema = z
  .object(proposalFields)
  .partial()
  .extend({ version: rowVersion })
  .refine(datesInOrder, datesError);
export type UpdateProposalInput = z.infer<typeof updateProposalSchema>;

export const partnerParamsSchema = z.object({
  id: uuid('de la proposition'),
  organisationId: uuid("d'organisme"),
});

export const nameEvaluatorsSchema = z.object({
  version: rowVersion,
  userIds: z.array(uuid("d'évaluateur")).max(30, { error: 'Trente évaluateurs au plus.' }),
});
export type NameEvaluatorsInput = z.infer<typeof nameEvaluatorsSchema>;

export const scoreSchema = z.object({
  criterion: z
    .number({ error: 'Le critère est un numéro.' })
    .int({ error: 'Le critère est un numéro entier.' })
    .min(0, { error: 'Le critère est un numéro à partir de 0.' }),
  score: z
    .number({ error: 'La note est un nombre.' })
    .int({ error: 'La note est un nombre entier.' })
    .min(SCORE_MIN, { error: `La note va de ${SCORE_MIN} à ${SCORE_MAX}.` })
    .max(SCORE_MAX, { error: `La note va de ${SCORE_MIN} à ${SCORE_MAX}.` }),
  comment: bounded('Le commentaire', 2000).default(''),
});
export const scoresSchema = z.object({
  scores: z
    .array(scoreSchema)
    .min(1, { error: 'Donnez au moins une note.' })
    .max(12, { error: 'Douze notes au plus, une par critère.' }),
});
export type ScoresInput = z.infer<typeof scoresSchema>;

export const selectionSchema = z.object({
  /** The call's version, as read. */
  version: rowVersion,
  rationale: bounded('Le motif de la sélection', 2000).refine((v) => v.trim().length >= 3, {
    error: 'Indiquez le motif de la sélection (3 caractères au moins).',
  }),
  choices: z
    .array(
      z.object({
        proposalId: uuid('de la proposition'),
        selected: z.boolean({ error: 'Retenue ou non : vrai ou faux.' }),
        rationale: bounded('Le motif', 2000).refine((v) => v.trim().length >= 3, {
          error: 'Indiquez le motif, pour chaque proposition (3 caractères au moins).',
        }),
      }),
    )
    .min(1, { error: 'La sélection porte sur les propositions déposées.' })
    .max(200, { error: 'Deux cents propositions au plus.' }),
});
export type SelectionInput = z.infer<typeof selectionSchema>;

// ——— Outputs ———

const office = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const proposalSummarySchema = z
  .object({
    id: z.string(),
    callId: z.string(),
    title: z.string(),
    state: z.enum(PROPOSAL_STATES),
    office,
    effortDays: z.number().int().nullable(),
    plannedStart: z.string().nullable(),
    plannedEnd: z.string().nullable(),
    decisionRationale: z.string().nullable(),
    projectId: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ProposalSummary' });
export type ProposalSummaryDto = z.infer<typeof proposalSummarySchema>;

export const proposalSchema = proposalSummarySchema
  .extend({
    call: z.object({ id: z.string(), title: z.string(), state: z.string(), scope: z.string() }),
    approach: z.string(),
    approachHtml: z.string(),
    team: z.string(),
    partners: z.array(office.extend({ confirmedAt: z.string().nullable() })),
    reusedApplications: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
    /** The caller's own scores, by criterion (evaluators only). */
    myScores: z.array(
      z.object({ criterion: z.number().int(), score: z.number().int(), comment: z.string() }),
    ),
    may: z.object({
      edit: z.boolean(),
      confirmPartner: z.boolean(),
      score: z.boolean(),
    }),
    /** While it is a draft again, why and when its director sent it back (the proposing office only). */
    sentBack: z.object({ reason: z.string(), at: z.string(), by: z.string().nullable() }).nullable(),
    transitions: z.array(transitionSchema),
    lifecycles: z.array(lifecycleViewSchema),
    createdAt: z.string(),
  })
  .meta({ id: 'Proposal' });
export type ProposalDto = z.infer<typeof proposalSchema>;

export const proposalListSchema = z.object({
  items: z.array(proposalSummarySchema),
  /** What the caller may do on the call's proposals. */
  may: z.object({ propose: z.boolean(), compare: z.boolean(), nameEvaluators: z.boolean() }),
});
export type ProposalListDto = z.infer<typeof proposalListSchema>;

export const comparisonSchema = z
  .object({
    criteria: z.array(z.object({ label: z.string(), weight: z.number().int() })),
    evaluators: z.array(z.object({ id: z.string(), name: z.string(), office: z.string() })),
    rows: z.array(
      z.object({
        proposal: proposalSummarySchema,
        weighted: z.number().nullable(),
        criteria: z.array(z.number().nullable()),
        evaluators: z.number().int(),
        spread: z.number().nullable(),
        rank: z.number().int().nullable(),
        tied: z.boolean(),
      }),
    ),
    selection: z
      .object({
        state: z.enum(SELECTION_STATES),
        rationale: z.string(),
        choices: z.array(z.object({ proposalId: z.string(), selected: z.boolean(), rationale: z.string() })),
        proposedAt: z.string(),
        appliedAt: z.string().nullable(),
      })
      .nullable(),
    may: z.object({ nameEvaluators: z.boolean(), select: z.boolean() }),
    version: z.number().int(),
  })
  .meta({ id: 'CallComparison' });
export type ComparisonDto = z.infer<typeof comparisonSchema>;
