import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { login } from '../test/harness.ts';
import { createEmbeddedClient } from './client.embedded.ts';
import { MIGRATIONS_FOLDER, openDatabase } from './client.ts';
import {
  insertOldRows,
  OLD_RELEASE_IDS,
  OLD_RELEASE_MIGRATIONS,
  OLD_RELEASE_PASSWORD,
  oldRowsAsTheyRead,
} from './migrations.old-release.ts';

/** PGlite instances made here, each running dozens of migrations: generous bounds on a loaded machine. */
const TIMEOUT_MS = 300_000;
const journal = (
  JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  }
).entries.map((entry) => entry.tag);
const irreversible = JSON.parse(
  readFileSync(path.join(MIGRATIONS_FOLDER, 'irreversible.json'), 'utf8'),
) as Record<string, string>;
const downFile = (tag: string) => path.join(MIGRATIONS_FOLDER, 'down', `${tag}.sql`);
const upFile = (tag: string) => path.join(MIGRATIONS_FOLDER, `${tag}.sql`);

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** What a migration changes, read from PostgreSQL's catalogue: equal when the schemas are the same. */
async function schemaOf(client: PGlite) {
  const { rows } = await client.query<{ item: string }>(`
    SELECT 'extension ' || extname AS item FROM pg_extension
    UNION ALL SELECT format('column %s.%s %s %s %s %s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
        a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attgenerated)
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
    UNION ALL SELECT format('constraint %s.%s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t
      JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal
    UNION ALL SELECT 'function ' || pg_get_functiondef(p.oid) FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace AND p.prokind = 'f'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    ORDER BY 1`);
  return rows.map((row) => row.item);
}

describe('every migration is reversible or says why not', () => {
  it('has a down SQL beside it or a reason in irreversible.json, never both', () => {
    expect(journal.length).toBeGreaterThan(30);
    const missing = journal.filter((tag) => !existsSync(downFile(tag)) && !irreversible[tag]);
    expect(missing, 'add down/<tag>.sql or a reason in irreversible.json').toEqual([]);
    expect(journal.filter((tag) => existsSync(downFile(tag)) && irreversible[tag])).toEqual([]);
    for (const [tag, reason] of Object.entries(irreversible)) {
      if (tag === '$comment') continue;
      expect(journal).toContain(tag);
      expect(reason.length, `the reason of ${tag}`).toBeGreaterThan(40);
    }
    const downs = readdirSync(path.join(MIGRATIONS_FOLDER, 'down')).map((file) => file.replace(/\.sql$/, ''));
    expect(downs.filter((tag) => !journal.includes(tag))).toEqual([]);
  });

  /**
   * Migrations are applied one by one, the schema read after each; then, from the top of each run of
   * reversible migrations, every down brings back exactly the schema of the migration before it.
   */
  it(
    'brings back, with each down, the schema the migration started from',
    async () => {
      const stops = journal.flatMap((tag, index) => (irreversible[tag] ? [index] : []));
      const runs: { from: number; to: number }[] = [];
      let from = 0;
      for (const stop of [...stops, journal.length]) {
        if (stop - 1 >= from) runs.push({ from, to: stop - 1 });
        from = stop + 1;
      }
      expect(runs.reduce((sum, run) => sum + run.to - run.from + 1, 0)).toBe(journal.length - stops.length);
      for (const run of runs.reverse()) {
        const client = await createEmbeddedClient({});
        try {
          const before: string[][] = [await schemaOf(client)];
          for (let index = 0; index <= run.to; index++) {
            await client.exec(readFileSync(upFile(journal[index] as string), 'utf8'));
            before.push(await schemaOf(client));
          }
          for (let index = run.to; index >= run.from; index--) {
            const tag = journal[index] as string;
            await client.exec(readFileSync(downFile(tag), 'utf8'));
            expect(await schemaOf(client), `down/${tag}.sql`).toEqual(before[index]);
          }
        } finally {
          await client.close();
        }
      }
    },
    TIMEOUT_MS,
  );
});

describe('a database of the previous release', () => {
  it(
    'is migrated forward with its rows, and the server starts on it',
    async () => {
      // The previous release's migrations only: the shipped files with a journal cut after them.
      const oldFolder = mkdtempSync(path.join(tmpdir(), 'mutualis-old-migrations-'));
      folders.push(oldFolder);
      cpSync(MIGRATIONS_FOLDER, oldFolder, { recursive: true });
      const oldJournal = JSON.parse(readFileSync(path.join(oldFolder, 'meta', '_journal.json'), 'utf8'));
      oldJournal.entries = oldJournal.entries.slice(0, OLD_RELEASE_MIGRATIONS);
      writeFileSync(path.join(oldFolder, 'meta', '_journal.json'), JSON.stringify(oldJournal));

      const dataDir = mkdtempSync(path.join(tmpdir(), 'mutualis-old-release-'));
      folders.push(dataDir);
      mkdirSync(dataDir, { recursive: true });
      const old = await createEmbeddedClient({ dataDir });
      await migrate(drizzle({ client: old }), { migrationsFolder: oldFolder });
      await insertOldRows(old, await hashPassword(OLD_RELEASE_PASSWORD));
      const written = await oldRowsAsTheyRead(old);
      await old.close();

      // Started as the server starts: open the folder, apply what is new.
      const database = await openDatabase({ dataDir });
      try {
        await database.migrate();
        const { rows } = (await database.db.execute(
          'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations',
        )) as {
          rows: { n: number }[];
        };
        expect(rows[0]?.n).toBe(journal.length);
        const client = (database.db as unknown as { $client: PGlite }).$client;
        expect(await oldRowsAsTheyRead(client)).toEqual(written);

        const config = { ...loadConfig({ MUTUALIS_LOG_LEVEL: 'silent', MUTUALIS_DEMO: 'false' }), dataDir };
        const app = await buildApp({ db: database.db, config, logger: false });
        try {
          const ready = await app.inject({ method: 'GET', url: '/health/ready' });
          expect(ready.statusCode).toBe(200);
          // The old release's people sign in and find their sheet.
          const developer = await login(app, 'dev.ancien@cpam69.fr', OLD_RELEASE_PASSWORD);
          const sheet = await developer.get(`/api/applications/${OLD_RELEASE_IDS.application}`);
          expect(sheet.statusCode).toBe(200);
          expect(sheet.json()).toMatchObject({
            code: 'ANCIEN-1',
            name: 'Registre des courriers (ancienne version)',
          });
        } finally {
          await app.close();
        }
      } finally {
        await database.close();
      }
    },
    TIMEOUT_MS,
  );
});
