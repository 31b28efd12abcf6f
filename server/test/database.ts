import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';
import { adminUrl, databaseUrl, dropDatabase, TEMPLATE_DATABASE } from './database-urls.ts';

/**
 * A real, migrated database of its own for one test file, with the reference offices loaded:
 * an in-memory PGlite, or — when DATABASE_URL is set — a fresh database on that PostgreSQL server.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const template = inject('embeddedTemplate');
    return openDatabase({ loadDataDir: new Blob([readFileSync(template)]) });
  }
  const pg = (await import('pg')).default;
  const name = `mutualis_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const handle = await openDatabase({ url: databaseUrl(url, name) });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleaner = new pg.Client({ connectionString: adminUrl(url) });
      await cleaner.connect();
      // The pool's connections may still be closing: wait for them (bounded) rather than have FORCE
      // terminate them, which their clients would report as an error after the test.
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const { rows } = await cleaner.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if ((rows[0]?.n ?? 0) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await dropDatabase(cleaner, name);
      await cleaner.end();
    },
  };
}
