import type { OrganisationDto } from '../../../common/schemas/organisation.ts';
import type { OrganisationRow, OrganisationSummaryRow } from './organisations.queries.ts';

/** An office as other resources show it (designer, contributor, user of an application, account). */
export const presentOrganisationSummary = (row: OrganisationSummaryRow) => ({
  id: row.id,
  code: row.code,
  name: row.name,
  type: row.type,
  region: row.region,
});

export const presentOrganisation = (row: OrganisationRow): OrganisationDto => ({
  ...presentOrganisationSummary(row),
  department: row.department,
  city: row.city,
  parentCode: row.parentCode,
});
