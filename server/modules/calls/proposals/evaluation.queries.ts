import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../../../db/client.ts';
import {
  callEvaluators,
  callProposals,
  callSelections,
  calls,
  organisations,
  proposalScores,
  type SelectionChoice,
  users,
} from '../../../db/schema.ts';

export type SelectionRow = typeof callSelections.$inferSelect;

/** One evaluator's scores of one proposal, by criterion. */
export async function scoresOf(db: Executor, proposalId: string, evaluatorId: string) {
  return db
    .select({
      criterion: proposalScores.criterion,
      score: proposalScores.score,
      comment: proposalScores.comment,
    })
    .from(proposalScores)
    .where(and(eq(proposalScores.proposalId, proposalId), eq(proposalScores.evaluatorId, evaluatorId)))
    .orderBy(asc(proposalScores.criterion));
}

/** Writes (or rewrites) an evaluator's scores of a proposal, criterion by criterion. */
export async function upsertScores(
  db: Transaction,
  proposalId: string,
  evaluatorId: string,
  scores: readonly { criterion: number; score: number; comment: string }[],
) {
  await db
    .insert(proposalScores)
    .values(scores.map((s) => ({ ...s, proposalId, evaluatorId })))
    .onConflictDoUpdate({
      target: [proposalScores.proposalId, proposalScores.evaluatorId, proposalScores.criterion],
      set: { score: sql`excluded.score`, comment: sql`excluded.comment`, updatedAt: sql`now()` },
    });
}

/** Every score given on a call's proposals. */
export async function scoresOfCall(db: Executor, callId: string) {
  return db
    .select({
      proposalId: proposalScores.proposalId,
      evaluatorId: proposalScores.evaluatorId,
      criterion: proposalScores.criterion,
      score: proposalScores.score,
      comment: proposalScores.comment,
    })
    .from(proposalScores)
    .innerJoin(callProposals, eq(callProposals.id, proposalScores.proposalId))
    .where(eq(callProposals.callId, callId));
}

export async function evaluatorsOf(db: Executor, callId: string) {
  return db
    .select({ id: users.id, name: users.displayName, office: organisations.name })
    .from(callEvaluators)
    .innerJoin(users, eq(users.id, callEvaluators.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(callEvaluators.callId, callId))
    .orderBy(asc(users.displayName));
}

export async function activeUsers(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...ids]), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}

export async function replaceEvaluators(
  db: Transaction,
  callId: string,
  ids: readonly string[],
  namedBy: string,
) {
  await db.delete(callEvaluators).where(eq(callEvaluators.callId, callId));
  if (ids.length > 0)
    await db.insert(callEvaluators).values([...new Set(ids)].map((userId) => ({ callId, userId, namedBy })));
}

/** Moves a call's version: what its page showed (evaluators, selection) changed. */
export async function touchCallAtVersion(db: Transaction, id: string, version: number) {
  const [row] = await db
    .update(calls)
    .set({ version: sql`${calls.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(calls.id, id), eq(calls.version, version)))
    .returning({ id: calls.id });
  return !!row;
}

export async function findSelection(db: Executor, callId: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(callSelections).where(eq(callSelections.callId, callId));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertSelection(
  db: Transaction,
  values: {
    callId: string;
    state: SelectionRow['state'];
    rationale: string;
    choices: SelectionChoice[];
    proposedBy: string;
  },
) {
  await db.insert(callSelections).values(values);
}

export async function markSelectionApplied(db: Transaction, callId: string, appliedBy: string | null) {
  await db
    .update(callSelections)
    .set({ state: 'applied', appliedBy, appliedAt: sql`now()` })
    .where(eq(callSelections.callId, callId));
}
