import type { FastifyBaseLogger } from 'fastify';
import type { Database, Executor, Transaction } from '../db/client.ts';
import { forbidden } from './errors.ts';
import type { Actor, SystemActor } from './policy.ts';

/** What every use case receives: who acts, where to read and write, where to log. */
export interface ServiceContext {
  /** The signed-in person, or nobody. */
  actor: Actor | null;
  /** Set instead of `actor` when the platform acts by itself (scheduled transitions, the outbox). */
  system?: SystemActor;
  db: Executor;
  log: FastifyBaseLogger;
  requestId: string | null;
}

export type TxContext = ServiceContext & { db: Transaction };

/** Runs `work` in one transaction; the context it receives writes through that transaction. */
export async function inTransaction<T>(
  ctx: ServiceContext,
  work: (txCtx: TxContext) => Promise<T>,
): Promise<T> {
  return (ctx.db as Database).transaction((tx) => work({ ...ctx, db: tx }));
}

/** The signed-in person behind a use case; nobody is refused. */
export function requireActor(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw forbidden();
  return ctx.actor;
}

/** Who acts for the lifecycle executor and the audit trail: the system when it acts, else the person. */
export const actingAs = (ctx: ServiceContext): Actor | SystemActor | null => ctx.system ?? ctx.actor;
