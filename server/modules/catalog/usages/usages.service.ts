import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { UsageInput } from '../../../../common/schemas/usage.ts';
import type { Executor } from '../../../db/client.ts';
import { applications, applicationUsages, organisations } from '../../../db/schema.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { inTransaction, type ServiceContext } from '../../../lib/context.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import type { Authorizer } from '../../../lib/policy.ts';
import { findApplication } from '../applications/applications.queries.ts';
import { requireActor } from '../applications/applications.service.ts';

async function refreshUsageCount(db: Executor, applicationId: string) {
  await db
    .update(applications)
    .set({
      usageCount: sql`(SELECT count(*) FROM ${applicationUsages} WHERE ${applicationUsages.applicationId} = ${applicationId})`,
    })
    .where(eq(applications.id, applicationId));
}

const usageSnapshot = (u: typeof applicationUsages.$inferSelect) => ({
  organisationId: u.organisationId,
  since: u.since,
  userCount: u.userCount,
  versionNumber: u.versionNumber,
  comment: u.comment,
});

/** The caller's office declares (or updates) its use; the usage count moves in the same transaction. */
export async function declareUsage(
  ctx: ServiceContext,
  authorizer: Authorizer,
  applicationId: string,
  input: UsageInput,
) {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const sheet = await findApplication(tx.db, applicationId, { forUpdate: true });
    if (!sheet) throw notFound('Application');
    authorizer.authorize(actor, 'application.declareUsage', sheet);
    if (sheet.archivedAt)
      throw new AppError(
        'unprocessable',
        "Cette application est archivée : on ne peut plus en déclarer l'utilisation.",
      );
    const [existing] = await tx.db
      .select()
      .from(applicationUsages)
      .where(
        and(
          eq(applicationUsages.applicationId, applicationId),
          eq(applicationUsages.organisationId, actor.organisationId),
        ),
      )
      .for('update');
    const values = {
      since: input.since,
      userCount: input.userCount,
      versionNumber: input.versionNumber,
      comment: input.comment,
      declaredBy: actor.userId,
    };
    const [row] = existing
      ? await tx.db
          .update(applicationUsages)
          .set({ ...values, updatedAt: sql`now()` })
          .where(
            and(
              eq(applicationUsages.applicationId, applicationId),
              eq(applicationUsages.organisationId, actor.organisationId),
            ),
          )
          .returning()
      : await tx.db
          .insert(applicationUsages)
          .values({ ...values, applicationId, organisationId: actor.organisationId })
          .returning();
    if (!row) throw new Error('usage write returned nothing');
    await refreshUsageCount(tx.db, applicationId);
    await recordAudit(tx, {
      action: 'usage.declare',
      targetType: 'application',
      targetId: applicationId,
      before: existing ? usageSnapshot(existing) : null,
      after: usageSnapshot(row),
    });
    return { created: !existing };
  });
}

export async function withdrawUsage(ctx: ServiceContext, authorizer: Authorizer, applicationId: string) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const sheet = await findApplication(tx.db, applicationId, { forUpdate: true });
    if (!sheet) throw notFound('Application');
    authorizer.authorize(actor, 'application.declareUsage', sheet);
    const [removed] = await tx.db
      .delete(applicationUsages)
      .where(
        and(
          eq(applicationUsages.applicationId, applicationId),
          eq(applicationUsages.organisationId, actor.organisationId),
        ),
      )
      .returning();
    if (!removed)
      throw new AppError('notFound', "Votre organisme n'a pas déclaré utiliser cette application.");
    await refreshUsageCount(tx.db, applicationId);
    await recordAudit(tx, {
      action: 'usage.withdraw',
      targetType: 'application',
      targetId: applicationId,
      before: usageSnapshot(removed),
    });
  });
}

export async function listUsages(ctx: ServiceContext, applicationId: string) {
  requireActor(ctx);
  const [exists] = await ctx.db
    .select({ n: count() })
    .from(applications)
    .where(eq(applications.id, applicationId));
  if (!exists?.n) throw notFound('Application');
  return ctx.db
    .select({
      usage: applicationUsages,
      organisation: {
        id: organisations.id,
        code: organisations.code,
        name: organisations.name,
        type: organisations.type,
        region: organisations.region,
      },
    })
    .from(applicationUsages)
    .innerJoin(organisations, eq(organisations.id, applicationUsages.organisationId))
    .where(eq(applicationUsages.applicationId, applicationId))
    .orderBy(asc(organisations.name));
}
