import { z } from 'zod';
import { ORGANISATION_TYPES, REGIONS } from '../organisations.ts';
import { pageNumber, pageSize, text } from './common.ts';

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
  q: text('La recherche').max(100, { error: 'La recherche est limitée à 100 caractères.' }).optional(),
  page: pageNumber,
  pageSize: pageSize(200, 25),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;
