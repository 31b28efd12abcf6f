import type { PublishRateTableInput } from '../../../common/schemas/agreements.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { insertRateTable, rateTables } from './agreements.queries.ts';

/**
 * The daily rate table, versioned reference data: a version is never changed; the DDO or the national
 * accountant publishes the next one, in force from a later day. Statements keep the version they used.
 */
export async function listRateTables(ctx: ServiceContext, authorizer: Authorizer) {
  const actor = requireActor(ctx);
  return { items: await rateTables(ctx.db), mayPublish: authorizer.can(actor, 'rateTable.publish') };
}

export async function publishRateTable(
  ctx: ServiceContext,
  authorizer: Authorizer,
  input: PublishRateTableInput,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'rateTable.publish');
  return inTransaction(ctx, async (tx) => {
    const [latest] = await rateTables(tx.db);
    if (latest && input.effectiveFrom <= latest.effectiveFrom) {
      const message = `La version ${latest.number} est en vigueur depuis le ${latest.effectiveFrom} : la suivante prend effet après.`;
      throw new AppError('unprocessable', message, { errors: [{ field: 'effectiveFrom', message }] });
    }
    const row = await insertRateTable(tx.db, { ...input, publishedBy: actor.userId });
    await recordAudit(tx, {
      action: 'rateTable.publish',
      targetType: 'rateTable',
      targetId: row.id,
      after: row,
    });
    return row;
  });
}
