import { REGION_LABELS, REGIONS, type Region } from '../../../../common/organisations.ts';
import type { RedundancyPageDto, UsageMapDto } from '../../../../common/schemas/usage.ts';
import { toNumber } from '../../../lib/rows.ts';
import type { MapApplicationRow } from './usage-map.queries.ts';
import type { RedundancyCluster, UsageMap } from './usage-map.service.ts';

export const presentMapApplication = (row: MapApplicationRow) => ({
  id: row.id,
  code: row.code,
  name: row.name,
  designerOrganisation: { code: row.organisation_code, name: row.organisation_name },
  domain: { code: row.domain_code, label: row.domain_label },
  usageCount: toNumber(row.usage_count),
});

export function presentUsageMap(map: UsageMap): UsageMapDto {
  const regionRows = new Map(map.regions.map((r) => [r.region as Region, r]));
  return {
    totals: {
      applications: toNumber(map.totals?.applications),
      usages: toNumber(map.totals?.usages),
      usingOffices: toNumber(map.totals?.using_offices),
      designerOffices: toNumber(map.totals?.designer_offices),
    },
    ranking: map.ranking.map((r) => ({
      ...presentMapApplication(r),
      declaredUsers: toNumber(r.declared_users),
    })),
    byRegion: REGIONS.map((region) => {
      const row = regionRows.get(region);
      return {
        region,
        label: REGION_LABELS[region],
        usages: toNumber(row?.usages),
        usingOffices: toNumber(row?.using_offices),
        designedApplications: toNumber(row?.designed),
      };
    }),
    byDomain: map.domains.map((d) => ({
      domain: { code: d.code, label: d.label_fr },
      applications: toNumber(d.applications),
      usages: toNumber(d.usages),
      usingOffices: toNumber(d.using_offices),
    })),
  };
}

/** A page of redundancy clusters. */
export function presentRedundancies(page: {
  items: RedundancyCluster[];
  total: number;
  page: number;
  pageSize: number;
}): RedundancyPageDto {
  return {
    ...page,
    items: page.items.map(({ applications, ...cluster }) => ({
      ...cluster,
      applications: applications.map(presentMapApplication),
    })),
  };
}
