/**
 * The start-up lock: two servers preparing one empty PostgreSQL database at once — migrations, reference
 * lists, demo data — leave it as one alone would, with one set of demo rows.
 *
 * PostgreSQL only: the embedded database (PGlite) belongs to the one process that opens it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { DEMO_ACCOUNTS } from '../modules/auth/demo-accounts.ts';
import { adminUrl, databaseUrl, dropDatabase } from '../test/database-urls.ts';
import { type DatabaseHandle, openDatabase } from './client.ts';
import { prepareDatabase } from './prepare.ts';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('the start-up lock (PostgreSQL server)', () => {
  const name = `mutualis_prepare_${randomBytes(6).toString('hex')}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mutualis-prepare-'));
  const handles: DatabaseHandle[] = [];

  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.close()));
    const admin = new pg.Client({ connectionString: adminUrl(url as string) });
    await admin.connect();
    await dropDatabase(admin, name);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('two servers preparing an empty database with the demo at once leave one set of demo rows', async () => {
    const admin = new pg.Client({ connectionString: adminUrl(url as string) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const config = loadConfig({
      MUTUALIS_LOG_LEVEL: 'silent',
      MUTUALIS_DEMO: 'true',
      MUTUALIS_DATA_DIR: dataDir,
    });
    for (let i = 0; i < 2; i += 1)
      handles.push(await openDatabase({ url: databaseUrl(url as string, name) }));
    const results = await Promise.all(handles.map((handle) => prepareDatabase(handle, config)));

    // One of them seeded each part of the demo, the other found it there.
    const [first, second] = results as [(typeof results)[number], (typeof results)[number]];
    const parts = Object.keys(first).filter((key) => key !== 'reference') as (keyof typeof first)[];
    expect(parts.length).toBeGreaterThan(10);
    for (const part of parts) expect(Math.min(Number(first[part]), Number(second[part]))).toBe(0);
    expect([first.demoAccountsCreated, second.demoAccountsCreated].sort()).toEqual([0, DEMO_ACCOUNTS.length]);
    const applications = [first.demoApplicationsCreated ?? 0, second.demoApplicationsCreated ?? 0];
    const client = new pg.Client({ connectionString: databaseUrl(url as string, name) });
    await client.connect();
    try {
      const count = async (query: string) => Number((await client.query(query)).rows[0]?.n);
      const emails = DEMO_ACCOUNTS.map((account) => account.email);
      expect(await count(`SELECT count(*) AS n FROM users WHERE email IN ('${emails.join("','")}')`)).toBe(
        DEMO_ACCOUNTS.length,
      );
      expect(await count('SELECT count(*) AS n FROM applications')).toBe(Math.max(...applications));
      expect(Math.max(...applications)).toBeGreaterThan(0);
      expect(await count('SELECT count(DISTINCT code) AS n FROM organisations')).toBe(
        await count('SELECT count(*) AS n FROM organisations'),
      );
    } finally {
      await client.end();
    }
  }, 300_000);
});
