import { z } from 'zod';
import { REGIONS } from '../organisations.ts';
import { labelled, optionalText, organisationRef } from './application.ts';
import { calendarDate, longText } from './common.ts';

/** Usage of an application by offices, and the usage map built from it. */

export const usageInputSchema = z.object({
  since: calendarDate("La date de début d'utilisation")
    .nullish()
    .transform((v) => v ?? null),
  userCount: z
    .number({ error: "Le nombre d'utilisateurs est un nombre entier." })
    .int({ error: "Le nombre d'utilisateurs est un nombre entier." })
    .min(1, { error: "Le nombre d'utilisateurs est au moins 1." })
    .max(100000, { error: "Le nombre d'utilisateurs est au plus 100 000." })
    .nullish()
    .transform((v) => v ?? null),
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
    updatedAt: z.string(),
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
