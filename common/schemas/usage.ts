import { z } from 'zod';
import { REGIONS } from '../organisations.ts';
import { labelled, optionalText, organisationRef } from './application.ts';
import { calendarDate, longText } from './common.ts';

/** Usage of an application by offices, and the usage map built from it. */

/** Today in France (a declaration made just after midnight in Paris is not "in the future"). */
export const todayInFrance = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(now);

const missing = (issue: { input?: unknown }) => issue.input === undefined || issue.input === null;

/**
 * An office's declaration of use. The number of users is required (at least 1: an office that does not
 * use the application withdraws its declaration); the version is checked against the sheet's versions by
 * the service, which knows them.
 */
export const usageInputSchema = z.object({
  since: calendarDate("La date de début d'utilisation")
    .refine((v) => v <= todayInFrance(), {
      error: "La date de début d'utilisation ne peut pas être dans le futur.",
    })
    .nullish()
    .transform((v) => v ?? null),
  userCount: z
    .number({
      error: (issue) =>
        missing(issue)
          ? "Indiquez le nombre d'utilisateurs de votre organisme (au moins 1)."
          : "Le nombre d'utilisateurs est un nombre entier.",
    })
    .int({ error: "Le nombre d'utilisateurs est un nombre entier." })
    .min(1, {
      error:
        "Le nombre d'utilisateurs est au moins 1. Si votre organisme n'utilise pas l'application, retirez sa déclaration.",
    })
    .max(100000, { error: "Le nombre d'utilisateurs est au plus 100 000." }),
  versionNumber: optionalText(30, 'La version utilisée'),
  comment: longText('Le commentaire')
    .max(1000, { error: 'Le commentaire est limité à 1 000 caractères.' })
    .default(''),
});
export type UsageInput = z.infer<typeof usageInputSchema>;

export const usageSchema = z
  .object({
    organisation: organisationRef,
    since: z.string().nullable(),
    userCount: z.number().int().nullable(),
    versionNumber: z.string().nullable(),
    comment: z.string(),
    /** True for the designer office while the sheet is in production: it counts as a user without declaring. */
    designer: z.boolean(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'ApplicationUsage' });
export type UsageDto = z.infer<typeof usageSchema>;

const mapApplication = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  designerOrganisation: z.object({ code: z.string(), name: z.string() }),
  domain: labelled,
  usageCount: z.number().int(),
});

export const usageMapSchema = z
  .object({
    totals: z.object({
      applications: z.number().int(),
      usages: z.number().int(),
      usingOffices: z.number().int(),
      designerOffices: z.number().int(),
    }),
    ranking: z.array(mapApplication.extend({ declaredUsers: z.number().int() })),
    byRegion: z.array(
      z.object({
        region: z.enum(REGIONS),
        label: z.string(),
        usages: z.number().int(),
        usingOffices: z.number().int(),
        designedApplications: z.number().int(),
      }),
    ),
    byDomain: z.array(
      z.object({
        domain: labelled,
        applications: z.number().int(),
        usages: z.number().int(),
        usingOffices: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'UsageMap' });
export type UsageMapDto = z.infer<typeof usageMapSchema>;

const pageNumber = z.coerce
  .number({ error: 'La page est un nombre.' })
  .int({ error: 'La page est un nombre entier.' })
  .min(1, { error: 'La page commence à 1.' })
  .max(1000, { error: 'La page va de 1 à 1 000.' })
  .default(1);

/** A page of the redundancy clusters, largest first. */
export const redundancyQuerySchema = z.object({
  page: pageNumber,
  pageSize: z.coerce
    .number({ error: 'La taille de page est un nombre.' })
    .int({ error: 'La taille de page est un nombre entier.' })
    .min(1, { error: 'La taille de page va de 1 à 50.' })
    .max(50, { error: 'La taille de page va de 1 à 50.' })
    .default(10),
});
export type RedundancyQuery = z.infer<typeof redundancyQuerySchema>;

export const redundancyPageSchema = z
  .object({
    items: z.array(
      z.object({
        /** 0–1: the weakest likeness between two sheets of the group (name and summary, one domain). */
        similarity: z.number(),
        domain: labelled,
        applications: z.array(mapApplication),
      }),
    ),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'RedundancyPage' });
export type RedundancyPageDto = z.infer<typeof redundancyPageSchema>;

/** A text being typed, possibly empty ("Le nom", 200). */
const typedText = (what: string, max: number) =>
  z
    .string({ error: `${what} est un texte.` })
    .trim()
    .max(max, { error: `${what} est limité à ${max} caractères.` })
    .default('');

/** The sheets that look like a name and a summary being typed (the duplicate hint of the form). */
export const similarQuerySchema = z.object({
  name: typedText('Le nom', 200),
  summary: typedText('Le résumé', 500),
});
export type SimilarQuery = z.infer<typeof similarQuerySchema>;

export const similarApplicationsSchema = z
  .object({
    items: z.array(
      mapApplication.extend({
        summary: z.string(),
        /** 0–1, the same measure as the redundancy clusters. */
        similarity: z.number(),
      }),
    ),
  })
  .meta({ id: 'SimilarApplications' });
export type SimilarApplicationsDto = z.infer<typeof similarApplicationsSchema>;
