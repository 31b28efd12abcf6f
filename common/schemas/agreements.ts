import { z } from 'zod';
import {
  AGREEMENT_COMMITMENTS,
  AGREEMENT_STATES,
  EFFORT_PROFILES,
  type EffortProfile,
  STATEMENT_FREQUENCIES,
  VALUATION_RULES,
} from '../compensation/vocabulary.ts';
import { calendarDate, longText, rowVersion, text } from './common.ts';
import { month, targetRefSchema, targetSchema, uuidOf } from './effort.ts';
import { lifecycleViewSchema, transitionSchema } from './lifecycle.ts';

// ——— Inputs ———

const shortText = (label: string, max: number) =>
  text(label)
    .min(1, { error: `${label} est obligatoire.` })
    .max(max, { error: `${label} est limité à ${max.toLocaleString('fr-FR')} caractères.` });
const cents = (label: string) =>
  z
    .number({ error: `${label} est un montant en centimes.` })
    .int({ error: `${label} est un nombre entier de centimes.` })
    .min(0, { error: `${label} ne peut pas être négatif.` })
    .max(2_000_000_000, { error: `${label} va au plus à 20 000 000 €.` });
const body = (label: string, max: number) =>
  longText(label)
    .min(1, { error: `${label} est obligatoire.` })
    .max(max, { error: `${label} est limité à ${max.toLocaleString('fr-FR')} caractères.` });

const agreementFields = {
  title: shortText('Le titre de la convention', 200),
  target: targetSchema,
  officeSignatory: shortText("Le signataire pour l'organisme", 200),
  ddoSignatory: shortText('Le signataire pour la DDO', 200),
  periodStart: month('Le premier mois de la période'),
  periodEnd: month('Le dernier mois de la période'),
  valuation: z.enum(VALUATION_RULES, { error: 'La règle de valorisation vaut rateTable ou flat.' }),
  flatAmountCents: cents('Le forfait').nullable(),
  ceilingCents: cents('Le plafond'),
  commitments: z
    .array(
      z.enum(AGREEMENT_COMMITMENTS, { error: `Un engagement vaut ${AGREEMENT_COMMITMENTS.join(', ')}.` }),
    )
    .max(AGREEMENT_COMMITMENTS.length, { error: 'Chaque engagement une fois.' }),
  commitmentNote: longText('Le détail des engagements').max(4000, {
    error: 'Le détail des engagements est limité à 4 000 caractères.',
  }),
  statementFrequency: z.enum(STATEMENT_FREQUENCIES, {
    error: `La périodicité des relevés vaut ${STATEMENT_FREQUENCIES.join(', ')}.`,
  }),
};

/** The rules between fields: a flat amount only with the flat rule, a period in order. */
export function agreementFieldErrors(a: {
  valuation?: string;
  flatAmountCents?: number | null;
  periodStart?: string;
  periodEnd?: string;
}) {
  const errors: { field: string; message: string }[] = [];
  if (a.valuation === 'flat' && (a.flatAmountCents === null || a.flatAmountCents === undefined))
    errors.push({ field: 'flatAmountCents', message: 'Une convention au forfait en donne le montant.' });
  if (a.valuation === 'rateTable' && a.flatAmountCents !== null && a.flatAmountCents !== undefined)
    errors.push({ field: 'flatAmountCents', message: 'Une convention au barème n’a pas de forfait.' });
  if (a.periodStart && a.periodEnd && a.periodStart > a.periodEnd)
    errors.push({ field: 'periodEnd', message: 'Le dernier mois de la période suit le premier.' });
  return errors;
}

export const createAgreementSchema = z.object({
  ...agreementFields,
  organisationId: uuidOf("de l'organisme"),
  /** The first version of the text, when the DDO has it already. */
  text: body('Le texte de la convention', 50_000).optional(),
});
export type CreateAgreementInput = z.infer<typeof createAgreementSchema>;

export const updateAgreementSchema = z
  .object({ ...agreementFields, version: rowVersion })
  .partial()
  .required({ version: true });
export type UpdateAgreementInput = z.infer<typeof updateAgreementSchema>;

