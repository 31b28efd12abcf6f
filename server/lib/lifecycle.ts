import { checkTransition, type LifecycleDefinition } from '../../common/lifecycle.ts';
import type { Transaction } from '../db/client.ts';
import { recordAudit } from './audit.ts';
import type { ServiceContext } from './context.ts';
import { AppError, forbidden, notFound, staleVersion } from './errors.ts';

export interface LifecycleSubject<State extends string> {
  state: State;
  version: number;
  /** What the audit event records as "before". */
  snapshot: Record<string, unknown>;
}

export interface TransitionRequest<State extends string, TransitionName extends string, Facts> {
  definition: LifecycleDefinition<State, TransitionName, Facts>;
  transition: TransitionName;
  targetId: string;
  /** The version the user saw; a different one in the database means a lost update: 409. */
  expectedVersion: number;
  /** Reads the subject and locks it (SELECT … FOR UPDATE). */
  load(tx: Transaction): Promise<LifecycleSubject<State> | null>;
  /** Gathers what the guards need, inside the same transaction. */
  facts(tx: Transaction, subject: LifecycleSubject<State>): Promise<Facts>;
  /** Writes the new state and version; returns what the audit records as "after". */
  apply(tx: Transaction, to: State, nextVersion: number): Promise<Record<string, unknown>>;
  /** Extra effects of the transition, in the same transaction (e.g. ending sessions). */
  effects?(tx: Transaction): Promise<void>;
  notFoundLabel: string;
}

/**
 * The one executor of every lifecycle: checks version, state, role and guards, applies the change,
 * and writes the audit event, all in the caller's transaction, so nothing is half-written.
 */
export async function executeTransition<State extends string, TransitionName extends string, Facts>(
  ctx: ServiceContext & { db: Transaction },
  request: TransitionRequest<State, TransitionName, Facts>,
): Promise<Record<string, unknown>> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const tx = ctx.db;
  const subject = await request.load(tx);
  if (!subject) throw notFound(request.notFoundLabel);
  if (subject.version !== request.expectedVersion) throw staleVersion();
  const facts = await request.facts(tx, subject);
  const check = checkTransition(request.definition, request.transition, subject.state, actor.roles, facts);
  if (!check.allowed) {
    if (check.reason === 'role') throw forbidden(check.detail);
    throw new AppError(check.reason === 'wrongState' ? 'conflict' : 'unprocessable', check.detail);
  }
  const to = request.definition.transitions[request.transition].to;
  const after = await request.apply(tx, to, subject.version + 1);
  await request.effects?.(tx);
  await recordAudit(ctx, {
    action: `${request.definition.name}.${request.transition}`,
    targetType: request.definition.targetType,
    targetId: request.targetId,
    before: subject.snapshot,
    after,
  });
  return after;
}
