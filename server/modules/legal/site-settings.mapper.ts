import { SITE_SETTING_NAMES, type SiteSettingName } from '../../../common/legal/site-settings.ts';
import type { SiteSettingsRow } from './site-settings.queries.ts';

/** The fields people read, as saved: what the presenter sends and the audit trail records. */
export const settingValues = (row: SiteSettingsRow) =>
  Object.fromEntries(SITE_SETTING_NAMES.map((name) => [name, row[name]])) as Pick<
    SiteSettingsRow,
    SiteSettingName
  >;
