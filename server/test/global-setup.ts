import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';
import { loadReferenceData } from '../db/reference/load-reference.ts';
import { adminUrl, databaseUrl, dropDatabase, TEMPLATE_DATABASE } from './database-urls.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    embeddedTemplate: string;
  }
}

/**
 * Migrates one database and loads the reference data once; each test file then starts from a copy:
 * a PGlite data-dir dump when embedded, a PostgreSQL TEMPLATE database when DATABASE_URL is set.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await dropDatabase(admin, TEMPLATE_DATABASE);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    const template = await openDatabase({ url: databaseUrl(url, TEMPLATE_DATABASE) });
    await template.migrate();
    await loadReferenceData(template.db);
    await template.close();
    project.provide('embeddedTemplate', '');
    return async () => {
      await dropDatabase(admin, TEMPLATE_DATABASE);
      await admin.end();
    };
  }
  const database = await openDatabase({});
  await database.migrate();
  await loadReferenceData(database.db);
  const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  const dir = mkdtempSync(path.join(tmpdir(), 'mutualis-test-'));
  const file = path.join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('embeddedTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
