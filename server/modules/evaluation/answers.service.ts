import { REVIEW_DECISIONS, type ReviewDecision } from '../../../common/evaluation/vocabulary.ts';
import type { AnswerInput } from '../../../common/schemas/evaluation.ts';
import type { AttachmentFiles } from '../../lib/attachment-files.ts';
import { type AttachmentUpload, attachFile, attachmentBody, detachFile } from '../../lib/attachments.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext, type TxContext } from '../../lib/context.ts';
import { AppError, staleVersion } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import {
  answersOf,
  countEvidence,
  deleteEvidence,
  evidenceOf,
  findAnswer,
  findEvidence,
  insertAnswer,
  insertEvidence,
  reviewAnswerAtVersion,
  touchEvaluation,
  updateAnswerAtVersion,
} from './evaluations.queries.ts';
import {
  answerValues,
  evaluationWithAccess,
  lockedEvaluation,
  requirementOf,
} from './evaluations.service.ts';
import { publishedNumbers } from './grids.queries.ts';

/**
 * Answers to the requirements, their review and their evidence. Whoever runs the project (or writes
 * the sheet) answers; each section's reviewer validates or returns an answer with a comment; answering
 * again puts it back in review (REVIEW_DECISIONS in common/evaluation/vocabulary.ts).
 */

const answerSnapshot = (row: {
  status: string;
  reason: string | null;
  links: string[];
  review: string;
  reviewComment: string | null;
  version: number;
}) => ({
  status: row.status,
  reason: row.reason,
  links: row.links,
  review: row.review,
  reviewComment: row.reviewComment,
  version: row.version,
});

/** Everything the evaluation page shows, with what the caller may do. */
export async function describeEvaluation(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  const { evaluation, access } = await evaluationWithAccess(ctx, id);
  const published = await publishedNumbers(ctx.db, [evaluation.gridId]);
  return {
    evaluation,
    answers: await answersOf(ctx.db, id),
    evidence: await evidenceOf(ctx.db, id),
    publishedNumber: published.get(evaluation.gridId) ?? null,
    canAnswer: authorizer.can(actor, 'evaluation.answer', access),
    canReview: (reviewer: Parameters<typeof authorizer.can>[2]) =>
      authorizer.can(actor, 'evaluation.review', reviewer),
  };
}

/** Answers one requirement: the first answer (no version), or a new one at the version read. */
export async function answerRequirement(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  code: string,
  input: AnswerInput,
) {
  const actor = requireActor(ctx);
  const { evaluation, access } = await evaluationWithAccess(ctx, id);
  authorizer.authorize(actor, 'evaluation.answer', access);
  requirementOf(evaluation, code);
  const values = answerValues(input, actor.userId);
  await inTransaction(ctx, async (tx) => {
    await lockedEvaluation(tx, id);
    const before = await findAnswer(tx.db, id, code, { lock: true });
    if (!before && input.version !== undefined) throw staleVersion('answer');
    if (before && input.version === undefined)
      throw new AppError(
        'conflict',
        "Quelqu'un a répondu à cette exigence entre-temps : rechargez la page.",
        {
          errors: [{ field: 'version', message: 'Indiquez la version de la réponse lue.' }],
        },
      );
    const after = before
      ? await updateAnswerAtVersion(tx.db, before.id, input.version as number, values)
      : await insertAnswer(tx.db, id, code, values);
    if (!after) throw staleVersion('answer');
    await touchEvaluation(tx.db, id);
    await recordAudit(tx, {
      action: 'evaluation.answer',
      targetType: 'evaluation',
      targetId: id,
      before: before ? { requirement: code, ...answerSnapshot(before) } : null,
      after: { requirement: code, ...answerSnapshot(after) },
    });
  });
}

