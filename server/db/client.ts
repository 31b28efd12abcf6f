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
    return {
      db,
      kind: 'postgres',
      migrate: async () => {
        // An advisory lock keeps two instances starting together from migrating twice.
        const client = await pool.connect();
        try {
          await client.query('SELECT pg_advisory_lock(782301)');
          await migrateNodePostgres(drizzleNodePostgres({ client, schema }), {
            migrationsFolder: MIGRATIONS_FOLDER,
          });
        } finally {
          await client.query('SELECT pg_advisory_unlock(782301)').catch(() => undefined);
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }
  // The embedded database's code (PGlite, ~0.5 MB of JavaScript and its WebAssembly) is loaded only when used.
  const { openEmbeddedDatabase } = await import('./client.embedded.ts');
  return openEmbeddedDatabase(options);
}
