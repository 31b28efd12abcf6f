import { and, asc, eq } from 'drizzle-orm';
import type { Executor, Transaction } from '../../db/client.ts';
import { organisations, projectComments, users } from '../../db/schema.ts';

export type CommentRow = typeof projectComments.$inferSelect;

/** A project's thread, oldest first, with each author's name and office. */
export async function listComments(db: Executor, projectId: string) {
  return db
    .select({ comment: projectComments, authorName: users.displayName, authorOffice: organisations.name })
    .from(projectComments)
    .innerJoin(users, eq(users.id, projectComments.authorId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(projectComments.projectId, projectId))
    .orderBy(asc(projectComments.createdAt), asc(projectComments.id));
}
export type CommentListRow = Awaited<ReturnType<typeof listComments>>[number];

export async function insertComment(db: Executor, values: typeof projectComments.$inferInsert) {
  const [row] = await db.insert(projectComments).values(values).returning();
  return row as CommentRow;
}

export async function lockComment(db: Transaction, projectId: string, id: string) {
  const [row] = await db
    .select()
    .from(projectComments)
    .where(and(eq(projectComments.id, id), eq(projectComments.projectId, projectId)))
    .for('update');
  return row ?? null;
}

export async function updateComment(
  db: Transaction,
  id: string,
  values: Partial<typeof projectComments.$inferInsert>,
) {
  await db.update(projectComments).set(values).where(eq(projectComments.id, id));
}
