import { z } from 'zod';
import { REGIONS } from '../organisations.ts';
import { labelled, optionalText, organisationRef } from './application.ts';

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
  since: z.iso
    .date({ error: "La date de début d'utilisation doit être au format AAAA-MM-JJ." })
    .refine((v) => v >= '1900-01-01', {
      error: "La date de début d'utilisation ne peut pas précéder 1900.",
    })
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
  comment: z
    .string({ error: 'Le commentaire est un texte.' })
    .trim()
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
    redundancies: z.array(
      z.object({
        /** 0–1: how close the sheets of the cluster are (shared words of name and summary, same domain). */
        similarity: z.number(),
        sharedDomain: labelled.nullable(),
        applications: z.array(mapApplication),
      }),
    ),
  })
  .meta({ id: 'UsageMap' });
export type UsageMapDto = z.infer<typeof usageMapSchema>;
