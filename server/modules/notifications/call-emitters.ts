import { excerpt } from '../../../common/notifications.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { officeNames } from '../../lib/lifecycle.queries.ts';
import { emitEvent } from './events.ts';

/**
 * The events of calls for projects, one function each, called by the calls module in the transaction of
 * the change. A published call reaches the directors of the offices that may answer it; a question
 * reaches the issuer; an answer reaches whoever asked and everyone who follows the call.
 */

type Call = { id: string; title: string; issuerOrganisationId: string };
const callTarget = (call: Call) => ({ type: 'call' as const, id: call.id, label: call.title });

export function callTransitioned(
  ctx: ServiceContext,
  call: Call,
  to: string,
  audienceOfficeIds: string[] = [],
) {
  return emitEvent(ctx, {
    kind: 'call.transitioned',
    target: callTarget(call),
    params: { to },
    ...(audienceOfficeIds.length > 0
      ? { parties: { organisationIds: audienceOfficeIds, roles: ['officeDirector'] } }
      : {}),
  });
}

export async function callQuestionAsked(
  ctx: ServiceContext,
  call: Call,
  question: { text: string; organisationId: string },
) {
  const office = (await officeNames(ctx.db, [question.organisationId])).get(question.organisationId) ?? '';
  await emitEvent(ctx, {
    kind: 'call.questionAsked',
    target: callTarget(call),
    params: { office, excerpt: excerpt(question.text) },
    parties: { organisationIds: [call.issuerOrganisationId], roles: ['officeDirector', 'sponsor'] },
  });
}

export function callQuestionAnswered(
  ctx: ServiceContext,
  call: Call,
  answer: { text: string; askedBy: string | null },
) {
  return emitEvent(ctx, {
    kind: 'call.questionAnswered',
    target: callTarget(call),
    params: { excerpt: excerpt(answer.text) },
    parties: { userIds: answer.askedBy ? [answer.askedBy] : [] },
  });
}
