import type { AttachmentFiles } from '../../lib/attachment-files.ts';
import {
  type AttachmentUpload,
  attachmentBody,
  auditAttachment,
  checkedAttachment,
  discardAttachmentFile,
  MAX_ATTACHMENTS_PER_SUBJECT,
  storeAttachment,
  tooManyAttachments,
} from '../../lib/attachments.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import {
  countCallAttachments,
  deleteCallAttachment,
  findCallAttachment,
  insertCallAttachment,
  listCallAttachmentRows,
} from './attachments.queries.ts';
import { accessOf, visibleCall } from './calls.service.ts';

/**
 * The documents of a call (terms, answer templates), stored and checked as the catalogue's files. Its
 * issuer adds and removes them; whoever may read the call reads them (a draft's: its issuer only).
 */

const fileNotFound = () =>
  new AppError('notFound', 'Ce fichier est introuvable dans cet appel : il a peut-être été retiré.');

async function callFor(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  write: boolean,
  options = { lock: false },
) {
  const call = await visibleCall(ctx, authorizer, id, options);
  if (write) authorizer.authorize(requireActor(ctx), 'call.update', accessOf(call));
  return call;
}

export async function assertMayAttachToCall(ctx: ServiceContext, authorizer: Authorizer, callId: string) {
  await callFor(ctx, authorizer, callId, true);
}

export async function listCallAttachments(ctx: ServiceContext, authorizer: Authorizer, callId: string) {
  await callFor(ctx, authorizer, callId, false);
  return listCallAttachmentRows(ctx.db, callId);
}

export async function addCallAttachment(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  callId: string,
  upload: AttachmentUpload,
) {
  const actor = requireActor(ctx);
  const file = await checkedAttachment(upload);
  return storeAttachment(files, upload.content, (id) =>
    inTransaction(ctx, async (tx) => {
      // The call, locked: two uploads at once count the files one after the other.
      await callFor(tx, authorizer, callId, true, { lock: true });
      if ((await countCallAttachments(tx.db, callId)) >= MAX_ATTACHMENTS_PER_SUBJECT)
        throw tooManyAttachments('Un appel à projets');
      const row = await insertCallAttachment(tx.db, { ...file, id, callId, uploadedBy: actor.userId });
      await auditAttachment(
        tx,
        { action: 'call.attach', targetType: 'call', targetId: callId },
        { added: row },
      );
      return row;
    }),
  );
}

export async function getCallAttachment(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  callId: string,
  attachmentId: string,
) {
  await callFor(ctx, authorizer, callId, false);
  const row = await findCallAttachment(ctx.db, callId, attachmentId);
  if (!row) throw fileNotFound();
  return attachmentBody(ctx, files, row);
}

/** Removes the row, then — once that is committed — the file. */
export async function removeCallAttachment(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  callId: string,
  attachmentId: string,
) {
  await inTransaction(ctx, async (tx) => {
    await callFor(tx, authorizer, callId, true, { lock: true });
    const removed = await deleteCallAttachment(tx.db, callId, attachmentId);
    if (!removed) throw fileNotFound();
    await auditAttachment(tx, { action: 'call.detach', targetType: 'call', targetId: callId }, { removed });
  });
  await discardAttachmentFile(ctx, files, attachmentId);
}
