import { z } from 'zod';
import { rowVersion, text } from './common.ts';

/** `json` (the file to keep or hand to another service) or `html` (the same, to read and print). */
export const personalDataQuerySchema = z.object({
  format: z.enum(['json', 'html'], { error: 'Format inconnu : json ou html.' }).default('json'),
});
export type PersonalDataQuery = z.infer<typeof personalDataQuerySchema>;

/** The person's name, typed again by the administrator: an erasure cannot be undone. */
export const erasureSchema = z.object({
  version: rowVersion,
  confirmation: text('La confirmation')
    .min(1, { error: 'Saisissez le nom de la personne pour confirmer.' })
    .max(200, { error: 'La confirmation est limitée à 200 caractères.' }),
});
export type ErasureInput = z.infer<typeof erasureSchema>;
