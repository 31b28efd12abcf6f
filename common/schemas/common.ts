import { z } from 'zod';

/*
 * Safe primitives for every text and date a client sends. A C0 control character (U+0000–U+001F) has
 * no place in what people type — PostgreSQL refuses U+0000 outright (SQLSTATE 22021) — and a lone
 * UTF-16 surrogate would be stored as U+FFFD without a word: both are refused here, naming the field.
 * Multi-line text keeps tab, line feed and carriage return. The patterns go into the OpenAPI document.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these patterns exist to refuse control characters.
const SINGLE_LINE = /^[^\u0000-\u001F]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these patterns exist to refuse control characters.
const MULTI_LINE = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F]*$/;
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * A text field, trimmed. `label` names it in the messages, as a French subject ("Le nom", "La licence"):
 * "Le nom est obligatoire.", "Le nom contient un caractère de contrôle…". Chain `.min()`/`.max()`.
 */
export const text = (
  label: string,
  options: { multiline?: boolean; trim?: boolean /** When the field is missing. */; missing?: string } = {},
) => {
  const missing = options.missing ?? `${label} est obligatoire.`;
  const string = z.string({
    error: (issue) => (issue.input === undefined ? missing : `${label} doit être un texte.`),
  });
  return (options.trim === false ? string : string.trim())
    .regex(options.multiline ? MULTI_LINE : SINGLE_LINE, {
      error: options.multiline
        ? `${label} contient un caractère de contrôle interdit (caractère nul ou invisible) : retirez-le.`
        : `${label} tient sur une ligne, sans caractère de contrôle (caractère nul, tabulation, retour à la ligne).`,
    })
    .refine((value) => !LONE_SURROGATE.test(value), {
      error: `${label} contient un caractère mal encodé : retirez-le.`,
    });
};

/** A free text field, multi-line allowed; `trim: false` keeps what leading spaces mean (Markdown). */
export const longText = (label: string, options: { trim?: boolean; missing?: string } = {}) =>
  text(label, { multiline: true, ...options });

/** Dates the portal stores: 1900-01-01 to 2100-12-31 (PostgreSQL refuses year 0 and beyond its range). */
const YEAR_1900_TO_2100 = /^(19\d\d|20\d\d|2100)-/;
const dateRange = (label: string) => ({
  error: `${label} doit se situer entre le 1er janvier 1900 et le 31 décembre 2100.`,
});

/** A calendar day, AAAA-MM-JJ, between 1900 and 2100. */
export const calendarDate = (label: string) =>
  z.iso
    .date({ error: `${label} doit être une date au format AAAA-MM-JJ.` })
    .regex(YEAR_1900_TO_2100, dateRange(label));

/** An ISO 8601 date and time with its offset, between 1900 and 2100. */
export const dateTime = (label: string) =>
  z.iso
    .datetime({ offset: true, error: `${label} doit être une date-heure ISO 8601 (2026-01-31T08:00:00Z).` })
    .regex(YEAR_1900_TO_2100, dateRange(label));

/** The version a client read (optimistic concurrency): a positive integer the database can hold. */
export const rowVersion = z
  .number({ error: 'La version de la fiche est obligatoire (rechargez la page).' })
  .int({ error: 'La version de la fiche est un nombre entier.' })
  .min(1, { error: 'La version de la fiche commence à 1.' })
  .max(2_147_483_647, { error: "La version de la fiche n'est pas valide : rechargez la page." });

/** A page number of a list (1 to 100 000: no list is that long, and the offset stays small). */
export const pageNumber = z.coerce
  .number({ error: 'La page est un nombre.' })
  .int({ error: 'La page est un nombre entier.' })
  .min(1, { error: 'La page commence à 1.' })
  .max(100_000, { error: 'La page va au plus à 100 000.' })
  .default(1);

/** The number of items per page of a list: 1 (or `min`) to `max`. */
export const pageSize = (max: number, fallback: number, min = 1) =>
  z.coerce
    .number({ error: 'La taille de page est un nombre.' })
    .int({ error: 'La taille de page est un nombre entier.' })
    .min(min, { error: `La taille de page va de ${min} à ${max}.` })
    .max(max, { error: `La taille de page va de ${min} à ${max}.` })
    .default(fallback);

export const idParamsSchema = z.object({ id: z.uuid({ error: "L'identifiant n'est pas valide." }) });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    code: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    /** A lifecycle refusal (403 not a party, 409 wrong state, 422 guard): its code and parameters. */
    refusal: z
      .object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
      .optional(),
  })
  .meta({ id: 'Problem' });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
