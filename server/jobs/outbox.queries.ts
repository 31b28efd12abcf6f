import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { outboxMessages } from '../db/schema.ts';
import type { ServiceContext } from '../lib/context.ts';

export interface OutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
}

/** Written in the transaction of the change that causes it; delivered after commit by the outbox worker. */
export async function enqueueOutbox(ctx: ServiceContext, message: OutboxMessage) {
  await ctx.db.insert(outboxMessages).values({ ...message, requestId: ctx.requestId });
}

/** The next deliverable message, locked so that another worker skips it (FOR UPDATE SKIP LOCKED). */
export async function lockNextOutboxMessage(db: Executor, now: Date) {
  const [row] = await db
    .select()
    .from(outboxMessages)
    .where(
      and(
        isNull(outboxMessages.deliveredAt),
        isNull(outboxMessages.failedAt),
        lte(outboxMessages.availableAt, now),
      ),
    )
    .orderBy(asc(outboxMessages.id))
    .limit(1)
    .for('update', { skipLocked: true });
  return row ?? null;
}

export async function markOutboxDelivered(db: Executor, id: number, now: Date) {
  await db
    .update(outboxMessages)
    .set({ deliveredAt: now, attempts: sql`${outboxMessages.attempts} + 1`, lastError: null })
    .where(eq(outboxMessages.id, id));
}

/** A failed attempt: retried later with backoff, or marked failed after the last one. */
export async function markOutboxAttemptFailed(
  db: Executor,
  id: number,
  error: string,
  next: { availableAt: Date } | { failedAt: Date },
) {
  await db
    .update(outboxMessages)
    .set({ attempts: sql`${outboxMessages.attempts} + 1`, lastError: error.slice(0, 2000), ...next })
    .where(eq(outboxMessages.id, id));
}

export async function listOutboxMessages(db: Executor, topic?: string) {
  return db
    .select()
    .from(outboxMessages)
    .where(topic ? eq(outboxMessages.topic, topic) : undefined)
    .orderBy(asc(outboxMessages.id));
}

/** An administrator gives a failed message another chance. */
export async function retryOutboxMessage(db: Executor, id: number) {
  const rows = await db
    .update(outboxMessages)
    .set({ failedAt: null, availableAt: sql`now()`, attempts: 0 })
    .where(and(eq(outboxMessages.id, id), isNull(outboxMessages.deliveredAt)))
    .returning({ id: outboxMessages.id });
  return rows.length > 0;
}
