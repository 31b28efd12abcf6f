import type { AttachmentFiles } from '../../lib/attachment-files.ts';
import { type AttachmentUpload, attachFile, attachmentBody, detachFile } from '../../lib/attachments.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { findCampaign } from './campaigns.queries.ts';
import { campaignAccess, campaignNotFound } from './campaigns.service.ts';
import {
  countExecutionFiles,
  deleteExecutionFile,
  findExecutionFile,
  findExecutionRef,
  insertExecutionFile,
} from './execution-files.queries.ts';

/**
 * Files given as evidence of an execution (a screenshot of the failure, the exported result), stored and
 * checked as every file of the portal (lib/attachments.ts). The campaign's named testers add and remove
 * them while it is in progress; whoever reads the campaign downloads them.
 */

const executionNotFound = () =>
  new AppError('notFound', "Cette exécution n'existe pas dans une campagne de recette.");
const fileNotFound = () =>
  new AppError('notFound', 'Ce fichier est introuvable pour cette exécution : il a peut-être été retiré.');

/** The execution and its campaign, the actor a named tester of it, the campaign in progress (locked when writing). */
async function executionFor(
  ctx: ServiceContext,
  authorizer: Authorizer,
  executionId: string,
  write: boolean,
) {
  const actor = requireActor(ctx);
  const execution = await findExecutionRef(ctx.db, executionId);
  if (!execution) throw executionNotFound();
  const campaign = await findCampaign(ctx.db, execution.campaignId, { lock: write });
  if (!campaign) throw campaignNotFound();
  if (!write) {
    authorizer.authorize(actor, 'campaign.read');
    return execution;
  }
  authorizer.authorize(actor, 'campaign.execute', await campaignAccess(ctx.db, actor, campaign));
  if (campaign.state !== 'inProgress')
    throw new AppError(
      'conflict',
      "Les preuves d'une exécution se joignent pendant la campagne : elle n'est pas en cours.",
    );
  return execution;
}

/** The write check, before reading an upload that would be refused anyway. */
export async function assertMayAttachToExecution(
  ctx: ServiceContext,
  authorizer: Authorizer,
  executionId: string,
) {
  await inTransaction(ctx, (tx) => executionFor(tx, authorizer, executionId, true));
}

export async function addExecutionFile(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  executionId: string,
  upload: AttachmentUpload,
) {
  return attachFile(ctx, files, upload, {
    lock: (tx) => executionFor(tx, authorizer, executionId, true),
    count: (tx) => countExecutionFiles(tx.db, executionId),
    subject: 'Une exécution',
    insert: (tx, file) => insertExecutionFile(tx.db, { ...file, executionId }),
    audit: (execution) => ({
      action: 'campaign.attach',
      targetType: 'acceptanceCampaign',
      targetId: execution.campaignId,
    }),
    described: (row) => ({ ...row, executionId }),
  });
}

export async function getExecutionFile(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  executionId: string,
  fileId: string,
) {
  await executionFor(ctx, authorizer, executionId, false);
  const row = await findExecutionFile(ctx.db, executionId, fileId);
  if (!row) throw fileNotFound();
  return attachmentBody(ctx, files, row);
}

export async function removeExecutionFile(
  ctx: ServiceContext,
  authorizer: Authorizer,
  files: AttachmentFiles,
  executionId: string,
  fileId: string,
) {
  await detachFile(ctx, files, fileId, {
    lock: (tx) => executionFor(tx, authorizer, executionId, true),
    remove: (tx) => deleteExecutionFile(tx.db, executionId, fileId),
    notFound: fileNotFound,
    audit: (execution) => ({
      action: 'campaign.detach',
      targetType: 'acceptanceCampaign',
      targetId: execution.campaignId,
    }),
    described: (removed) => ({ ...removed, executionId }),
  });
}
