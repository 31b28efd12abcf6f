import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, MIGRATIONS_FOLDER } from './client.ts';

interface Journal {
  entries: { tag: string }[];
}

/** Number of migrations shipped with this build and number recorded as applied in the database. */
export async function migrationStatus(db: Database): Promise<{ expected: number; applied: number }> {
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  let applied = 0;
  try {
    const result = (await db.execute(
      sql`SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations`,
    )) as {
      rows: { count: number }[];
    };
    applied = Number(result.rows[0]?.count ?? 0);
  } catch {
    applied = 0;
  }
  return { expected: journal.entries.length, applied };
}
