import { and, asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { acceptanceExecutionFiles, acceptanceExecutions } from '../../db/schema.ts';

/** The evidence files of executions: metadata only, the bytes are on disk (lib/attachment-files.ts). */

const summary = {
  id: acceptanceExecutionFiles.id,
  executionId: acceptanceExecutionFiles.executionId,
  kind: acceptanceExecutionFiles.kind,
  fileName: acceptanceExecutionFiles.fileName,
  mediaType: acceptanceExecutionFiles.mediaType,
  size: acceptanceExecutionFiles.size,
  createdAt: acceptanceExecutionFiles.createdAt,
};

/** The execution a file goes with, and its campaign. */
export async function findExecutionRef(db: Executor, executionId: string) {
  const [row] = await db
    .select({ id: acceptanceExecutions.id, campaignId: acceptanceExecutions.campaignId })
    .from(acceptanceExecutions)
    .where(eq(acceptanceExecutions.id, executionId));
  return row ?? null;
}

/** Every file of a campaign's executions, oldest first. */
export async function executionFilesOf(db: Executor, campaignId: string) {
  return db
    .select(summary)
    .from(acceptanceExecutionFiles)
    .innerJoin(acceptanceExecutions, eq(acceptanceExecutions.id, acceptanceExecutionFiles.executionId))
    .where(eq(acceptanceExecutions.campaignId, campaignId))
    .orderBy(asc(acceptanceExecutionFiles.createdAt), asc(acceptanceExecutionFiles.id));
}
export type ExecutionFileRow = Awaited<ReturnType<typeof executionFilesOf>>[number];

export async function countExecutionFiles(db: Executor, executionId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(acceptanceExecutionFiles)
    .where(eq(acceptanceExecutionFiles.executionId, executionId));
  return row?.n ?? 0;
}

export async function insertExecutionFile(
  db: Executor,
  values: typeof acceptanceExecutionFiles.$inferInsert,
) {
  const [row] = await db
    .insert(acceptanceExecutionFiles)
    .values(values)
    .returning({ ...summary, sha256: acceptanceExecutionFiles.sha256 });
  if (!row) throw new Error('execution file insert returned nothing');
  return row;
}

const ofExecution = (executionId: string, fileId: string) =>
  and(eq(acceptanceExecutionFiles.id, fileId), eq(acceptanceExecutionFiles.executionId, executionId));

export async function findExecutionFile(db: Executor, executionId: string, fileId: string) {
  const [row] = await db.select().from(acceptanceExecutionFiles).where(ofExecution(executionId, fileId));
  return row ?? null;
}

export async function deleteExecutionFile(db: Executor, executionId: string, fileId: string) {
  const [removed] = await db
    .delete(acceptanceExecutionFiles)
    .where(ofExecution(executionId, fileId))
    .returning({
      id: acceptanceExecutionFiles.id,
      fileName: acceptanceExecutionFiles.fileName,
      sha256: acceptanceExecutionFiles.sha256,
    });
  return removed ?? null;
}
