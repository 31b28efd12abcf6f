import type { FastifyBaseLogger } from 'fastify';
import type { Database, Executor, Transaction } from '../db/client.ts';
import { forbidden } from './errors.ts';
import type { Actor } from './policy.ts';

/** What every use case receives: who acts, where to read and write, where to log. */
export interface ServiceContext {
  actor: Actor | null;
  db: Executor;
  log: FastifyBaseLogger;
  requestId: string | null;
}

/** Runs `work` in one transaction; the context it receives writes through that transaction. */
export async function inTransaction<T>(
  ctx: ServiceContext,
  work: (txCtx: ServiceContext & { db: Transaction }) => Promise<T>,
): Promise<T> {
  return (ctx.db as Database).transaction((tx) => work({ ...ctx, db: tx }));
}

/** The signed-in actor of a use case; without one the use case is refused (403). */
export function requireActor(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw forbidden();
  return ctx.actor;
}
