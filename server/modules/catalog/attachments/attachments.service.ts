import type { AttachmentFiles } from '../../../lib/attachment-files.ts';
import { type AttachmentUpload, attachFile, attachmentBody, detachFile } from '../../../lib/attachments.ts';
import { requireActor, type ServiceContext } from '../../../lib/context.ts';
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
  return attachFile(ctx, files, upload, {
    lock: (tx) => lockApplication(tx, authorizer, applicationId, 'application.update'),
    count: (tx) => countAttachments(tx.db, applicationId),
    subject: 'Une fiche',
    insert: (tx, file) => insertAttachment(tx.db, { ...file, applicationId, content: null }),
    audit: { action: 'application.attach', targetType: 'application', targetId: applicationId },
  });
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
  await detachFile(ctx, files, attachmentId, {
    lock: (tx) => lockApplication(tx, authorizer, applicationId, 'application.update'),
    remove: (tx) => deleteAttachment(tx.db, applicationId, attachmentId),
    notFound: () => notFound('Fichier'),
    audit: { action: 'application.detach', targetType: 'application', targetId: applicationId },
  });
}
