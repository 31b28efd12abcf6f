import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.ts';
import type { TxContext } from '../lib/context.ts';
import { systemActor } from '../lib/policy.ts';
import { lockNextOutboxMessage, markOutboxAttemptFailed, markOutboxDelivered } from './outbox.queries.ts';

export interface DeliveredMessage {
  id: number;
  topic: string;
  payload: Record<string, unknown>;
}

/**
 * Delivers one message. It runs in the transaction that marks the message delivered: writes it makes
 * commit with that mark or not at all, so a message is handled once even across a crash. A handler that
 * calls the outside world gets the message id as its idempotency key.
 */
export type OutboxHandler = (ctx: TxContext, message: DeliveredMessage) => Promise<void>;

export const OUTBOX_MAX_ATTEMPTS = 8;
/** 10 s, 20 s, 40 s… capped at one hour. */
export const outboxBackoffMs = (attempt: number) => Math.min(3_600_000, 10_000 * 2 ** (attempt - 1));

/**
 * Delivers every message that is due, one transaction each, skipping those another worker holds
 * (FOR UPDATE SKIP LOCKED). A failure is retried with backoff, then kept as failed for an administrator.
 */
export async function deliverOutbox(
  deps: { db: Database; log: FastifyBaseLogger },
  handlers: ReadonlyMap<string, OutboxHandler>,
  options: { now?: () => Date; limit?: number } = {},
) {
  const now = options.now ?? (() => new Date());
  let delivered = 0;
  let failed = 0;
  for (let i = 0; i < (options.limit ?? 1000); i++) {
    const outcome = await deps.db.transaction(async (tx) => {
      const row = await lockNextOutboxMessage(tx, now());
      if (!row) return 'empty' as const;
      const handler = handlers.get(row.topic);
      try {
        if (!handler) throw new Error(`no handler for topic ${row.topic}`);
        const ctx: TxContext = {
          actor: null,
          system: systemActor('outbox'),
          db: tx,
          log: deps.log,
          requestId: row.requestId,
        };
        // A savepoint: a handler that fails leaves nothing behind, and the attempt is still recorded.
        await tx.transaction((savepoint) =>
          handler({ ...ctx, db: savepoint }, { id: row.id, topic: row.topic, payload: row.payload }),
        );
        await markOutboxDelivered(tx, row.id, now());
        return 'delivered' as const;
      } catch (error) {
        const attempt = row.attempts + 1;
        const message = error instanceof Error ? error.message : String(error);
        deps.log.warn(
          { outboxId: row.id, topic: row.topic, attempt, err: message },
          'outbox delivery failed',
        );
        await markOutboxAttemptFailed(
          tx,
          row.id,
          message,
          attempt >= OUTBOX_MAX_ATTEMPTS
            ? { failedAt: now() }
            : { availableAt: new Date(now().getTime() + outboxBackoffMs(attempt)) },
        );
        return 'failed' as const;
      }
    });
    if (outcome === 'empty') break;
    if (outcome === 'delivered') delivered += 1;
    else failed += 1;
  }
  return { delivered, failed };
}
