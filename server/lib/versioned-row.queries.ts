import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor, Transaction } from '../db/client.ts';
import type { SubjectStore } from './lifecycle.ts';

type VersionedTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn };

/**
 * The one adapter that reads, locks and moves a versioned row for the lifecycle executor:
 * `SELECT … FOR NO KEY UPDATE`, then `UPDATE … SET <state>, version = version + 1 WHERE id AND version`.
 * The state is a column, or is read from and written to other columns (e.g. an `archived_at` date).
 */
export function versionedRowStore<T extends VersionedTable, State extends string>(
  table: T,
  state:
    | { column: keyof T['$inferSelect'] & string }
    | { read(row: T['$inferSelect']): State; write(to: State): Partial<T['$inferInsert']> },
): SubjectStore<State, T['$inferSelect']> {
  type Row = T['$inferSelect'];
  const columns = getTableColumns(table);
  const hasUpdatedAt = 'updatedAt' in columns;
  const read = (row: Row): State =>
    'column' in state ? ((row as Record<string, State>)[state.column] as State) : state.read(row);
  const write = (to: State): Record<string, unknown> =>
    'column' in state ? { [state.column]: to } : state.write(to);
  return {
    async load(db: Executor, id: string, options: { lock: boolean }) {
      const query = db
        .select()
        .from(table as PgTable)
        .where(eq(table.id, id))
        .limit(1);
      // NO KEY UPDATE: the row is ours to change, yet rows that merely refer to it (an audit event naming
      // its author, a session of its user) can still be written by others — no deadlock on their keys.
      const rows = (options.lock ? await query.for('no key update') : await query) as Row[];
      return rows[0] ?? null;
    },
    stateOf: read,
    versionOf: (row: Row) => (row as { version: number }).version,
    async apply(db: Transaction, row: Row, to: State) {
      const current = row as { id: string; version: number };
      const rows = (await db
        .update(table)
        .set({
          ...write(to),
          version: sql`${table.version} + 1`,
          ...(hasUpdatedAt ? { updatedAt: sql`now()` } : {}),
        } as never)
        .where(and(eq(table.id, current.id), eq(table.version, current.version)))
        .returning()) as Row[];
      return rows[0] ?? null;
    },
  };
}
