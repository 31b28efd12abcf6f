import { COMMENT_EDIT_WINDOW_MS } from '../../../common/projects.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext, type TxContext } from '../../lib/context.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { commentAdded, commentEdited } from '../notifications/emitters.ts';
import { insertComment, listComments, lockComment, updateComment } from './comments.queries.ts';
import { findProjectSubject } from './projects.queries.ts';
import { projectNotFound } from './projects.service.ts';

/** The clock comments are dated by (tests move it). */
export type Clock = () => Date;

async function projectOrNotFound(ctx: ServiceContext, projectId: string) {
  const project = await findProjectSubject(ctx.db, projectId);
  if (!project) throw projectNotFound();
  return project;
}

export async function projectComments(ctx: ServiceContext, projectId: string) {
  requireActor(ctx);
  await projectOrNotFound(ctx, projectId);
  return listComments(ctx.db, projectId);
}

export async function addComment(
  ctx: ServiceContext,
  authorizer: Authorizer,
  projectId: string,
  body: string,
  now: Clock,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'project.comment');
  const project = await projectOrNotFound(ctx, projectId);
  return inTransaction(ctx, async (tx) => {
    const row = await insertComment(tx.db, { projectId, authorId: actor.userId, body, createdAt: now() });
    await recordAudit(tx, {
      action: 'project.comment',
      targetType: 'project',
      targetId: projectId,
      before: null,
      after: { commentId: row.id, body },
    });
    await commentAdded(tx, project, body);
    return row.id;
  });
}

/** The comment, locked for the change; 404 when it does not exist or was deleted. */
async function lockLiveComment(tx: TxContext, projectId: string, commentId: string) {
  const comment = await lockComment(tx.db, projectId, commentId);
  if (!comment || comment.deletedAt)
    throw new AppError('notFound', 'Ce commentaire est introuvable ou a été supprimé.');
  return comment;
}

/** Its author edits a comment within 15 minutes of writing it; afterwards it stays as it was read. */
export async function editComment(
  ctx: ServiceContext,
  projectId: string,
  commentId: string,
  body: string,
  now: Clock,
) {
  const actor = requireActor(ctx);
  const project = await projectOrNotFound(ctx, projectId);
  await inTransaction(ctx, async (tx) => {
    const comment = await lockLiveComment(tx, projectId, commentId);
    if (comment.authorId !== actor.userId) throw forbidden('Seul son auteur peut modifier un commentaire.');
    if (now().getTime() - comment.createdAt.getTime() > COMMENT_EDIT_WINDOW_MS)
      throw new AppError(
        'unprocessable',
        'Un commentaire se modifie dans les 15 minutes qui suivent sa publication : écrivez-en un nouveau.',
      );
    await updateComment(tx.db, commentId, { body, editedAt: now() });
    await recordAudit(tx, {
      action: 'project.editComment',
      targetType: 'project',
      targetId: projectId,
      before: { commentId, body: comment.body },
      after: { commentId, body },
    });
    await commentEdited(tx, project, comment.body, body);
  });
}

/** Its author or an administrator deletes a comment: it keeps its place in the thread, without its text. */
export async function deleteComment(
  ctx: ServiceContext,
  authorizer: Authorizer,
  projectId: string,
  commentId: string,
  now: Clock,
) {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const comment = await lockLiveComment(tx, projectId, commentId);
    if (comment.authorId !== actor.userId && !authorizer.can(actor, 'project.moderateComments'))
      throw forbidden('Seuls son auteur et un administrateur peuvent supprimer un commentaire.');
    await updateComment(tx.db, commentId, { body: '', deletedAt: now() });
    await recordAudit(tx, {
      action: 'project.deleteComment',
      targetType: 'project',
      targetId: projectId,
      before: { commentId, body: comment.body, authorId: comment.authorId },
      after: { commentId, deleted: true },
    });
  });
}
