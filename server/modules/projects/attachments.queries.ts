import { and, asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { projectAttachments } from '../../db/schema.ts';

/** The files of a project: metadata only, the bytes are on disk (lib/attachment-files.ts). */

const summary = {
  id: projectAttachments.id,
  kind: projectAttachments.kind,
  fileName: projectAttachments.fileName,
  mediaType: projectAttachments.mediaType,
  size: projectAttachments.size,
  createdAt: projectAttachments.createdAt,
};

export async function listProjectAttachmentRows(db: Executor, projectId: string) {
  return db
    .select(summary)
    .from(projectAttachments)
    .where(eq(projectAttachments.projectId, projectId))
    .orderBy(asc(projectAttachments.createdAt), asc(projectAttachments.id));
}

export async function countProjectAttachments(db: Executor, projectId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(projectAttachments)
    .where(eq(projectAttachments.projectId, projectId));
  return row?.n ?? 0;
}

export async function insertProjectAttachment(db: Executor, values: typeof projectAttachments.$inferInsert) {
  const [row] = await db
    .insert(projectAttachments)
    .values(values)
    .returning({ ...summary, sha256: projectAttachments.sha256 });
  if (!row) throw new Error('project attachment insert returned nothing');
  return row;
}

const ofProject = (projectId: string, attachmentId: string) =>
  and(eq(projectAttachments.id, attachmentId), eq(projectAttachments.projectId, projectId));

export async function findProjectAttachment(db: Executor, projectId: string, attachmentId: string) {
  const [row] = await db.select().from(projectAttachments).where(ofProject(projectId, attachmentId));
  return row ?? null;
}

export async function deleteProjectAttachment(db: Executor, projectId: string, attachmentId: string) {
  const [removed] = await db.delete(projectAttachments).where(ofProject(projectId, attachmentId)).returning({
    id: projectAttachments.id,
    fileName: projectAttachments.fileName,
    sha256: projectAttachments.sha256,
  });
  return removed ?? null;
}
