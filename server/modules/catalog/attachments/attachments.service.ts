import type { AttachmentFiles } from '../../../lib/attachment-files.ts';
import {
  type AttachmentUpload,
  attachmentBody,
  auditAttachment,
  checkedAttachment,
  discardAttachmentFile,
  MAX_ATTACHMENTS_PER_SUBJECT,
  storeAttachment,
  tooManyAttachments,
} from '../../../lib/attachments.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../../lib/context.ts';
import { notFound } from '../../../lib/errors.ts';
import type { Authorizer } from '../../../lib/policy.ts';
import { lockApplication } from '../applications/applications.service.ts';
import {
  countAttachments,
  deleteAttachment,
  findAttachment,
  insertAttachment,
} from './attachments.queries.ts';

/** A screenshot or a document of a sheet (lib/attachments.ts: accepted types, bytes on disk first). */
export async function addAttachment(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  applicationId: string,
  upload: AttachmentUpload,
) {
  const actor = requireActor(ctx);
  const file = await checkedAttachment(upload);
  return storeAttachment(files, upload.content, (id) =>
    inTransaction(ctx, async (tx) => {
      await lockApplication(tx, authorizer, applicationId, 'application.update');
      if ((await countAttachments(tx.db, applicationId)) >= MAX_ATTACHMENTS_PER_SUBJECT)
        throw tooManyAttachments('Une fiche');
      const row = await insertAttachment(tx.db, {
        ...file,
        id,
        applicationId,
        content: null,
        uploadedBy: actor.userId,
      });
      await auditAttachment(
        tx,
        { action: 'application.attach', targetType: 'application', targetId: applicationId },
        { added: row },
      );
      return row;
    }),
  );
}

/** The attachment's metadata and its bytes: from disk, or from the row for a file attached before 0007. */
export async function getAttachment(
  ctx: ServiceContext,
  files: AttachmentFiles,
  applicationId: string,
  attachmentId: string,
) {
  requireActor(ctx);
  const row = await findAttachment(ctx.db, applicationId, attachmentId);
  if (!row) throw notFound('Fichier');
  return attachmentBody(ctx, files, row);
}

/** Removes the row, then — once that is committed — the file. */
export async function removeAttachment(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  applicationId: string,
  attachmentId: string,
) {
  requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    await lockApplication(tx, authorizer, applicationId, 'application.update');
    const removed = await deleteAttachment(tx.db, applicationId, attachmentId);
    if (!removed) throw notFound('Fichier');
    await auditAttachment(
      tx,
      { action: 'application.detach', targetType: 'application', targetId: applicationId },
      { removed },
    );
  });
  await discardAttachmentFile(ctx, files, attachmentId);
}
