import { and, count, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { applicationAttachments } from '../../../db/schema.ts';

/** An attachment as lists show it: without its content. */
export interface AttachmentSummaryRow {
  id: string;
  kind: string;
  fileName: string;
  mediaType: string;
  size: number;
  createdAt: Date | string;
}

/** The columns of an attachment summary. */
export const attachmentSummaryColumns = {
  id: applicationAttachments.id,
  kind: applicationAttachments.kind,
  fileName: applicationAttachments.fileName,
  mediaType: applicationAttachments.mediaType,
  size: applicationAttachments.size,
  createdAt: applicationAttachments.createdAt,
};

export async function countAttachments(db: Executor, applicationId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(applicationAttachments)
    .where(eq(applicationAttachments.applicationId, applicationId));
  return row?.n ?? 0;
}

export async function insertAttachment(db: Executor, values: typeof applicationAttachments.$inferInsert) {
  const [row] = await db
    .insert(applicationAttachments)
    .values(values)
    .returning({ ...attachmentSummaryColumns, sha256: applicationAttachments.sha256 });
  if (!row) throw new Error('attachment insert returned nothing');
  return row;
}

const ofApplication = (applicationId: string, attachmentId: string) =>
  and(eq(applicationAttachments.id, attachmentId), eq(applicationAttachments.applicationId, applicationId));

/** The attachment with its content, when it belongs to that application. */
export async function findAttachment(db: Executor, applicationId: string, attachmentId: string) {
  const [row] = await db
    .select()
    .from(applicationAttachments)
    .where(ofApplication(applicationId, attachmentId));
  return row ?? null;
}

export async function deleteAttachment(db: Executor, applicationId: string, attachmentId: string) {
  const [removed] = await db
    .delete(applicationAttachments)
    .where(ofApplication(applicationId, attachmentId))
    .returning({
      id: applicationAttachments.id,
      fileName: applicationAttachments.fileName,
      sha256: applicationAttachments.sha256,
    });
  return removed ?? null;
}
