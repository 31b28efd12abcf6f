import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { AttachmentKind } from '../../../../common/catalog/vocabulary.ts';
import { recordAudit } from '../../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../../lib/context.ts';
import { AppError, notFound } from '../../../lib/errors.ts';
import { safeFileName } from '../../../lib/http.ts';
import type { Authorizer } from '../../../lib/policy.ts';
import { lockApplication } from '../applications/applications.service.ts';
import type { AttachmentFiles } from './attachment-files.ts';
import {
  countAttachments,
  deleteAttachment,
  findAttachment,
  insertAttachment,
} from './attachments.queries.ts';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_APPLICATION = 30;

const IMAGES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const DOCUMENTS = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
];
export const ACCEPTED_TYPES: Record<AttachmentKind, string[]> = {
  screenshot: IMAGES,
  document: [...DOCUMENTS, ...IMAGES],
};

/**
 * The type comes from the bytes, never from the name or the browser's claim. The bytes go to disk
 * first, then the row naming them is committed; a refusal or a failure removes the file again.
 */
export async function addAttachment(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  applicationId: string,
  file: { kind: AttachmentKind; fileName: string; content: Buffer },
) {
  const actor = requireActor(ctx);
  if (file.content.length === 0)
    throw new AppError('badRequest', 'Le fichier est vide.', {
      errors: [{ field: 'file', message: 'Le fichier est vide.' }],
    });
  const detected = await fileTypeFromBuffer(file.content);
  const accepted = ACCEPTED_TYPES[file.kind];
  if (!detected || !accepted.includes(detected.mime)) {
    const message =
      file.kind === 'screenshot'
        ? "Une capture d'écran doit être une image PNG, JPEG, WebP ou GIF."
        : 'Un document doit être un PDF, un fichier Office (docx, xlsx, pptx), OpenDocument (odt, ods, odp) ou une image.';
    throw new AppError(
      'unprocessable',
      `${message} Le contenu reçu ${detected ? `est du type ${detected.mime}` : "n'est pas reconnu"}.`,
      {
        errors: [{ field: 'file', message }],
      },
    );
  }
  const id = randomUUID();
  await files.write(id, file.content);
  const stored = inTransaction(ctx, async (tx) => {
    await lockApplication(tx, authorizer, applicationId, 'application.update');
    if ((await countAttachments(tx.db, applicationId)) >= MAX_ATTACHMENTS_PER_APPLICATION)
      throw new AppError(
        'unprocessable',
        `Une fiche porte au plus ${MAX_ATTACHMENTS_PER_APPLICATION} fichiers : retirez-en un d'abord.`,
      );
    const row = await insertAttachment(tx.db, {
      id,
      applicationId,
      kind: file.kind,
      fileName: safeFileName(file.fileName),
      mediaType: detected.mime,
      size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: null,
      uploadedBy: actor.userId,
    });
    await recordAudit(tx, {
      action: 'application.attach',
      targetType: 'application',
      targetId: applicationId,
      after: {
        attachmentId: row.id,
        kind: row.kind,
        fileName: row.fileName,
        mediaType: row.mediaType,
        size: row.size,
        sha256: row.sha256,
      },
    });
    return row;
  });
  return stored.catch(async (error: unknown) => {
    await files.remove(id);
    throw error;
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
  const { content, ...metadata } = row;
  if (content) return { ...metadata, body: content, size: content.length };
  const file = await files.open(row.id);
  if (!file) {
    ctx.log.error({ attachmentId }, 'attachment file missing from the data directory');
    throw notFound('Fichier');
  }
  return { ...metadata, body: file.stream, size: file.size };
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
    await recordAudit(tx, {
      action: 'application.detach',
      targetType: 'application',
      targetId: applicationId,
      before: removed,
    });
  });
  await files
    .remove(attachmentId)
    .catch((err: unknown) =>
      ctx.log.warn({ err, attachmentId }, 'attachment file left on disk after its removal'),
    );
}
