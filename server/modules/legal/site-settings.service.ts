import type { SiteSettingsInput } from '../../../common/legal/site-settings.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError, staleVersion } from '../../lib/errors.ts';
import { settingValues } from './site-settings.mapper.ts';
import { findSiteSettings, lockSiteSettings, updateSiteSettings } from './site-settings.queries.ts';

const MISSING = new AppError(
  'serviceUnavailable',
  "Les paramètres du site n'ont pas encore été écrits : redémarrez le portail, qui les écrit au démarrage.",
);

/** What the legal notice and the personal data page show: public. */
export async function readSiteSettings(ctx: ServiceContext) {
  const row = await findSiteSettings(ctx.db);
  if (!row) throw MISSING;
  return row;
}

/** An administrator saves every field at once, with the version read; the audit event holds both sides. */
export async function saveSiteSettings(ctx: ServiceContext, body: SiteSettingsInput) {
  const actor = requireActor(ctx);
  const { version, ...values } = body;
  return inTransaction(ctx, async (tx) => {
    const before = await lockSiteSettings(tx.db);
    if (!before) throw MISSING;
    const saved = await updateSiteSettings(tx.db, version, values, actor.userId);
    if (!saved) throw staleVersion('siteSettings');
    await recordAudit(tx, {
      action: 'siteSettings.update',
      targetType: 'siteSettings',
      targetId: String(saved.id),
      before: settingValues(before),
      after: settingValues(saved),
    });
    return saved;
  });
}
