import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { EMBEDDED_SHARED_BUFFERS } from '../config.ts';
import { type Database, type DatabaseHandle, type DatabaseOptions, MIGRATIONS_FOLDER } from './client.ts';
import * as schema from './schema.ts';

/** Where PostgreSQL's own files live inside `MUTUALIS_DATA_DIR` (beside the attachments). */
export function embeddedDataPath(dataDir: string) {
  return path.join(dataDir, 'pgdata');
}

/** The PGlite instance itself, with the extensions the migrations need (the CLI's backup uses it). */
export async function createEmbeddedClient(options: DatabaseOptions) {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  return PGlite.create(options.dataDir ? embeddedDataPath(options.dataDir) : undefined, {
    extensions: { unaccent, pg_trgm },
    startParams: [
      ...PGlite.defaultStartParams,
      '-c',
      `shared_buffers=${options.sharedBuffers ?? EMBEDDED_SHARED_BUFFERS}`,
    ],
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
}

/** The embedded PostgreSQL (PGlite, in WebAssembly) in `options.dataDir`, or in memory without one. */
export async function openEmbeddedDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const client = await createEmbeddedClient(options);
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    kind: 'embedded',
    exclusively: (work) => work(),
    migrate: () => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}
