import { z } from 'zod';
import { ORGANISATION_TYPES, REGIONS } from '../organisations.ts';

export const organisationSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    type: z.enum(ORGANISATION_TYPES),
    name: z.string(),
    region: z.enum(REGIONS),
    department: z.string().nullable(),
    city: z.string().nullable(),
    parentCode: z.string().nullable(),
  })
  .meta({ id: 'Organisation' });
export type OrganisationDto = z.infer<typeof organisationSchema>;

export const organisationListQuerySchema = z.object({
  type: z.enum(ORGANISATION_TYPES, { error: "Type d'organisme inconnu." }).optional(),
  region: z.enum(REGIONS, { error: 'Région inconnue.' }).optional(),
  q: z.string().trim().max(100, { error: 'La recherche est limitée à 100 caractères.' }).optional(),
  page: z.coerce.number({ error: 'La page doit être un nombre.' }).int().min(1).default(1),
  pageSize: z.coerce
    .number({ error: 'La taille de page doit être un nombre.' })
    .int()
    .min(1)
    .max(200)
    .default(25),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;
