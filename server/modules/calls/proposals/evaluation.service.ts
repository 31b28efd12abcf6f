import { rankProposals } from '../../../../common/calls/ranking.ts';
import type { NameEvaluatorsInput, ScoresInput } from '../../../../common/schemas/proposals.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../../lib/context.ts';
import { AppError, staleVersion } from '../../../lib/errors.ts';
import type { Authorizer } from '../../../lib/policy.ts';
import { visibleCall } from '../calls.service.ts';
import {
  activeUsers,
  evaluatorsOf,
  findSelection,
  replaceEvaluators,
  scoresOfCall,
  touchCallAtVersion,
  upsertScores,
} from './evaluation.queries.ts';
import { submittedProposalsOf } from './proposals.queries.ts';
import { conflicted, evaluationAccess, visibleProposal } from './proposals.service.ts';

/**
 * The evaluation of a call's proposals: the issuer names the evaluators; each scores each submitted
 * proposal on each criterion (0–5, with a comment) while the call is under evaluation — never one of
 * their own office's or a partner office's (conflict of interest); the comparison ranks them by weighted
 * score (common/calls/ranking.ts).
 */

const CLOSED = ['decided', 'archived', 'cancelled'];

export async function nameEvaluators(
  ctx: ServiceContext,
  authorizer: Authorizer,
  callId: string,
  input: NameEvaluatorsInput,
) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const call = await visibleCall(tx, authorizer, callId, { lock: true });
    authorizer.authorize(actor, 'call.nameEvaluators', await evaluationAccess(tx.db, actor, call));
    if (call.version !== input.version) throw staleVersion('call');
    if (CLOSED.includes(call.state) || call.state === 'draft')
      throw new AppError(
        'conflict',
        "Les évaluateurs se nomment une fois l'appel publié, et jusqu'à la sélection.",
      );
    const ids = [...new Set(input.userIds)];
    if ((await activeUsers(tx.db, ids)).length !== ids.length)
      throw new AppError('unprocessable', "Un des évaluateurs nommés n'a pas de compte actif.", {
        errors: [{ field: 'userIds', message: "Un des évaluateurs nommés n'a pas de compte actif." }],
      });
    const before = (await evaluatorsOf(tx.db, callId)).map((e) => e.id);
    await replaceEvaluators(tx.db, callId, ids, actor.userId);
    if (!(await touchCallAtVersion(tx.db, callId, input.version))) throw staleVersion('call');
    await recordAudit(tx, {
      action: 'call.nameEvaluators',
      targetType: 'call',
      targetId: callId,
      before: { evaluators: before },
      after: { evaluators: ids },
    });
  });
}

export async function scoreProposal(
  ctx: ServiceContext,
  authorizer: Authorizer,
  proposalId: string,
  input: ScoresInput,
) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const { proposal, call, access } = await visibleProposal(tx, authorizer, proposalId, { lock: true });
    if (!authorizer.can(actor, 'call.score', access))
      throw new AppError(
        'forbidden',
        "Vous n'êtes pas évaluateur de cet appel : vous ne notez pas ses propositions.",
      );
    if (conflicted(actor, proposal))
      throw new AppError(
        'forbidden',
        "Conflit d'intérêts : vous êtes d'un organisme qui porte cette proposition ou y participe, vous ne la notez pas.",
      );
    if (call.state !== 'underEvaluation')
      throw new AppError('conflict', "Les propositions se notent pendant l'évaluation de l'appel.");
    if (proposal.state !== 'submitted')
      throw new AppError('conflict', 'Seule une proposition déposée, pas encore décidée, se note.');
    const errors = input.scores.flatMap((s, k) =>
      s.criterion >= call.criteria.length
        ? [
            {
              field: `scores.${k}.criterion`,
              message: `L'appel n'a que ${call.criteria.length} critères (numérotés à partir de 0).`,
            },
          ]
        : [],
    );
    const seen = new Set(input.scores.map((s) => s.criterion));
    if (seen.size !== input.scores.length)
      errors.push({ field: 'scores', message: 'Un critère est noté deux fois.' });
    if (errors[0]) throw new AppError('unprocessable', errors[0].message, { errors });
    await upsertScores(tx.db, proposalId, actor.userId, input.scores);
    await recordAudit(tx, {
      action: 'call.score',
      targetType: 'proposal',
      targetId: proposalId,
      after: { scores: input.scores },
    });
  });
}

/** The comparison table: the submitted proposals ranked by weighted score, with the spread between evaluators. */
export async function compareProposals(ctx: ServiceContext, authorizer: Authorizer, callId: string) {
  const actor = requireActor(ctx);
  const call = await visibleCall(ctx, authorizer, callId);
  const access = await evaluationAccess(ctx.db, actor, call);
  authorizer.authorize(actor, 'call.compare', access);
  const [proposals, scores, evaluators, selection] = await Promise.all([
    submittedProposalsOf(ctx.db, callId),
    scoresOfCall(ctx.db, callId),
    evaluatorsOf(ctx.db, callId),
    findSelection(ctx.db, callId),
  ]);
  const rows = rankProposals(
    call.criteria.map((c) => c.weight),
    proposals.map((row) => ({
      proposal: row,
      scores: scores.filter((s) => s.proposalId === row.proposal.id),
    })),
  );
  return {
    call,
    evaluators,
    rows,
    selection,
    may: {
      nameEvaluators: authorizer.can(actor, 'call.nameEvaluators', access) && !CLOSED.includes(call.state),
      select: authorizer.can(actor, 'call.select', access) && call.state === 'underEvaluation' && !selection,
    },
  };
}
export type Comparison = Awaited<ReturnType<typeof compareProposals>>;