export const proposeTextSchema = z.object({ body: body('Le texte de la convention', 50_000) });
export const commentSchema = z.object({
  textNumber: z
    .number({ error: 'Le numéro de version commentée est un nombre.' })
    .int({ error: 'Le numéro de version commentée est un nombre entier.' })
    .min(1, { error: 'Le numéro de version commentée commence à 1.' })
    .max(10_000, { error: "Cette version du texte n'existe pas." }),
  body: body('Le commentaire', 4000),
});

export const publishRateTableSchema = z.object({
  effectiveFrom: calendarDate("La date d'entrée en vigueur"),
  rates: z.object(
    Object.fromEntries(EFFORT_PROFILES.map((p) => [p, cents(`Le taux journalier du profil ${p}`)])) as Record<
      EffortProfile,
      ReturnType<typeof cents>
    >,
  ),
  note: longText('La note').max(2000, { error: 'La note est limitée à 2 000 caractères.' }),
});
export type PublishRateTableInput = z.infer<typeof publishRateTableSchema>;

// ——— Outputs ———

const ratesSchema = z.record(z.enum(EFFORT_PROFILES), z.number());
export const rateTableSchema = z.object({
  id: z.string(),
  number: z.number(),
  effectiveFrom: z.string(),
  rates: ratesSchema,
  note: z.string(),
  createdAt: z.string(),
});
export type RateTableDto = z.infer<typeof rateTableSchema>;
export const rateTableListSchema = z.object({ items: z.array(rateTableSchema), mayPublish: z.boolean() });

const officeRef = z.object({ id: z.string(), code: z.string(), name: z.string() });
const authorRef = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const agreementSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  office: officeRef,
  target: targetRefSchema,
  state: z.enum(AGREEMENT_STATES),
  valuation: z.enum(VALUATION_RULES),
  flatAmountCents: z.number().nullable(),
  ceilingCents: z.number(),
  periodStart: z.string(),
  periodEnd: z.string(),
  amendsId: z.string().nullable(),
  amendmentNumber: z.number(),
  version: z.number(),
  updatedAt: z.string(),
});
export type AgreementSummaryDto = z.infer<typeof agreementSummarySchema>;

/** The figures of an agreement: confirmed effort in its period, valued, within the ceiling. */
export const valuationSchema = z.object({
  rateTableNumber: z.number().nullable(),
  lines: z.array(
    z.object({
      profile: z.enum(EFFORT_PROFILES),
      days: z.number(),
      rateCents: z.number(),
      amountCents: z.number(),
    }),
  ),
  confirmedDays: z.number(),
  valuedCents: z.number(),
  payableCents: z.number(),
  overCents: z.number(),
});
export type ValuationDto = z.infer<typeof valuationSchema>;

export const agreementSchema = agreementSummarySchema.extend({
  officeSignatory: z.string(),
  ddoSignatory: z.string(),
  commitments: z.array(z.enum(AGREEMENT_COMMITMENTS)),
  commitmentNote: z.string(),
  statementFrequency: z.enum(STATEMENT_FREQUENCIES),
  texts: z.array(
    z.object({
      number: z.number(),
      body: z.string(),
      author: authorRef,
      office: officeRef.nullable(),
      createdAt: z.string(),
    }),
  ),
  comments: z.array(
    z.object({
      id: z.string(),
      textNumber: z.number(),
      body: z.string(),
      author: authorRef,
      office: officeRef.nullable(),
      createdAt: z.string(),
    }),
  ),
  /** The first agreement and its amendments, in order. */
  family: z.array(
    z.object({
      id: z.string(),
      amendmentNumber: z.number(),
      state: z.enum(AGREEMENT_STATES),
      title: z.string(),
    }),
  ),
  figures: valuationSchema,
  may: z.object({ edit: z.boolean(), negotiate: z.boolean(), amend: z.boolean() }),
  transitions: z.array(transitionSchema),
  lifecycles: z.array(lifecycleViewSchema),
  createdAt: z.string(),
});
export type AgreementDto = z.infer<typeof agreementSchema>;

export const agreementListQuerySchema = z.object({
  state: z.enum(AGREEMENT_STATES, { error: "Cet état de convention n'existe pas." }).optional(),
  organisationId: uuidOf("de l'organisme").optional(),
});
export const agreementListSchema = z.object({ items: z.array(agreementSummarySchema) });
