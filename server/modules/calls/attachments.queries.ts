import { and, asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { callAttachments } from '../../db/schema.ts';

/** The documents of a call: metadata only, the bytes are on disk (lib/attachment-files.ts). */

const summary = {
  id: callAttachments.id,
  kind: callAttachments.kind,
  fileName: callAttachments.fileName,
  mediaType: callAttachments.mediaType,
  size: callAttachments.size,
  createdAt: callAttachments.createdAt,
};

export const listCallAttachmentRows = (db: Executor, callId: string) =>
  db
    .select(summary)
    .from(callAttachments)
    .where(eq(callAttachments.callId, callId))
    .orderBy(asc(callAttachments.createdAt), asc(callAttachments.id));

export async function countCallAttachments(db: Executor, callId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(callAttachments)
    .where(eq(callAttachments.callId, callId));
  return row?.n ?? 0;
}

export async function insertCallAttachment(db: Executor, values: typeof callAttachments.$inferInsert) {
  const [row] = await db
    .insert(callAttachments)
    .values(values)
    .returning({ ...summary, sha256: callAttachments.sha256 });
  if (!row) throw new Error('call attachment insert returned nothing');
  return row;
}

const ofCall = (callId: string, attachmentId: string) =>
  and(eq(callAttachments.id, attachmentId), eq(callAttachments.callId, callId));

export async function findCallAttachment(db: Executor, callId: string, attachmentId: string) {
  const [row] = await db.select().from(callAttachments).where(ofCall(callId, attachmentId));
  return row ?? null;
}

export async function deleteCallAttachment(db: Executor, callId: string, attachmentId: string) {
  const [removed] = await db.delete(callAttachments).where(ofCall(callId, attachmentId)).returning({
    id: callAttachments.id,
    fileName: callAttachments.fileName,
    sha256: callAttachments.sha256,
  });
  return removed ?? null;
}
