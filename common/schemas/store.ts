import { z } from 'zod';
import { CERTIFICATION_STATUSES, PERSONAL_DATA_CATEGORIES, TRACKS } from '../catalog/vocabulary.ts';
import { NOT_IN_STORE_REASONS, RATING_MAX, RATING_MIN, STORE_CERTIFICATIONS } from '../store/vocabulary.ts';
import { labelled, organisationRef } from './application.ts';
import { applicationListQuerySchema, applicationPageSchema } from './application-search.ts';
import { longText, rowVersion } from './common.ts';

/** The Store: certified applications hosted on AM Cloud, searched like the catalogue, and their reviews. */

/**
 * The Store's search: the catalogue's filters, less those the Store decides (hosting, archived sheets);
 * `status` may only narrow to labelled or homologated.
 */
const UNKNOWN = 'Certification inconnue au Store : labelled ou homologated.';
export const storeQuerySchema = applicationListQuerySchema
  .omit({ hosting: true, archived: true, status: true })
  .extend({
    status: z
      .union(
        [
          z.enum(STORE_CERTIFICATIONS, { error: UNKNOWN }),
          z.array(z.enum(STORE_CERTIFICATIONS, { error: UNKNOWN })),
        ],
        {
          error: UNKNOWN,
        },
      )
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .optional(),
  });
export type StoreQuery = z.infer<typeof storeQuerySchema>;

const rating = z.object({ average: z.number().nullable(), count: z.number().int() });

export const storePageSchema = applicationPageSchema
  .extend({
    items: z.array(
      applicationPageSchema.shape.items.element.extend({
        rating,
        currentVersion: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'StorePage' });
export type StorePageDto = z.infer<typeof storePageSchema>;

export const reviewSchema = z
  .object({
    id: z.uuid(),
    organisation: organisationRef,
    author: z.object({ id: z.uuid(), displayName: z.string() }),
    rating: z.number().int(),
    comment: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    /** The caller wrote it: only its author edits a review. */
    mine: z.boolean(),
  })
  .meta({ id: 'StoreReview' });
export type ReviewDto = z.infer<typeof reviewSchema>;

export const storeApplicationSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    summary: z.string(),
    descriptionHtml: z.string(),
    domain: labelled,
    designerOrganisation: organisationRef,
    track: z.enum(TRACKS),
    certificationStatus: z.enum(CERTIFICATION_STATUSES),
    /** In the Store now; when not, why (a withdrawn certification says its reason and date). */
    inStore: z.boolean(),
    notInStore: z
      .object({
        reason: z.enum(NOT_IN_STORE_REASONS),
        detail: z.string().nullable(),
        at: z.string().nullable(),
      })
      .nullable(),
    /** The national acceptance report behind the certification: its number, version and date. */
    certification: z
      .object({
        reportId: z.uuid(),
        reportNumber: z.string(),
        versionLabel: z.string(),
        signedAt: z.string(),
      })
      .nullable(),
    currentVersion: z.object({ number: z.string(), releasedOn: z.string().nullable() }).nullable(),
    screenshots: z.array(z.object({ id: z.uuid(), fileName: z.string() })),
    /** The offices using it (declared, or its designer in production) and those with a live tenant. */
    offices: z.array(organisationRef.extend({ tenant: z.boolean() })),
    support: z.array(z.object({ level: z.number().int(), organisation: z.string(), label: z.string() })),
    requirements: z.object({
      connectors: z.array(z.string()),
      personalData: z.boolean(),
      personalDataCategories: z.array(z.enum(PERSONAL_DATA_CATEGORIES)),
      cnilReference: z.string().nullable(),
      /** What the requesting office must complete before asking (CNIL, DPO, register). */
      formalities: z.array(z.string()),
    }),
    rating,
    reviews: z.array(reviewSchema),
    can: z.object({
      /** Ask for it for one's office (a deployment request). */
      request: z.boolean(),
      /** Write (or edit) the office's review: the office uses it and nobody else of it wrote one. */
      review: z.boolean(),
    }),
    /** The caller's office's request under way or available, if any. */
    myRequest: z.object({ id: z.uuid(), reference: z.string(), state: z.string() }).nullable(),
  })
  .meta({ id: 'StoreApplication' });
export type StoreApplicationDto = z.infer<typeof storeApplicationSchema>;

export const reviewBodySchema = z.object({
  rating: z
    .number({ error: 'La note est un nombre de 1 à 5.' })
    .int({ error: 'La note est un nombre entier de 1 à 5.' })
    .min(RATING_MIN, { error: 'La note va de 1 à 5.' })
    .max(RATING_MAX, { error: 'La note va de 1 à 5.' }),
  comment: longText('Le commentaire')
    .max(2000, { error: 'Le commentaire est limité à 2 000 caractères.' })
    .optional(),
  /** The version read, to edit an existing review (409 if it moved). */
  version: rowVersion.optional(),
});
export type ReviewBody = z.infer<typeof reviewBodySchema>;
