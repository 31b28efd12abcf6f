import { and, eq, sql } from 'drizzle-orm';
import type { SiteSettingName } from '../../../common/legal/site-settings.ts';
import type { Executor } from '../../db/client.ts';
import { siteSettings } from '../../db/schema.ts';

export type SiteSettingsRow = typeof siteSettings.$inferSelect;
export type SiteSettingsValues = { [K in SiteSettingName]: SiteSettingsRow[K] };

/** The one row (written at start by db/reference/load-site-settings.ts). */
export async function findSiteSettings(db: Executor): Promise<SiteSettingsRow | null> {
  const [row] = await db.select().from(siteSettings).where(eq(siteSettings.id, 1));
  return row ?? null;
}

/** Locks the row for the transaction's update, so that the audit's "before" is what was replaced. */
export async function lockSiteSettings(db: Executor): Promise<SiteSettingsRow | null> {
  const [row] = await db.select().from(siteSettings).where(eq(siteSettings.id, 1)).for('update');
  return row ?? null;
}

/** Writes the values if the row is still at `version`; null when someone saved in between. */
export async function updateSiteSettings(
  db: Executor,
  version: number,
  values: SiteSettingsValues,
  userId: string,
): Promise<SiteSettingsRow | null> {
  const [row] = await db
    .update(siteSettings)
    .set({
      ...values,
      version: sql`${siteSettings.version} + 1`,
      updatedBy: userId,
      updatedAt: new Date(),
    })
    .where(and(eq(siteSettings.id, 1), eq(siteSettings.version, version)))
    .returning();
  return row ?? null;
}
