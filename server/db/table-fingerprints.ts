import { sql } from 'drizzle-orm';
import { selectRows } from '../lib/rows.ts';
import type { Executor } from './client.ts';

export interface TableFingerprint {
  table: string;
  rows: number;
  /** md5 of the table's rows as text, in a fixed order: equal only when every value is. */
  checksum: string;
}

/** Each table of the application (and the migrations' journal) with its row count and checksum. */
export async function tableFingerprints(db: Executor): Promise<TableFingerprint[]> {
  const tables = await selectRows<{ name: string }>(
    db,
    sql`SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
        WHERE schemaname IN ('public', 'drizzle') ORDER BY schemaname, tablename`,
  );
  const result: TableFingerprint[] = [];
  for (const { name } of tables) {
    const [row] = await selectRows<{ rows: number; checksum: string | null }>(
      db,
      sql`SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) AS checksum
          FROM ${sql.raw(name)} AS t`,
    );
    result.push({ table: name, rows: row?.rows ?? 0, checksum: row?.checksum ?? '' });
  }
  return result;
}
