import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './client.ts';

let database: DatabaseHandle | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

async function sharedBuffers(handle: DatabaseHandle) {
  const result = (await handle.db.execute(sql`SHOW shared_buffers`)) as unknown as {
    rows: { shared_buffers: string }[];
  };
  return result.rows[0]?.shared_buffers;
}

// The embedded database's cache lives in the server's own memory: it is kept small (bench/memory.ts).
describe.skipIf(process.env.DATABASE_URL)('embedded database', { timeout: 120_000 }, () => {
  it('starts with a 16 MB buffer cache rather than PostgreSQL’s 128 MB', async () => {
    database = await openDatabase({});
    expect(await sharedBuffers(database)).toBe('16MB');
  });

  it('takes the cache size it is given', async () => {
    database = await openDatabase({ sharedBuffers: '32MB' });
    expect(await sharedBuffers(database)).toBe('32MB');
  });
});
