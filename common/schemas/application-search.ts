import { z } from 'zod';
import {
  ARCHIVED_FILTERS,
  CERTIFICATION_STATUSES,
  FACETS,
  FORGE_SIGNALS,
  HOSTINGS,
  LIFECYCLE_STAGES,
  PERSONAL_DATA_VALUES,
  SEARCH_SORTS,
  TRACKS,
} from '../catalog/vocabulary.ts';
import { REGIONS } from '../organisations.ts';
import { applicationSummarySchema } from './application.ts';
import { pageNumber, pageSize, text } from './common.ts';

/** Searching the catalogue: the filters (list and export), the list query, a result and a page of them. */

const multi = <T extends readonly [string, ...string[]]>(values: T, error: string) =>
  z
    .union([z.enum(values, { error }), z.array(z.enum(values, { error }))], { error })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional();
const multiText = (max: number, label: string) =>
  z
    .union([
      text(label).max(max, { error: `${label} est limité à ${max} caractères.` }),
      z.array(text(label).max(max, { error: `${label} est limité à ${max} caractères.` })).max(50),
    ])
    .transform((v) => (Array.isArray(v) ? v : [v]).filter((s) => s.length > 0))
    .optional();

/** The filters of the list and of the export: one value or several of each (several = any of them). */
export const applicationFiltersSchema = z.object({
  q: text('La recherche').max(200, { error: 'La recherche est limitée à 200 caractères.' }).optional(),
  domain: multiText(60, 'Le domaine'),
  track: multi(TRACKS, 'Filière inconnue.'),
  status: multi(CERTIFICATION_STATUSES, 'Statut de certification inconnu.'),
  lifecycle: multi(LIFECYCLE_STAGES, 'Étape du cycle de vie inconnue.'),
  organisation: multiText(40, "L'organisme"),
  region: multi(REGIONS, 'Région inconnue.'),
  technology: multiText(60, 'La technologie'),
  hosting: multi(HOSTINGS, 'Hébergement inconnu.'),
  personalData: multi(PERSONAL_DATA_VALUES, 'Valeur inconnue : yes ou no.'),
  /** Offices (codes) that use the application: declared, or its designer while it is in production. */
  usedBy: multiText(40, "L'organisme utilisateur"),
  /** Forge and factory signals (any of them): build failing, starter kit behind, inactive for 6 months. */
  forge: multi(FORGE_SIGNALS, 'Signal inconnu : buildFailing, starterKitBehind ou inactive.'),
  /** Archived sheets: left out by default, listed with the others (`include`) or alone (`only`). */
  archived: z
    .enum(ARCHIVED_FILTERS, { error: 'Le filtre des fiches archivées vaut include ou only.' })
    .optional(),
  sort: z.enum(SEARCH_SORTS, { error: 'Tri inconnu : relevance, usage, name ou updated.' }).optional(),
});
export type ApplicationFilters = z.infer<typeof applicationFiltersSchema>;

export const applicationListQuerySchema = applicationFiltersSchema.extend({
  page: pageNumber,
  pageSize: pageSize(100, 20, 0),
});
export type ApplicationListQuery = z.infer<typeof applicationListQuerySchema>;

/** How many of the other sheets of the same name a result lists (by code); `sameNameCount` says how many there are. */
export const SAME_NAME_SHOWN = 5;

/** A search result: the card, and the other sheets that bear the same name (compared without accents, case or punctuation). */
export const applicationSearchItemSchema = applicationSummarySchema
  .extend({
    sameName: z.array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        designerOrganisation: z.object({ code: z.string(), name: z.string() }),
      }),
    ),
    /** How many other live sheets bear the same name (`sameName` lists the first SAME_NAME_SHOWN by code). */
    sameNameCount: z.number().int().min(0),
  })
  .meta({ id: 'ApplicationSearchItem' });
export type ApplicationSearchItemDto = z.infer<typeof applicationSearchItemSchema>;

const facetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export const applicationPageSchema = z
  .object({
    items: z.array(applicationSearchItemSchema),
    total: z.number().int(),
    facets: z.object(
      Object.fromEntries(FACETS.map((f) => [f, z.array(facetValue)])) as Record<
        (typeof FACETS)[number],
        z.ZodArray<typeof facetValue>
      >,
    ),
  })
  .meta({ id: 'ApplicationPage' });
export type ApplicationPageDto = z.infer<typeof applicationPageSchema>;
