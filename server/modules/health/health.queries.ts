import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/** Resolves when the database answers. */
export async function pingDatabase(db: Executor) {
  await db.execute(sql`SELECT 1`);
}
