import { z } from 'zod';
import { CRITICALITY_CLASSES, MATURITY_LEVELS } from '../catalog/vocabulary.ts';
import {
  EVALUATED_TRACKS,
  GRID_KINDS,
  GRID_VERSION_STATES,
  REQUIREMENT_LEVELS,
  REVIEWER_ROLES,
  VERIFICATION_METHODS,
} from '../evaluation/vocabulary.ts';
import { longText, rowVersion, text } from './common.ts';
import { labelSchema, lifecycleViewSchema, transitionSchema } from './lifecycle.ts';

/**
 * A grid version's content: sections of requirements, the profile questions that give the criticality
 * class, and the rules that turn answers into a maturity level and a criticality class. One document,
 * frozen once published: evaluations refer to the version they were started on.
 */
const CODE = /^[A-Z0-9][A-Z0-9.-]*$/;
const code = (label: string, max: number) =>
  text(label)
    .min(1, { error: `${label} est obligatoire.` })
    .max(max, { error: `${label} est limité à ${max} caractères.` })
    .regex(CODE, { error: `${label} s'écrit en majuscules, chiffres, points et tirets (ex. SEC-01).` });
const wording = (label: string, max: number) =>
  text(label)
    .min(2, { error: `${label} est obligatoire.` })
    .max(max, { error: `${label} est limité à ${max} caractères.` });

export const requirementSchema = z.object({
  code: code("Le code de l'exigence", 20),
  text: longText("Le texte de l'exigence")
    .min(10, { error: "Le texte de l'exigence fait au moins 10 caractères." })
    .max(2000, { error: "Le texte de l'exigence est limité à 2 000 caractères." }),
  tracks: z
    .array(z.enum(EVALUATED_TRACKS, { error: 'Filière inconnue : labelling ou homologation.' }))
    .min(1, { error: "Indiquez au moins une filière à laquelle l'exigence s'applique." })
    .max(2),
  level: z.enum(REQUIREMENT_LEVELS, { error: 'Le niveau vaut mandatory (obligatoire) ou recommended.' }),
  evidence: wording('La preuve attendue', 500),
  verification: z.enum(VERIFICATION_METHODS, { error: 'Mode de vérification inconnu.' }),
  /** The good-practice referential's page that explains it, by its address (`revue-de-code-et-fusion`). */
  referentialPage: z
    .string({ error: "La page du référentiel s'écrit comme son adresse (ex. revue-de-code-et-fusion)." })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
      error: "La page du référentiel s'écrit comme son adresse (ex. revue-de-code-et-fusion).",
    })
    .max(80, { error: "L'adresse de la page du référentiel est limitée à 80 caractères." })
    .optional(),
});
export type Requirement = z.infer<typeof requirementSchema>;

export const sectionSchema = z.object({
  code: code('Le code de la section', 12),
  title: wording('Le titre de la section', 160),
  reviewer: z.enum(REVIEWER_ROLES, { error: 'Relecteur inconnu : DDSI, DDFC/DC2R ou DDO.' }),
  requirements: z.array(requirementSchema).max(200, { error: 'Une section compte au plus 200 exigences.' }),
});
export type Section = z.infer<typeof sectionSchema>;

export const profileOptionSchema = z.object({
  value: code("La valeur de l'option", 20),
  label: wording("Le libellé de l'option", 160),
  points: z.int({ error: 'Les points sont un nombre entier.' }).min(0).max(20),
  /** The answer alone puts the application in this class at least (health data: high). */
  atLeast: z.enum(CRITICALITY_CLASSES, { error: 'Classe de criticité inconnue.' }).nullable(),
});
export const profileQuestionSchema = z.object({
  code: code('Le code de la question', 20),
  question: wording('La question', 300),
  options: z
    .array(profileOptionSchema)
    .min(2, { error: 'Une question de profil a au moins deux options.' })
    .max(10),
});
export type ProfileQuestion = z.infer<typeof profileQuestionSchema>;

export const gridRulesSchema = z.object({
  /** A level is reached when both shares (in %) are reached; the highest reached is the maturity. */
  maturity: z
    .array(
      z.object({
        level: z
          .int({ error: 'Le niveau de maturité est un nombre entier.' })
          .min(1, { error: 'Le niveau de maturité va de 1 à 5.' })
          .max(MATURITY_LEVELS.length, { error: 'Le niveau de maturité va de 1 à 5.' }),
        mandatoryMet: z.number().min(0).max(100),
        recommendedMet: z.number().min(0).max(100),
      }),
    )
    .min(1, { error: 'Déclarez au moins un niveau de maturité.' })
    .max(5),
  /** The class whose threshold the profile's points reach (the highest), raised by `atLeast` answers. */
  criticality: z
    .array(
      z.object({
        class: z.enum(CRITICALITY_CLASSES, { error: 'Classe de criticité inconnue.' }),
        minPoints: z.int().min(0).max(200),
      }),
    )
    .min(1, { error: 'Déclarez au moins un seuil de criticité.' })
    .max(4),
});
export type GridRules = z.infer<typeof gridRulesSchema>;

