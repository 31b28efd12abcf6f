import type { JobDto } from '../../../common/schemas/jobs.ts';
import type { JobRow } from './jobs.queries.ts';

export function presentJob(row: JobRow): JobDto {
  return {
    id: row.id,
    topic: row.topic,
    state: row.deliveredAt ? 'delivered' : row.failedAt ? 'failed' : 'pending',
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    availableAt: row.availableAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    failedAt: row.failedAt?.toISOString() ?? null,
  };
}
