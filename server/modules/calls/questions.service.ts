import type { z } from 'zod';
import type { answerQuestionSchema, askQuestionSchema } from '../../../common/schemas/calls.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError, staleVersion } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { callQuestionAnswered, callQuestionAsked } from '../notifications/call-emitters.ts';
import { answerQuestionAtVersion, insertQuestion, lockQuestion } from './calls.queries.ts';
import { accessOf, questionsOpen, visibleCall } from './calls.service.ts';

/**
 * The public questions of a call: any office asks while the call is published and until the end of its
 * "questions until" day (Paris time); the issuer answers, and the answer is visible to all.
 */

export async function askQuestion(
  ctx: ServiceContext,
  authorizer: Authorizer,
  callId: string,
  input: z.infer<typeof askQuestionSchema>,
) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const call = await visibleCall(tx, authorizer, callId, { lock: true });
    authorizer.authorize(actor, 'call.ask', accessOf(call));
    if (!questionsOpen(call))
      throw new AppError(
        'unprocessable',
        call.state === 'published'
          ? `Les questions sur cet appel étaient ouvertes jusqu'au ${call.questionsUntil} (heure de Paris).`
          : "Cet appel n'est pas publié : il ne reçoit pas de question.",
        { errors: [{ field: 'question', message: 'Les questions sur cet appel sont closes.' }] },
      );
    const row = await insertQuestion(tx.db, {
      callId,
      question: input.question,
      askedBy: actor.userId,
      askedByOrganisationId: actor.organisationId,
    });
    await recordAudit(tx, {
      action: 'call.ask',
      targetType: 'call',
      targetId: callId,
      after: { questionId: row.id, question: input.question },
    });
    await callQuestionAsked(tx, call, { text: input.question, organisationId: actor.organisationId });
  });
}

export async function answerQuestion(
  ctx: ServiceContext,
  authorizer: Authorizer,
  callId: string,
  questionId: string,
  input: z.infer<typeof answerQuestionSchema>,
) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const call = await visibleCall(tx, authorizer, callId);
    authorizer.authorize(actor, 'call.answer', accessOf(call));
    if (call.state === 'cancelled')
      throw new AppError('conflict', 'Cet appel est annulé : ses questions ne reçoivent plus de réponse.');
    const question = await lockQuestion(tx.db, callId, questionId);
    if (!question) throw new AppError('notFound', 'Cette question est introuvable.');
    if (question.version !== input.version) throw staleVersion('question');
    const after = await answerQuestionAtVersion(tx.db, questionId, input.version, {
      answer: input.answer,
      answeredBy: actor.userId,
    });
    if (!after) throw staleVersion('question');
    await recordAudit(tx, {
      action: 'call.answer',
      targetType: 'call',
      targetId: callId,
      before: { questionId, answer: question.answer },
      after: { questionId, answer: input.answer },
    });
    await callQuestionAnswered(tx, call, { text: input.answer, askedBy: question.askedBy });
  });
}
