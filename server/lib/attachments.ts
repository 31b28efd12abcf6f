import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { z } from 'zod';
import { ATTACHMENT_KINDS, type AttachmentKind } from '../../common/catalog/vocabulary.ts';
import type { AttachmentFiles } from './attachment-files.ts';
import { recordAudit } from './audit.ts';
import { inTransaction, requireActor, type ServiceContext, type TxContext } from './context.ts';
import { AppError, notFound } from './errors.ts';
import { contentDisposition, safeFileName, uploadedFile } from './http.ts';

/**
 * Files attached to a subject (a catalogue sheet, a project): what is accepted, how the bytes are kept
 * beside the row that names them, how they are sent back. The subjects keep their rows in tables of
 * their own and their own rules on who may attach.
 */

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** How many files one subject carries at most. */
export const MAX_ATTACHMENTS_PER_SUBJECT = 30;

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

/** The upload documented in OpenAPI (the route's `config.upload`). */
export const attachmentUpload = {
  file: "Capture d'écran (PNG, JPEG, WebP, GIF) ou document (PDF, Office, OpenDocument) ; 5 Mo au plus.",
  fields: {
    kind: { description: 'Placé avant « file » dans le formulaire.', enum: ['screenshot', 'document'] },
  },
};

/** The file of a multipart upload and its kind (the field « kind », document by default). */
export async function uploadedAttachment(request: FastifyRequest) {
  const file = await uploadedFile(request, MAX_ATTACHMENT_BYTES);
  const kind = z.enum(ATTACHMENT_KINDS).safeParse(file.fields.kind ?? 'document');
  if (!kind.success)
    throw new AppError('badRequest', 'Le champ « kind » vaut screenshot ou document.', {
      errors: [{ field: 'kind', message: 'Choisissez capture d’écran (screenshot) ou document.' }],
    });
  return { kind: kind.data, fileName: file.name, content: file.content };
}
export type AttachmentUpload = Awaited<ReturnType<typeof uploadedAttachment>>;

/** The type comes from the bytes, never from the name or the browser's claim: 415 when it is not accepted. */
export async function checkedAttachment(file: AttachmentUpload) {
  if (file.content.length === 0)
    throw new AppError('badRequest', 'Le fichier est vide.', {
      errors: [{ field: 'file', message: 'Le fichier est vide.' }],
    });
  const detected = await fileTypeFromBuffer(file.content);
  if (!detected || !ACCEPTED_TYPES[file.kind].includes(detected.mime)) {
    const message =
      file.kind === 'screenshot'
        ? "Une capture d'écran doit être une image PNG, JPEG, WebP ou GIF."
        : 'Un document doit être un PDF, un fichier Office (docx, xlsx, pptx), OpenDocument (odt, ods, odp) ou une image.';
    throw new AppError(
      'unsupportedMediaType',
      `${message} Le contenu reçu ${detected ? `est du type ${detected.mime}` : "n'est pas reconnu"}.`,
      { errors: [{ field: 'file', message }] },
    );
  }
  return {
    kind: file.kind,
    fileName: safeFileName(file.fileName),
    mediaType: detected.mime,
    size: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
  };
}

export const tooManyAttachments = (subject: string) =>
  new AppError(
    'unprocessable',
    `${subject} porte au plus ${MAX_ATTACHMENTS_PER_SUBJECT} fichiers : retirez-en un d'abord.`,
  );

/**
 * The bytes go to disk first, then `commit(id)` — the transaction that writes the row naming them —
 * runs; a refusal or a failure removes the file again.
 */
export async function storeAttachment<T>(
  files: AttachmentFiles,
  content: Buffer,
  commit: (id: string) => Promise<T>,
): Promise<T> {
  const id = randomUUID();
  await files.write(id, content);
  try {
    return await commit(id);
  } catch (error) {
    await files.remove(id);
    throw error;
  }
}

/** The audit event of a file attached (`after`: the stored row) or removed (`before`), on its subject. */
export async function auditAttachment(
  tx: TxContext,
  event: { action: string; targetType: string; targetId: string },
  change: { added: { id: string; createdAt?: unknown } } | { removed: { id: string } },
) {
  if ('removed' in change) return recordAudit(tx, { ...event, before: change.removed });
  const { createdAt: _createdAt, id: attachmentId, ...described } = change.added;
  return recordAudit(tx, { ...event, after: { attachmentId, ...described } });
}

export type CheckedAttachment = Awaited<ReturnType<typeof checkedAttachment>>;

