import type { AttachmentFiles } from '../../lib/attachment-files.ts';
import { type AttachmentUpload, attachFile, attachmentBody, detachFile } from '../../lib/attachments.ts';
import { requireActor, type ServiceContext, type TxContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import {
  countProjectAttachments,
  deleteProjectAttachment,
  findProjectAttachment,
  insertProjectAttachment,
  listProjectAttachmentRows,
} from './attachments.queries.ts';
import { findProjectSubject } from './projects.queries.ts';
import { accessOf, projectNotFound } from './projects.service.ts';

/**
 * Screenshots and documents of a project, stored and checked as the catalogue's (lib/attachments.ts).
 * Those who may edit the project (`project.update`: its lifecycle's parties) add and remove them;
 * whoever may read it reads them.
 */

const fileNotFound = () =>
  new AppError('notFound', 'Ce fichier est introuvable dans ce projet : il a peut-être été retiré.');

async function projectFor(
  ctx: ServiceContext,
  authorizer: Authorizer,
  id: string,
  action: 'project.read' | 'project.update',
  options: { lock?: boolean } = {},
) {
  const actor = requireActor(ctx);
  const project = await findProjectSubject(ctx.db, id, options);
  if (!project) throw projectNotFound();
  authorizer.authorize(actor, action, accessOf(project));
  return project;
}

/** The write check, before reading an upload that would be refused anyway. */
export async function assertMayAttach(ctx: ServiceContext, authorizer: Authorizer, projectId: string) {
  await projectFor(ctx, authorizer, projectId, 'project.update');
}

export async function listProjectAttachments(ctx: ServiceContext, authorizer: Authorizer, projectId: string) {
  await projectFor(ctx, authorizer, projectId, 'project.read');
  return listProjectAttachmentRows(ctx.db, projectId);
}

export async function addProjectAttachment(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  projectId: string,
  upload: AttachmentUpload,
) {
  return attachFile(ctx, files, upload, {
    lock: (tx) => lockForFiles(tx, authorizer, projectId),
    count: (tx) => countProjectAttachments(tx.db, projectId),
    subject: 'Un projet',
    insert: (tx, file) => insertProjectAttachment(tx.db, { ...file, projectId }),
    audit: { action: 'project.attach', targetType: 'project', targetId: projectId },
  });
}

/** The project, locked: two uploads at once count the files one after the other. */
const lockForFiles = (tx: TxContext, authorizer: Authorizer, projectId: string) =>
  projectFor(tx, authorizer, projectId, 'project.update', { lock: true });

export async function getProjectAttachment(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  projectId: string,
  attachmentId: string,
) {
  await projectFor(ctx, authorizer, projectId, 'project.read');
  const row = await findProjectAttachment(ctx.db, projectId, attachmentId);
  if (!row) throw fileNotFound();
  return attachmentBody(ctx, files, row);
}

/** Removes the row, then — once that is committed — the file. */
export async function removeProjectAttachment(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  projectId: string,
  attachmentId: string,
) {
  await detachFile(ctx, files, attachmentId, {
    lock: (tx) => lockForFiles(tx, authorizer, projectId),
    remove: (tx) => deleteProjectAttachment(tx.db, projectId, attachmentId),
    notFound: fileNotFound,
    audit: { action: 'project.detach', targetType: 'project', targetId: projectId },
  });
}