export const gridContentSchema = z
  .object({
    sections: z.array(sectionSchema).max(40, { error: 'Une grille compte au plus 40 sections.' }),
    profile: z.array(profileQuestionSchema).max(20),
    rules: gridRulesSchema,
  })
  .superRefine((content, ctx) => {
    const seen = new Set<string>();
    content.sections.forEach((section, s) => {
      if (seen.has(section.code))
        ctx.addIssue({
          code: 'custom',
          path: ['sections', s, 'code'],
          message: `Le code ${section.code} est déjà employé.`,
        });
      seen.add(section.code);
      section.requirements.forEach((requirement, r) => {
        if (seen.has(requirement.code))
          ctx.addIssue({
            code: 'custom',
            path: ['sections', s, 'requirements', r, 'code'],
            message: `Le code d'exigence ${requirement.code} est déjà employé dans la grille.`,
          });
        seen.add(requirement.code);
      });
    });
    const questions = new Set<string>();
    content.profile.forEach((question, q) => {
      if (questions.has(question.code))
        ctx.addIssue({
          code: 'custom',
          path: ['profile', q, 'code'],
          message: `La question ${question.code} est déjà posée.`,
        });
      questions.add(question.code);
    });
  });
export type GridContent = z.infer<typeof gridContentSchema>;

// ——— API ———

export const gridKindSchema = z.enum(GRID_KINDS, {
  error: 'Grille inconnue : labelling, homologation ou transitional.',
});

export const gridVersionSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    state: z.enum(GRID_VERSION_STATES),
    note: z.string().nullable(),
    requirementCount: z.number().int(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'GridVersionSummary' });

export const gridSchema = z
  .object({
    id: z.uuid(),
    kind: gridKindSchema,
    title: labelSchema,
    versions: z.array(gridVersionSummarySchema),
  })
  .meta({ id: 'EvaluationGrid' });
export type GridDto = z.infer<typeof gridSchema>;

export const gridVersionSchema = gridVersionSummarySchema
  .extend({
    gridId: z.uuid(),
    kind: gridKindSchema,
    content: gridContentSchema,
    /** How many evaluations were started on this version (they stay on it). */
    evaluationCount: z.number().int(),
    /** The referential pages its requirements name that exist (a page named but absent is not linked). */
    referentialPages: z.array(z.object({ slug: z.string(), title: z.string() })),
    lifecycle: lifecycleViewSchema,
    transitions: z.array(transitionSchema),
    can: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'EvaluationGridVersion' });
export type GridVersionDto = z.infer<typeof gridVersionSchema>;

export const gridVersionNote = longText('La note de version').max(1000, {
  error: 'La note de version est limitée à 1 000 caractères.',
});

/** POST /api/evaluation-grids/:kind/versions: a new draft, copied from the latest version. */
export const createGridDraftSchema = z.object({ note: gridVersionNote.optional() });
/** PATCH /api/evaluation-grid-versions/:id: a draft's content (whole) and note. */
export const updateGridDraftSchema = z.object({
  version: rowVersion,
  content: gridContentSchema.optional(),
  note: gridVersionNote.nullable().optional(),
});

export const gridDiffSchema = z
  .object({
    from: z.object({ id: z.uuid(), number: z.number().int() }),
    to: z.object({ id: z.uuid(), number: z.number().int() }),
    sections: z.array(
      z.object({
        code: z.string(),
        change: z.enum(['added', 'removed', 'changed']),
        fields: z.array(z.string()),
      }),
    ),
    requirements: z.array(
      z.object({
        code: z.string(),
        section: z.string(),
        change: z.enum(['added', 'removed', 'changed']),
        fields: z.array(z.string()),
        before: requirementSchema.nullable(),
        after: requirementSchema.nullable(),
      }),
    ),
    profileChanged: z.boolean(),
    rulesChanged: z.boolean(),
  })
  .meta({ id: 'GridDiff' });
export type GridDiff = z.infer<typeof gridDiffSchema>;
