/**
 * Where to keep an attachment's bytes: how long writing and reading a 5 MB file takes, and — what
 * matters for the other requests — the longest the event loop stays blocked meanwhile (a 5 ms timer
 * notes every gap). Compared: one `bytea` value, 64 KB and 256 KB chunks (`bytea` rows, one statement
 * each), and a file on disk beside the database (fs.promises, off the event loop).
 *
 *   npx tsx bench/attachment-storage.ts                              (embedded PGlite, in a temp dir)
 *   source .ci/postgres.sh && npx tsx bench/attachment-storage.ts    (PostgreSQL server: DATABASE_URL)
 *
 * Prints a Markdown table (median of 3 runs; "blocked" is the longest gap of the 3).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

const SIZE = 5 * 1024 * 1024;
const RUNS = 3;

interface Sql {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

async function open(dir: string): Promise<{ name: string; sql: Sql }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const version = (await pool.query('SHOW server_version')).rows[0].server_version;
    return {
      name: `PostgreSQL ${version}`,
      sql: { query: (t, p) => pool.query(t, p), close: () => pool.end() },
    };
  }
  const db = await PGlite.create(path.join(dir, 'pgdata'));
  return {
    name: 'PGlite (embedded, on disk)',
    sql: {
      query: (t, p) => db.query(t, p) as Promise<{ rows: Record<string, unknown>[] }>,
      close: () => db.close(),
    },
  };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Runs fn while a 5 ms timer measures the longest gap between two of its ticks. */
async function timed(fn: () => Promise<unknown>) {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  await fn();
  const total = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(timer);
  return { total, blocked: longest };
}

function chunked(sql: Sql, size: number) {
  return {
    write: async (content: Buffer) => {
      for (let offset = 0, n = 0; offset < content.length; offset += size, n += 1) {
        await sql.query('INSERT INTO chunks (file_id, n, content) VALUES (1, $1, $2)', [
          n,
          content.subarray(offset, offset + size),
        ]);
        await nextTurn();
      }
    },
    read: async () => {
      const parts: Buffer[] = [];
      const { rows } = await sql.query('SELECT count(*)::int AS n FROM chunks WHERE file_id = 1');
      for (let n = 0; n < Number(rows[0]?.n); n += 1) {
        const chunk = await sql.query('SELECT content FROM chunks WHERE file_id = 1 AND n = $1', [n]);
        parts.push(Buffer.from(chunk.rows[0]?.content as Uint8Array));
        await nextTurn();
      }
      return Buffer.concat(parts);
    },
    clear: () => sql.query('DELETE FROM chunks'),
  };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'mutualis-storage-'));
  const { name, sql } = await open(dir);
  await sql.query('DROP TABLE IF EXISTS files, chunks');
  await sql.query('CREATE TABLE files (id int PRIMARY KEY, content bytea)');
  await sql.query('CREATE TABLE chunks (file_id int, n int, content bytea, PRIMARY KEY (file_id, n))');
  const content = randomBytes(SIZE);
  const file = path.join(dir, 'attachment.bin');
  const strategies: Record<
    string,
    { write(c: Buffer): Promise<unknown>; read(): Promise<unknown>; clear(): Promise<unknown> }
  > = {
    'one bytea value': {
      write: (c) => sql.query('INSERT INTO files (id, content) VALUES (1, $1)', [c]),
      read: () => sql.query('SELECT content FROM files WHERE id = 1'),
      clear: () => sql.query('DELETE FROM files'),
    },
    'bytea chunks of 256 KB': chunked(sql, 256 * 1024),
    'bytea chunks of 64 KB': chunked(sql, 64 * 1024),
    'file on disk': {
      write: (c) => writeFile(file, c),
      read: () => readFile(file),
      clear: () => unlink(file),
    },
  };
  console.log(
    `\n${name}, ${SIZE / 1024 / 1024} MB of random bytes, ms (median of ${RUNS}; blocked = longest)\n`,
  );
  console.log('| storage | write | write: loop blocked | read | read: loop blocked |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [label, s] of Object.entries(strategies)) {
    const writes = [];
    const reads = [];
    for (let run = 0; run < RUNS; run += 1) {
      writes.push(await timed(() => s.write(content)));
      reads.push(await timed(() => s.read()));
      await s.clear();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const cell = (xs: { total: number; blocked: number }[]) =>
      `${median(xs.map((x) => x.total)).toFixed(0)} | ${Math.max(...xs.map((x) => x.blocked)).toFixed(0)}`;
    console.log(`| ${label} | ${cell(writes)} | ${cell(reads)} |`);
  }
  await sql.query('DROP TABLE files, chunks');
  await sql.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
