import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: queries accept both. */
export type Executor = Database | Transaction;

export const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface DatabaseHandle {
  db: Database;
  kind: 'embedded' | 'postgres';
  /**
   * Runs `work` holding the start-up lock: on PostgreSQL an advisory lock (STARTUP_LOCK) on a connection
   * of its own, so instances starting together on one database do their schema work in turn — the
   * migrations, the reference lists, the demo data, the job queue's schema and queues. Re-entrant within
   * one handle (`migrate()` takes it too). The embedded database belongs to one process: no lock.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  /** Applies the migrations not yet applied, under the start-up lock. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… ; when absent, an embedded PGlite is used. */
  url?: string | undefined;
  /** Directory of the embedded database; absent = in memory (tests). */
  dataDir?: string | undefined;
  /** A PGlite data-dir dump to start from (tests start from a migrated template). */
  loadDataDir?: Blob | undefined;
  /** PostgreSQL's buffer cache in the embedded database (a PostgreSQL size: 16MB, 128MB…). */
  sharedBuffers?: string | undefined;
}

/**
 * The advisory lock of the start-up (`exclusively`); the reference lists take 782302 inside it, the
 * sign-in throttle 782303.
 */
export const STARTUP_LOCK = 782301;

/** The connection pool behind a PostgreSQL database (none for the embedded one: one connection). */
const POOLS = new WeakMap<Database, pg.Pool>();

/** Connections of the pool: open, idle, and requests waiting for one (`GET /metrics`). */
export function poolStatsOf(db: Database) {
  const pool = POOLS.get(db);
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    const db = drizzleNodePostgres({ client: pool, schema }) as unknown as Database;
    POOLS.set(db, pool);
    let holding = false;
    const exclusively = async <T>(work: () => Promise<T>): Promise<T> => {
      if (holding) return work();
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
        holding = true;
        return await work();
      } finally {
        holding = false;
        // A failed unlock means a broken connection: the pool drops it, and the lock ends with it.
        await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]).catch((error: Error) => {
          broken = error;
        });
        client.release(broken);
      }
    };
    return {
      db,
      kind: 'postgres',
      exclusively,
      migrate: () =>
        exclusively(() =>
          migrateNodePostgres(drizzleNodePostgres({ client: pool, schema }), {
            migrationsFolder: MIGRATIONS_FOLDER,
          }),
        ),
      close: () => pool.end(),
    };
  }
  // The embedded database's code (PGlite, ~0.5 MB of JavaScript and its WebAssembly) is loaded only when used.
  const { openEmbeddedDatabase } = await import('./client.embedded.ts');
  return openEmbeddedDatabase(options);
}
