import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompiledServer, runCompiled } from '../test/compiled-cli.ts';
import { embeddedOnlyTitle, inPostgresRun } from '../test/embedded-only.ts';
import { createEmbeddedClient } from './client.embedded.ts';
import { openDatabase } from './client.ts';
import { seedDemoCatalogue } from './demo/seed-catalogue.ts';
import { seedDemoProjects } from './demo/seed-projects.ts';
import { loadReferenceData } from './reference/load-reference.ts';
import { seedDemo } from './seed-demo.ts';
import { tableFingerprints } from './table-fingerprints.ts';

/** Processes opening an embedded PostgreSQL each: generous bounds, a test waits for their exit. */
const TEST_TIMEOUT_MS = 600_000;
const folders: string[] = [];
function folder(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `mutualis-backup-${prefix}-`));
  folders.push(dir);
  return dir;
}

let source: string;
let backupFile: string;
let sourceTables: Awaited<ReturnType<typeof tableFingerprints>>;

/** A database with the demo's accounts, sixty sheets and projects, backed up by the command line. */
beforeAll(async () => {
  if (inPostgresRun) return;
  await buildCompiledServer();
  source = folder('source');
  const database = await openDatabase({ dataDir: source });
  try {
    await database.migrate();
    await loadReferenceData(database.db);
    await seedDemo(database.db, 'demo-password-for-backups');
    await seedDemoCatalogue(database.db);
    await seedDemoProjects(database.db);
    sourceTables = await tableFingerprints(database.db);
  } finally {
    await database.close();
  }
  backupFile = path.join(folder('files'), 'mutualis.tar.gz');
  const backup = await runCompiled(source, 'cli', ['backup', backupFile]);
  expect(backup.stderr).toBe('');
  expect(backup.code).toBe(0);
  expect(backup.stdout).toContain(`Sauvegarde écrite : ${backupFile}`);
}, TEST_TIMEOUT_MS);
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(inPostgresRun)(
  embeddedOnlyTitle('backup and restore of the embedded database'),
  { timeout: TEST_TIMEOUT_MS, concurrent: true },
  () => {
    it('restores into a new data folder every row of every table', async ({ expect }) => {
      const target = folder('restored');
      const restore = await runCompiled(target, 'cli', ['restore', backupFile]);
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      expect(restore.stdout).toMatch(/Base restaurée dans .* \(\d+ tables\)/);
      const database = await openDatabase({ dataDir: target });
      try {
        const restored = await tableFingerprints(database.db);
        expect(restored).toEqual(sourceTables);
      } finally {
        await database.close();
      }
      // The comparison means something: the demo filled many tables, with thousands of rows.
      const filled = sourceTables.filter((table) => table.rows > 0);
      expect(filled.length).toBeGreaterThan(20);
      expect(filled.reduce((sum, table) => sum + table.rows, 0)).toBeGreaterThan(1000);
      expect(filled.map((table) => table.table)).toEqual(
        expect.arrayContaining([
          'public.applications',
          'public.users',
          'public.projects',
          'drizzle.__drizzle_migrations',
        ]),
      );
    });

    it('never restores over an existing database', async ({ expect }) => {
      const again = await runCompiled(source, 'cli', ['restore', backupFile]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('contient déjà une base : la restauration ne l');
    });

    it('refuses a file that is not a backup, and leaves no half-restored folder', async ({ expect }) => {
      const target = folder('garbage');
      const notABackup = path.join(target, 'notes.txt');
      writeFileSync(notABackup, 'pas une sauvegarde');
      const refused = await runCompiled(target, 'cli', ['restore', notABackup]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("n'est pas une sauvegarde de la base embarquée");
      expect(existsSync(path.join(target, 'pgdata'))).toBe(false);
    });

    it('refuses to back up a database that a server holds open', async ({ expect }) => {
      const held = folder('held');
      const client = await createEmbeddedClient({ dataDir: held });
      try {
        const refused = await runCompiled(held, 'cli', ['backup', path.join(held, 'x.tar.gz')]);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('arrêtez le serveur');
        expect(existsSync(path.join(held, 'x.tar.gz'))).toBe(false);
      } finally {
        await client.close();
      }
    });

    it('sends a PostgreSQL server to pg_dump', async ({ expect }) => {
      const refused = await runCompiled(folder('pg'), 'cli', ['backup', 'x.tar.gz'], {
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('pg_dump');
    });
  },
);
