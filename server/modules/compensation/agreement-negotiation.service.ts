import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { insertComment, insertText, textCounts } from './agreements.queries.ts';
import { accessOf, NEGOTIABLE, visibleAgreement } from './agreements.service.ts';

/**
 * The negotiation of an agreement: each party proposes versions of the text (numbered, never changed:
 * the web shows the difference between two) and comments on them, while the agreement is a draft or
 * under negotiation.
 */

async function negotiableAgreement(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  const row = await visibleAgreement(ctx, authorizer, id, { lock: true });
  authorizer.authorize(actor, 'agreement.negotiateText', accessOf(row));
  if (!NEGOTIABLE.includes(row.state))
    throw new AppError('conflict', "Le texte d'une convention approuvée ne change plus : ouvrez un avenant.");
  return { actor, row };
}

export async function proposeText(ctx: ServiceContext, authorizer: Authorizer, id: string, body: string) {
  await inTransaction(ctx, async (tx) => {
    const { actor } = await negotiableAgreement(tx, authorizer, id);
    const text = await insertText(tx.db, {
      agreementId: id,
      body,
      authorId: actor.userId,
      authorOrganisationId: actor.organisationId,
    });
    await recordAudit(tx, {
      action: 'agreement.proposeText',
      targetType: 'agreement',
      targetId: id,
      after: { number: text.number, length: body.length },
    });
  });
}

export async function commentAgreement(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  input: { textNumber: number; body: string },
) {
  await inTransaction(ctx, async (tx) => {
    const { actor } = await negotiableAgreement(tx, authorizer, id);
    const count = (await textCounts(tx.db, [id])).get(id) ?? 0;
    if (input.textNumber > count)
      throw new AppError('unprocessable', `La version ${input.textNumber} du texte n'existe pas.`, {
        errors: [{ field: 'textNumber', message: `La version ${input.textNumber} du texte n'existe pas.` }],
      });
    const comment = await insertComment(tx.db, {
      agreementId: id,
      textNumber: input.textNumber,
      body: input.body,
      authorId: actor.userId,
      authorOrganisationId: actor.organisationId,
    });
    await recordAudit(tx, {
      action: 'agreement.comment',
      targetType: 'agreement',
      targetId: id,
      after: { commentId: comment.id, textNumber: input.textNumber },
    });
  });
}
