import type { UsageDto } from '../../../../common/schemas/usage.ts';
import { presentOrganisationSummary } from '../../organisations/organisations.presenter.ts';
import type { UsageWithOrganisation } from './usages.queries.ts';

/** A declared usage, or the designer office's own use of its application in production (no figures). */
export const presentUsage = ({ usage, organisation, designer }: UsageWithOrganisation): UsageDto => ({
  organisation: presentOrganisationSummary(organisation),
  since: usage?.since ?? null,
  userCount: usage?.userCount ?? null,
  versionNumber: usage?.versionNumber ?? null,
  comment: usage?.comment ?? '',
  designer,
  updatedAt: usage ? usage.updatedAt.toISOString() : null,
});
