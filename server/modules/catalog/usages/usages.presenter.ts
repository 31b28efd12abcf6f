import type { UsageDto } from '../../../../common/schemas/usage.ts';
import { presentOrganisationSummary } from '../../organisations/organisations.presenter.ts';
import type { UsageWithOrganisation } from './usages.queries.ts';

export const presentUsage = ({ usage, organisation }: UsageWithOrganisation): UsageDto => ({
  organisation: presentOrganisationSummary(organisation),
  since: usage.since,
  userCount: usage.userCount,
  versionNumber: usage.versionNumber,
  comment: usage.comment,
  updatedAt: usage.updatedAt.toISOString(),
});
