import type { AttachmentFiles } from '../../lib/attachment-files.ts';
import { type AttachmentUpload, attachFile, attachmentBody, detachFile } from '../../lib/attachments.ts';
import type { ServiceContext, TxContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import {
  countTicketAttachments,
  deleteTicketAttachment,
  findTicketAttachment,
  insertTicketAttachment,
  listTicketAttachments,
} from './tickets.queries.ts';
import { readableTicket } from './tickets.service.ts';

/**
 * Screenshots and documents of a ticket, stored and checked as every file of the portal
 * (lib/attachments.ts): whoever may write in the ticket attaches and removes them while it is live.
 */

const fileNotFound = () =>
  new AppError('notFound', 'Ce fichier est introuvable dans ce ticket : il a peut-être été retiré.');

async function writableTicket(ctx: ServiceContext, authorizer: Authorizer, id: string, lock = false) {
  const ticket = await readableTicket(ctx, authorizer, id, { lock });
  if (ticket.state !== 'open' && ticket.state !== 'escalated')
    throw new AppError('conflict', 'Ce ticket est résolu ou retiré : ses fichiers ne changent plus.');
  return ticket;
}

export async function assertMayAttach(ctx: ServiceContext, authorizer: Authorizer, ticketId: string) {
  await writableTicket(ctx, authorizer, ticketId);
}

export async function listSupportAttachments(ctx: ServiceContext, authorizer: Authorizer, ticketId: string) {
  await readableTicket(ctx, authorizer, ticketId);
  return listTicketAttachments(ctx.db, ticketId);
}

const lockForFiles = (tx: TxContext, authorizer: Authorizer, ticketId: string) =>
  writableTicket(tx, authorizer, ticketId, true);

export async function addSupportAttachment(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  ticketId: string,
  upload: AttachmentUpload,
) {
  return attachFile(ctx, files, upload, {
    lock: (tx) => lockForFiles(tx, authorizer, ticketId),
    count: (tx) => countTicketAttachments(tx.db, ticketId),
    subject: 'Un ticket',
    insert: (tx, file) => insertTicketAttachment(tx.db, { ...file, ticketId }),
    audit: { action: 'supportTicket.attach', targetType: 'supportTicket', targetId: ticketId },
  });
}

export async function getSupportAttachment(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  ticketId: string,
  attachmentId: string,
) {
  await readableTicket(ctx, authorizer, ticketId);
  const row = await findTicketAttachment(ctx.db, ticketId, attachmentId);
  if (!row) throw fileNotFound();
  return attachmentBody(ctx, files, row);
}

export async function removeSupportAttachment(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  ticketId: string,
  attachmentId: string,
) {
  await detachFile(ctx, files, attachmentId, {
    lock: (tx) => lockForFiles(tx, authorizer, ticketId),
    remove: (tx) => deleteTicketAttachment(tx.db, ticketId, attachmentId),
    notFound: fileNotFound,
    audit: { action: 'supportTicket.detach', targetType: 'supportTicket', targetId: ticketId },
  });
}