/** Where a file is attached: the subject's own lock, count, row and audit event (its rules stay its own). */
export interface AttachmentTarget<Subject, Row extends { id: string }> {
  /** Loads, authorizes and locks the subject in the transaction (two uploads at once count one after the other). */
  lock(tx: TxContext): Promise<Subject>;
  count(tx: TxContext, subject: Subject): Promise<number>;
  /** "Un projet", "Une réponse"…: the subject of the message when it carries its maximum. */
  subject: string;
  insert(
    tx: TxContext,
    file: CheckedAttachment & { id: string; uploadedBy: string },
    subject: Subject,
  ): Promise<Row>;
  /** The audit event's target: the subject's, or read from the locked subject. */
  audit: AuditTarget | ((subject: Subject) => AuditTarget);
  /** What the audit event says of the row (the row itself by default). */
  described?(row: Row): { id: string };
}
type AuditTarget = { action: string; targetType: string; targetId: string };
const auditTarget = <Subject>(audit: AuditTarget | ((subject: Subject) => AuditTarget), subject: Subject) =>
  typeof audit === 'function' ? audit(subject) : audit;

/**
 * Attaches an upload to a subject: the type checked from the bytes, the bytes on disk, then — in one
 * transaction — the subject locked, its maximum checked, the row and its audit event written.
 */
export async function attachFile<Subject, Row extends { id: string }>(
  ctx: ServiceContext,
  files: AttachmentFiles,
  upload: AttachmentUpload,
  target: AttachmentTarget<Subject, Row>,
): Promise<Row> {
  const uploadedBy = requireActor(ctx).userId;
  const file = await checkedAttachment(upload);
  return storeAttachment(files, upload.content, (id) =>
    inTransaction(ctx, async (tx) => {
      const subject = await target.lock(tx);
      if ((await target.count(tx, subject)) >= MAX_ATTACHMENTS_PER_SUBJECT)
        throw tooManyAttachments(target.subject);
      const row = await target.insert(tx, { ...file, id, uploadedBy }, subject);
      await auditAttachment(tx, auditTarget(target.audit, subject), {
        added: target.described?.(row) ?? row,
      });
      return row;
    }),
  );
}

/** Removes a file's row with its audit event, in one transaction with the subject's lock; then the file. */
export async function detachFile<Subject, Row extends { id: string }>(
  ctx: ServiceContext,
  files: AttachmentFiles,
  fileId: string,
  target: {
    lock(tx: TxContext): Promise<Subject>;
    remove(tx: TxContext, subject: Subject): Promise<Row | null | undefined>;
    notFound(): Error;
    audit: AuditTarget | ((subject: Subject) => AuditTarget);
    described?(row: Row): { id: string };
  },
) {
  requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const subject = await target.lock(tx);
    const removed = await target.remove(tx, subject);
    if (!removed) throw target.notFound();
    await auditAttachment(tx, auditTarget(target.audit, subject), {
      removed: target.described?.(removed) ?? removed,
    });
  });
  await discardAttachmentFile(ctx, files, fileId);
}

/** Once the row's removal is committed, the file; one left behind is logged, not an error. */
export async function discardAttachmentFile(ctx: ServiceContext, files: AttachmentFiles, id: string) {
  await files
    .remove(id)
    .catch((err: unknown) =>
      ctx.log.warn({ err, attachmentId: id }, 'attachment file left on disk after its removal'),
    );
}

/** A stored attachment's row, as a download needs it. */
export interface StoredAttachment {
  id: string;
  fileName: string;
  mediaType: string;
  sha256: string;
  /** The bytes, for a catalogue file attached before they moved to disk (migration 0007). */
  content?: Buffer | null;
}

/** The row's metadata and its bytes: from the row when it holds them, else from disk (404 if missing). */
export async function attachmentBody<R extends StoredAttachment>(
  ctx: ServiceContext,
  files: AttachmentFiles,
  row: R,
) {
  const { content, ...metadata } = row;
  if (content) return { ...metadata, body: content as Buffer | NodeJS.ReadableStream, size: content.length };
  const file = await files.open(row.id);
  if (!file) {
    ctx.log.error({ attachmentId: row.id }, 'attachment file missing from the data directory');
    throw notFound('Fichier');
  }
  return { ...metadata, body: file.stream as Buffer | NodeJS.ReadableStream, size: file.size };
}

/** Always as an attachment, typed as detected on upload, in a sandbox: never rendered as a page of ours. */
export function sendAttachment(
  reply: FastifyReply,
  file: Awaited<ReturnType<typeof attachmentBody<StoredAttachment>>>,
) {
  return reply
    .type(file.mediaType)
    .header('Content-Disposition', contentDisposition(file.fileName))
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .header('Cache-Control', 'private, max-age=300')
    .header('ETag', `"${file.sha256}"`)
    .header('Content-Length', String(file.size))
    .send(file.body);
}

/** The path parameters of one attachment of a subject. */
export const attachmentIdSchema = z.uuid({ error: "L'identifiant du fichier n'est pas valide." });
