import type { OrganisationDto } from '../../../common/schemas/organisation.ts';
import type { OrganisationRow } from './organisations.queries.ts';

export const presentOrganisation = (row: OrganisationRow): OrganisationDto => ({
  id: row.id,
  code: row.code,
  type: row.type,
  name: row.name,
  region: row.region,
  department: row.department,
  city: row.city,
  parentCode: row.parentCode,
});
