import type {
  DesignedApplicationDto,
  OfficePortfolioDto,
  UsedApplicationDto,
} from '../../../common/schemas/office.ts';
import { toNumber } from '../../lib/rows.ts';
import type {
  DesignedApplicationRow,
  DesignerColumns,
  OfficeApplicationRow,
  OfficePortfolioFigures,
  UsedApplicationRow,
} from './office-applications.queries.ts';

export const presentOfficeApplication = (row: OfficeApplicationRow) => ({
  id: row.id,
  code: row.code,
  name: row.name,
  track: row.track,
  certificationStatus: row.certification_status,
  lifecycleStage: row.lifecycle_stage,
});

export const presentDesigner = (row: DesignerColumns) => ({
  id: row.designer_id,
  code: row.designer_code,
  name: row.designer_name,
  type: row.designer_type,
  region: row.designer_region,
});

const isoTime = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

export const presentDesignedApplication = (row: DesignedApplicationRow): DesignedApplicationDto => ({
  application: presentOfficeApplication(row),
  usingOffices: toNumber(row.using_offices),
  declaredUsers: toNumber(row.declared_users),
  latestVersion: row.latest_version,
  updatedAt: isoTime(row.updated_at),
});

export const presentUsedApplication = (row: UsedApplicationRow): UsedApplicationDto => ({
  application: presentOfficeApplication(row),
  designerOrganisation: presentDesigner(row),
  usingOffices: toNumber(row.using_offices),
  userCount: row.user_count,
  versionNumber: row.version_number,
  since: row.since,
});

export function presentOfficePortfolio({ figures, regions }: OfficePortfolioFigures): OfficePortfolioDto {
  return {
    designed: toNumber(figures?.designed),
    used: toNumber(figures?.used),
    declaredUsers: toNumber(figures?.declared_users),
    officesUsingDesigned: toNumber(figures?.offices_using_designed),
    designedUsageByRegion: regions.map((r) => ({ region: r.region, usages: toNumber(r.usages) })),
  };
}