/** The reviewer of the requirement's section validates or returns the answer (a return says why). */
export async function reviewAnswer(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  code: string,
  input: { version: number; decision: ReviewDecision; comment?: string | null | undefined },
) {
  const actor = requireActor(ctx);
  const { evaluation } = await evaluationWithAccess(ctx, id);
  const requirement = requirementOf(evaluation, code);
  authorizer.authorize(actor, 'evaluation.review', { reviewer: requirement.section.reviewer });
  const decision = REVIEW_DECISIONS[input.decision];
  const comment = input.comment?.trim() ? input.comment.trim() : null;
  if (decision.commentRequired && !comment)
    throw new AppError('badRequest', 'Une réponse renvoyée dit ce qui manque : écrivez un commentaire.', {
      errors: [{ field: 'comment', message: 'Indiquez ce que le porteur doit compléter ou corriger.' }],
    });
  await inTransaction(ctx, async (tx) => {
    await lockedEvaluation(tx, id);
    const before = await findAnswer(tx.db, id, code, { lock: true });
    if (!before)
      throw new AppError('conflict', "Cette exigence n'a pas encore de réponse à relire.", {
        errors: [{ field: 'code', message: 'Aucune réponse à relire.' }],
      });
    if (before.version !== input.version) throw staleVersion('answer');
    if (!(decision.from as readonly string[]).includes(before.review))
      throw new AppError(
        'conflict',
        `Cette réponse est déjà ${before.review === 'validated' ? 'validée' : 'renvoyée'} : rechargez la page.`,
        {
          errors: [{ field: 'decision', message: 'La réponse a déjà reçu cette décision.' }],
        },
      );
    const after = await reviewAnswerAtVersion(tx.db, before.id, input.version, {
      review: decision.to,
      reviewComment: comment,
      reviewedBy: actor.userId,
    });
    if (!after) throw staleVersion('answer');
    await touchEvaluation(tx.db, id);
    await recordAudit(tx, {
      action: `evaluation.${input.decision}`,
      targetType: 'evaluation',
      targetId: id,
      before: { requirement: code, ...answerSnapshot(before) },
      after: { requirement: code, ...answerSnapshot(after) },
    });
  });
}

// ——— Evidence ———

const fileNotFound = () =>
  new AppError('notFound', 'Ce fichier est introuvable pour cette réponse : il a peut-être été retiré.');
const unanswered = (code: string) =>
  new AppError('conflict', `Répondez d'abord à l'exigence ${code} : une preuve accompagne une réponse.`, {
    errors: [{ field: 'code', message: 'Aucune réponse à cette exigence.' }],
  });

/** The answer files go with, after the access check; the evaluation locked while writing. */
async function answerFor(
  tx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  code: string,
  write: boolean,
) {
  const { evaluation, access } = await evaluationWithAccess(tx, id);
  authorizer.authorize(requireActor(tx), write ? 'evaluation.answer' : 'evaluation.read', access);
  requirementOf(evaluation, code);
  if (write) await lockedEvaluation(tx as TxContext, id);
  const answer = await findAnswer(tx.db, id, code);
  if (!answer) throw unanswered(code);
  return answer;
}

/** The write check, before reading an upload that would be refused anyway. */
export async function assertMayAttachEvidence(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  code: string,
) {
  await inTransaction(ctx, (tx) => answerFor(tx, authorizer, id, code, true));
}

export async function addEvidence(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  id: string,
  code: string,
  upload: AttachmentUpload,
) {
  return attachFile(ctx, files, upload, {
    lock: (tx) => answerFor(tx, authorizer, id, code, true),
    count: (tx, answer) => countEvidence(tx.db, answer.id),
    subject: 'Une réponse',
    insert: (tx, file, answer) => insertEvidence(tx.db, { ...file, answerId: answer.id }),
    audit: { action: 'evaluation.attach', targetType: 'evaluation', targetId: id },
    described: ({ answerId: _answerId, ...added }) => ({ ...added, requirement: code }),
  });
}

export async function getEvidence(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  id: string,
  code: string,
  fileId: string,
) {
  const answer = await answerFor(ctx, authorizer, id, code, false);
  const row = await findEvidence(ctx.db, answer.id, fileId);
  if (!row) throw fileNotFound();
  return attachmentBody(ctx, files, row);
}

export async function removeEvidence(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  id: string,
  code: string,
  fileId: string,
) {
  await detachFile(ctx, files, fileId, {
    lock: (tx) => answerFor(tx, authorizer, id, code, true),
    remove: (tx, answer) => deleteEvidence(tx.db, answer.id, fileId),
    notFound: fileNotFound,
    audit: { action: 'evaluation.detach', targetType: 'evaluation', targetId: id },
    described: (removed) => ({ ...removed, requirement: code }),
  });
}
