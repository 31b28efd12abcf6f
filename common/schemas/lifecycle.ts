import { z } from 'zod';
import { rowVersion, text } from './common.ts';

export const labelSchema = z.object({ fr: z.string(), en: z.string() });

/** One transition as the caller sees it on a resource: may they fire it now, and if not, why. */
export const transitionSchema = z
  .object({
    lifecycle: z.string(),
    action: z.string(),
    label: labelSchema,
    /** The state(s) it leads to (several when the facts decide). */
    to: z.array(z.string()),
    allowed: z.boolean(),
    reason: z
      .object({
        kind: z.enum(['wrongState', 'notParty', 'guard']),
        code: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number()])),
        message: labelSchema,
      })
      .nullable(),
    /** Who may fire it, in words, with office names. */
    parties: z.array(z.object({ kind: z.string(), label: labelSchema })),
    /** JSON Schema of the input it takes (fields carry `label: {fr, en}`), or null. */
    input: z.record(z.string(), z.unknown()).nullable(),
    confirm: z.boolean(),
    tone: z.enum(['default', 'danger']),
  })
  .meta({ id: 'Transition' });
export type TransitionDto = z.infer<typeof transitionSchema>;

/** Where one lifecycle of a resource stands, with the date each state was reached. */
export const lifecycleViewSchema = z
  .object({
    lifecycle: z.string(),
    state: z.string(),
    reached: z.array(
      z.object({
        state: z.string(),
        at: z.string(),
        /** The transition that led there (null for the state it was created in). */
        transition: z.string().nullable(),
        /** Who moved it there (null for the initial state): a person's name, or the platform. */
        by: z.object({ kind: z.enum(['user', 'system']), name: z.string().nullable() }).nullable(),
        /** What they gave with the transition (a reason, a decision…), labelled. */
        input: z.array(z.object({ label: labelSchema, value: z.string() })),
      }),
    ),
  })
  .meta({ id: 'LifecycleView' });
export type LifecycleViewDto = z.infer<typeof lifecycleViewSchema>;

/** POST …/:id/transitions */
export const fireTransitionSchema = z.object({
  action: text("L'action")
    .min(1, { error: "L'action est obligatoire." })
    .max(60, { error: "L'action est limitée à 60 caractères." }),
  version: rowVersion,
  /** What the action takes (see its description); checked against the action's own schema. */
  input: z
    .record(z.string(), z.unknown(), {
      error: 'Les informations de l\'action forment un objet JSON, par exemple { "reason": "…" }.',
    })
    .optional(),
});
export type FireTransitionInput = z.infer<typeof fireTransitionSchema>;
