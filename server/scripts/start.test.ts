import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * `npm start` gives the server the C library's malloc settings (docs/architecture.md, "Decisions"):
 * glibc reads them when the process starts, so they must be in the environment the server is started
 * with. The launch part of the script (after the build) runs here in `sh`, as npm runs it, with a
 * `node` on the PATH that prints what it was given.
 */
const root = path.resolve(import.meta.dirname, '../..');
const start = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start as string;
const launch = start.split('&&').at(-1)?.trim() as string;
const bin = mkdtempSync(path.join(tmpdir(), 'mutualis-start-'));
writeFileSync(
  path.join(bin, 'node'),
  '#!/bin/sh\necho "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX MALLOC_MMAP_THRESHOLD_=$MALLOC_MMAP_THRESHOLD_ $*"\n',
);
chmodSync(path.join(bin, 'node'), 0o755);
afterAll(() => rmSync(bin, { recursive: true, force: true }));

const run = (env: Record<string, string> = {}) =>
  execFileSync('sh', ['-c', launch], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: `${bin}:${process.env.PATH}`, ...env },
  }).trim();

describe('npm start', () => {
  test('starts the compiled server with the malloc settings and the engine flags', () => {
    expect(run()).toBe(
      'MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072 --enable-source-maps --max-semi-space-size=2 --heap-growing-percent=20 build/server/main.js',
    );
  });

  test('keeps the values the service sets itself', () => {
    expect(run({ MALLOC_ARENA_MAX: '4', MALLOC_MMAP_THRESHOLD_: '65536' })).toMatch(
      /^MALLOC_ARENA_MAX=4 MALLOC_MMAP_THRESHOLD_=65536 --enable-source-maps /,
    );
  });
});
