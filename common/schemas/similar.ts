import { z } from 'zod';
import { longText, text } from './common.ts';

/**
 * "Has this been done already?" across kinds (POST /api/similar): the items of each kind most like a
 * title and a need being typed. A kind is something the network describes with a title and a text and
 * that can answer the same need: catalogue applications, projects, calls for projects and their proposals
 * (server/modules/similar/similar-sources.ts lists what each kind supplies).
 */
export const SIMILAR_KINDS = ['application', 'project', 'call', 'proposal'] as const;
export type SimilarKind = (typeof SIMILAR_KINDS)[number];

export const SIMILAR_TITLE_MAX = 200;
export const SIMILAR_TEXT_MAX = 5000;

export const similarRequestSchema = z.object({
  title: text('Le titre').max(SIMILAR_TITLE_MAX, {
    error: `Le titre est limité à ${SIMILAR_TITLE_MAX} caractères.`,
  }),
  text: longText('Le texte')
    .max(SIMILAR_TEXT_MAX, { error: `Le texte est limité à ${SIMILAR_TEXT_MAX} caractères.` })
    .default(''),
  kinds: z
    .array(
      z.enum(SIMILAR_KINDS, {
        error: `Ce type d'élément n'existe pas : les types connus sont ${SIMILAR_KINDS.join(', ')}.`,
      }),
      { error: 'Les types sont une liste (par exemple ["application"]).' },
    )
    .min(1, { error: 'Les types, quand ils sont donnés, en nomment un au moins.' })
    .max(SIMILAR_KINDS.length * 2, { error: 'Les types sont trop nombreux.' })
    .optional(),
  limit: z
    .number({ error: 'Le nombre de résultats est un nombre.' })
    .int({ error: 'Le nombre de résultats est un nombre entier.' })
    .min(1, { error: 'Le nombre de résultats va de 1 à 20.' })
    .max(20, { error: 'Le nombre de résultats va de 1 à 20.' })
    .default(5),
});
export type SimilarRequest = z.infer<typeof similarRequestSchema>;

export const similarItemSchema = z.object({
  kind: z.enum(SIMILAR_KINDS),
  id: z.uuid(),
  /** The item's code when its kind has one (a sheet's code), else null. */
  code: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  /** The office that holds it: the designer of a sheet, the holder of a project. */
  office: z.object({ code: z.string(), name: z.string() }),
  /** 0–1, the measure of the redundancy clusters and of the form's duplicate hint. */
  score: z.number(),
  /** Words of the item that the typed text shares (as the item writes them), at most eight. */
  sharedTerms: z.array(z.string()),
});
export type SimilarItemDto = z.infer<typeof similarItemSchema>;

export const similarResultSchema = z
  .object({ items: z.array(similarItemSchema) })
  .meta({ id: 'SimilarItems' });
export type SimilarResultDto = z.infer<typeof similarResultSchema>;
