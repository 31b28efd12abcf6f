import { z } from 'zod';
import {
  EFFORT_ACTIVITIES,
  EFFORT_PROFILES,
  EFFORT_TARGET_KINDS,
  MONTH_PATTERN,
} from '../compensation/vocabulary.ts';
import { text } from './common.ts';

// ——— Inputs ———

export const uuidOf = (what: string) => z.uuid({ error: `L'identifiant ${what} n'est pas valide.` });
export const month = (label: string) =>
  z
    .string({ error: `${label} est obligatoire (AAAA-MM).` })
    .regex(MONTH_PATTERN, { error: `${label} est un mois au format AAAA-MM (2026-03).` });
const personDays = (label: string) =>
  z
    .number({ error: `${label} est un nombre de jours-personnes.` })
    .multipleOf(0.01, { error: `${label} se donne au centième de jour au plus.` })
    .min(-999, { error: `${label} va de -999 à 999 jours-personnes.` })
    .max(999, { error: `${label} va de -999 à 999 jours-personnes.` });

/** What effort or an agreement is about: a project, an application of the catalogue, a national development. */
export const targetSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('project'), projectId: uuidOf('du projet') }),
    z.object({ kind: z.literal('application'), applicationId: uuidOf("de l'application") }),
    z.object({
      kind: z.literal('nationalDevelopment'),
      label: text('Le nom du développement national')
        .min(3, { error: 'Le nom du développement national compte 3 caractères au moins.' })
        .max(200, { error: 'Le nom du développement national est limité à 200 caractères.' }),
    }),
  ],
  { error: `La cible vaut ${EFFORT_TARGET_KINDS.join(', ')}.` },
);
export type TargetInput = z.infer<typeof targetSchema>;

export const recordEffortSchema = z.object({
  /** The office the effort is recorded for; the caller's own office when left out. */
  organisationId: uuidOf("de l'organisme").optional(),
  month: month('Le mois'),
  activity: z.enum(EFFORT_ACTIVITIES, { error: `L'activité vaut ${EFFORT_ACTIVITIES.join(', ')}.` }),
  profile: z.enum(EFFORT_PROFILES, { error: `Le profil vaut ${EFFORT_PROFILES.join(', ')}.` }),
  target: targetSchema,
  personDays: personDays('Le nombre de jours-personnes').refine((v) => v > 0, {
    error: 'Le nombre de jours-personnes est positif.',
  }),
});
export type RecordEffortInput = z.infer<typeof recordEffortSchema>;

export const correctEffortSchema = z.object({
  /** The signed difference to the line corrected (e.g. -1.5). */
  personDays: personDays('La correction').refine((v) => v !== 0, {
    error: 'La correction change le nombre de jours : elle ne vaut pas 0.',
  }),
  reason: text('Le motif de la correction')
    .min(3, { error: 'Le motif de la correction compte 3 caractères au moins.' })
    .max(500, { error: 'Le motif de la correction est limité à 500 caractères.' }),
});
export type CorrectEffortInput = z.infer<typeof correctEffortSchema>;

export const confirmMonthSchema = z.object({
  organisationId: uuidOf("de l'organisme").optional(),
  month: month('Le mois'),
});
export type ConfirmMonthInput = z.infer<typeof confirmMonthSchema>;

export const effortQuerySchema = z.object({
  organisationId: uuidOf("de l'organisme").optional(),
  year: z.coerce
    .number({ error: "L'année est un nombre." })
    .int({ error: "L'année est un nombre entier." })
    .min(2000, { error: "L'année va de 2000 à 2100." })
    .max(2100, { error: "L'année va de 2000 à 2100." }),
});
export type EffortQuery = z.infer<typeof effortQuerySchema>;

// ——— Outputs ———

export const targetRefSchema = z.object({
  kind: z.enum(EFFORT_TARGET_KINDS),
  id: z.string().nullable(),
  label: z.string(),
});
const personRef = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const effortEntrySchema = z.object({
  id: z.string(),
  month: z.string(),
  activity: z.enum(EFFORT_ACTIVITIES),
  profile: z.enum(EFFORT_PROFILES),
  target: targetRefSchema,
  personDays: z.number(),
  kind: z.enum(['entry', 'correction']),
  correctsId: z.string().nullable(),
  reason: z.string().nullable(),
  source: z.string(),
  recordedBy: personRef,
  createdAt: z.string(),
  /** The line with its corrections (entries only). */
  effectiveDays: z.number().nullable(),
});
export type EffortEntryDto = z.infer<typeof effortEntrySchema>;

export const effortMonthSchema = z.object({
  month: z.string(),
  totalDays: z.number(),
  confirmed: z.object({ by: personRef, at: z.string() }).nullable(),
  mayConfirm: z.boolean(),
});

export const effortYearSchema = z.object({
  office: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  year: z.number(),
  months: z.array(effortMonthSchema),
  entries: z.array(effortEntrySchema),
  may: z.object({ record: z.boolean(), confirm: z.boolean() }),
});
export type EffortYearDto = z.infer<typeof effortYearSchema>;

export const effortImportResultSchema = z.object({ imported: z.number().int() });
