import type { SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';

/** Runs a raw statement and returns its rows: node-postgres and PGlite both answer `{ rows }`. */
export async function selectRows<T>(db: Executor, statement: SQL): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

/** A count or sum as PostgreSQL sends it (bigint and numeric arrive as strings; none as null). */
export const toNumber = (value: unknown) => Number(value ?? 0);
