import { z } from 'zod';
import { CERTIFICATION_STATUSES, LIFECYCLE_STAGES, TRACKS } from '../catalog/vocabulary.ts';
import { REGIONS } from '../organisations.ts';
import { organisationRef } from './application.ts';

/** What an office designs and uses: its page in the directory and the home page of its people. */

/** An application as the office lists show it. */
export const officeApplicationRef = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  track: z.enum(TRACKS),
  certificationStatus: z.enum(CERTIFICATION_STATUSES),
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
});

/** An application the office designs: how many offices use it, how many users they declare. */
export const designedApplicationSchema = z
  .object({
    application: officeApplicationRef,
    usingOffices: z.number().int(),
    declaredUsers: z.number().int(),
    latestVersion: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DesignedApplication' });
export type DesignedApplicationDto = z.infer<typeof designedApplicationSchema>;

/** An application the office declares it uses, as it declared it. */
export const usedApplicationSchema = z
  .object({
    application: officeApplicationRef,
    designerOrganisation: organisationRef,
    usingOffices: z.number().int(),
    userCount: z.number().int().nullable(),
    versionNumber: z.string().nullable(),
    since: z.string().nullable(),
  })
  .meta({ id: 'UsedApplication' });
export type UsedApplicationDto = z.infer<typeof usedApplicationSchema>;

export const officeApplicationsQuerySchema = z.object({
  page: z.coerce
    .number({ error: 'La page doit être un nombre.' })
    .int()
    .min(1, 'La page commence à 1.')
    .default(1),
  pageSize: z.coerce
    .number({ error: 'La taille de page doit être un nombre.' })
    .int()
    .min(1, 'La taille de page va de 1 à 100.')
    .max(100, 'La taille de page va de 1 à 100.')
    .default(20),
});
export type OfficeApplicationsQuery = z.infer<typeof officeApplicationsQuerySchema>;

/** The figures of an office's portfolio, and where the applications it designs are used. */
export const officePortfolioSchema = z
  .object({
    designed: z.number().int(),
    used: z.number().int(),
    /** Users the office declares over the applications it uses. */
    declaredUsers: z.number().int(),
    /** Other offices that use at least one application the office designs. */
    officesUsingDesigned: z.number().int(),
    /** Usages of the applications the office designs, by region of the using office. */
    designedUsageByRegion: z.array(z.object({ region: z.enum(REGIONS), usages: z.number().int() })),
  })
  .meta({ id: 'OfficePortfolio' });
export type OfficePortfolioDto = z.infer<typeof officePortfolioSchema>;
