import type { SiteSettingsDto } from '../../../common/legal/site-settings.ts';
import { settingValues } from './site-settings.mapper.ts';
import type { SiteSettingsRow } from './site-settings.queries.ts';

export function presentSiteSettings(row: SiteSettingsRow): SiteSettingsDto {
  return {
    version: row.version,
    ...(settingValues(row) as Omit<SiteSettingsDto, 'version' | 'updatedAt'>),
    updatedAt: row.updatedAt.toISOString(),
  };
}
