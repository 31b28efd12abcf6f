import type { JobListQuery } from '../../../common/schemas/jobs.ts';
import { retryOutboxMessage } from '../../jobs/outbox.queries.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { findJob, listJobs } from './jobs.queries.ts';

export function listBackgroundJobs(ctx: ServiceContext, query: JobListQuery) {
  requireActor(ctx);
  return listJobs(ctx.db, query);
}

/** An administrator gives a failed job another run now; a job still pending or done is left as it is. */
export async function retryJob(ctx: ServiceContext, id: number) {
  requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const job = await findJob(tx.db, id);
    if (!job) throw new AppError('notFound', 'Ce travail est introuvable.');
    if (job.deliveredAt || !job.failedAt)
      throw new AppError(
        'conflict',
        job.deliveredAt
          ? 'Ce travail a déjà été exécuté : il ne se relance pas.'
          : 'Ce travail est encore en attente : il sera réessayé de lui-même.',
      );
    await retryOutboxMessage(tx.db, id);
    await recordAudit(tx, {
      action: 'job.retry',
      targetType: 'job',
      targetId: String(id),
      before: { topic: job.topic, attempts: job.attempts, lastError: job.lastError },
      after: { topic: job.topic, attempts: 0 },
    });
    return (await findJob(tx.db, id)) as NonNullable<typeof job>;
  });
}
