import type { ReplacementBody } from '../../../../common/schemas/application.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../../lib/context.ts';
import { AppError, notFound, staleVersion } from '../../../lib/errors.ts';
import type { Authorizer } from '../../../lib/policy.ts';
import { findReplacementSubject, retireInFavourAtVersion } from './replacement.queries.ts';

const invalidReplacement = (message: string) =>
  new AppError('unprocessable', message, { errors: [{ field: 'replacedById', message }] });

/**
 * A redundancy resolved: the sheet is retired in favour of a shared application, recorded on the sheet
 * (`replaced_by_id`, `replaced_at`) with its audit event `application.retireInFavour`. By the sheet's
 * writers; the replacement must be another live sheet, not retired nor itself replaced.
 */
export async function retireInFavour(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  body: ReplacementBody,
  now: Date,
) {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const sheet = await findReplacementSubject(tx.db, id, { lock: true });
    if (!sheet) throw notFound('Application');
    authorizer.authorize(actor, 'application.update', sheet);
    if (sheet.version !== body.version) throw staleVersion('application');
    if (sheet.replacedById)
      throw new AppError('conflict', 'Cette application est déjà retirée au profit d’une autre.');
    if (body.replacedById === id)
      throw invalidReplacement(
        'Une application ne se retire pas à son propre profit : choisissez-en une autre.',
      );
    const replacement = await findReplacementSubject(tx.db, body.replacedById);
    if (!replacement) throw invalidReplacement("L'application qui la remplace est introuvable.");
    if (replacement.archivedAt || replacement.lifecycleStage === 'retired' || replacement.replacedById)
      throw invalidReplacement(
        `L'application « ${replacement.name} » est archivée ou retirée : choisissez une application partagée en service.`,
      );
    const moved = await retireInFavourAtVersion(tx.db, id, body.version, {
      replacedById: replacement.id,
      updatedBy: actor.userId,
      at: now,
    });
    if (!moved) throw staleVersion('application');
    await recordAudit(tx, {
      action: 'application.retireInFavour',
      targetType: 'application',
      targetId: id,
      before: { lifecycleStage: sheet.lifecycleStage, replacedById: null, version: sheet.version },
      after: {
        lifecycleStage: 'retired',
        replacedById: replacement.id,
        replacedByCode: replacement.code,
        version: moved.version,
      },
    });
    return {
      id,
      lifecycleStage: 'retired' as const,
      replacedBy: { id: replacement.id, code: replacement.code, name: replacement.name },
      replacedAt: now.toISOString(),
      version: moved.version,
    };
  });
}
