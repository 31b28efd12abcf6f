import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { type BuildOnceOptions, buildOnce, sourceStamp } from './build-once.ts';

const run = promisify(execFile);
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A checkout in miniature: web sources, shared code, a lockfile and a server file the web does not use. */
function checkout() {
  const root = mkdtempSync(path.join(tmpdir(), 'mutualis-build-'));
  roots.push(root);
  for (const dir of ['web/src', 'common', 'server']) mkdirSync(path.join(root, dir), { recursive: true });
  writeFileSync(path.join(root, 'web/src/main.tsx'), 'export const page = 1;');
  writeFileSync(path.join(root, 'web/vite.config.ts'), 'export default {};');
  writeFileSync(path.join(root, 'common/roles.ts'), "export const ROLES = ['agent'];");
  writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}');
  writeFileSync(path.join(root, 'server/main.ts'), 'console.log(1);');
  return root;
}

const SOURCES = ['web', 'common', 'package-lock.json'];

/** A builder that copies the main source into the output, and counts its runs. */
function counting(root: string) {
  const runs: string[] = [];
  const options: BuildOnceOptions = {
    root,
    sources: SOURCES,
    target: 'build/web',
    build: async (outDir) => {
      runs.push(outDir);
      mkdirSync(outDir, { recursive: true });
      writeFileSync(path.join(outDir, 'index.html'), readFileSync(path.join(root, 'web/src/main.tsx')));
    },
  };
  return { runs, options };
}

const served = (root: string, file = 'index.html') =>
  readFileSync(path.join(root, 'build/web', file), 'utf8');

describe('build once', () => {
  it('stamps the sources: a change to the web, the shared code, the Vite config or the lockfile changes it', async () => {
    const root = checkout();
    const stamps = [await sourceStamp(root, SOURCES)];
    writeFileSync(path.join(root, 'server/main.ts'), 'console.log(2);');
    expect(await sourceStamp(root, SOURCES)).toBe(stamps[0]);
    for (const file of ['web/src/main.tsx', 'common/roles.ts', 'web/vite.config.ts', 'package-lock.json']) {
      writeFileSync(path.join(root, file), `${readFileSync(path.join(root, file), 'utf8')} `);
      stamps.push(await sourceStamp(root, SOURCES));
    }
    writeFileSync(path.join(root, 'web/src/new-page.tsx'), '');
    stamps.push(await sourceStamp(root, SOURCES));
    expect(new Set(stamps).size).toBe(6);
  });

  it('builds on the first start, reuses the build while the sources stay, rebuilds when they change', async () => {
    const root = checkout();
    const { runs, options } = counting(root);
    expect((await buildOnce(options)).built).toBe(true);
    expect(served(root)).toBe('export const page = 1;');
    expect((await buildOnce(options)).built).toBe(false);
    expect(runs).toHaveLength(1);

    writeFileSync(path.join(root, 'web/src/main.tsx'), 'export const page = 2;');
    const rebuilt = await buildOnce(options);
    expect(rebuilt.built).toBe(true);
    expect(served(root)).toBe('export const page = 2;');
    expect(realpathSync(path.join(root, 'build/web'))).toBe(realpathSync(rebuilt.directory));
    // The previous build is gone; only the one served is left.
    expect(readdirSync(path.join(root, 'build/web-builds')).filter((f) => !f.startsWith('.'))).toHaveLength(
      1,
    );
    expect((await buildOnce({ ...options, force: true })).built).toBe(true);
    expect(runs).toHaveLength(3);
  });

  it('replaces a build directory left by the older layout (a plain folder)', async () => {
    const root = checkout();
    mkdirSync(path.join(root, 'build/web'), { recursive: true });
    writeFileSync(path.join(root, 'build/web/index.html'), 'old');
    const { options } = counting(root);
    expect((await buildOnce(options)).built).toBe(true);
    expect(served(root)).toBe('export const page = 1;');
  });

  it('keeps the build being served when a build fails, and lets the next start build', async () => {
    const root = checkout();
    const { runs, options } = counting(root);
    await buildOnce(options);
    writeFileSync(path.join(root, 'web/src/main.tsx'), 'export const page = 2;');
    const failing = { ...options, build: () => Promise.reject(new Error('syntax error')) };
    await expect(buildOnce(failing)).rejects.toThrow('syntax error');
    expect(served(root)).toBe('export const page = 1;');
    expect((await buildOnce(options)).built).toBe(true);
    expect(served(root)).toBe('export const page = 2;');
    expect(runs).toHaveLength(2);
  });

  it('takes over the lock of a build whose process died', async () => {
    const root = checkout();
    mkdirSync(path.join(root, 'build/web-builds'), { recursive: true });
    const { stdout } = await run(process.execPath, ['-e', 'console.log(process.pid)']);
    const deadPid = stdout.trim();
    writeFileSync(path.join(root, 'build/web-builds/.lock'), `${deadPid}@${hostname()}`);
    const { options } = counting(root);
    expect((await buildOnce({ ...options, waitMs: 30_000 })).built).toBe(true);
    expect(served(root)).toBe('export const page = 1;');
  });

  it('two starters at once in the same process: one build, both served it', async () => {
    const root = checkout();
    const { runs, options } = counting(root);
    const results = await Promise.all([buildOnce(options), buildOnce(options)]);
    expect(runs).toHaveLength(1);
    expect(results.map((r) => r.built).sort()).toEqual([false, true]);
    expect(results[0]?.directory).toBe(results[1]?.directory);
  });

  it('two processes starting together: one builds, the other waits for it, and the build is whole', {
    timeout: 180_000,
  }, async () => {
    const root = checkout();
    const child = () =>
      run(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, 'build-once.child.ts'), root],
        {
          timeout: 120_000,
        },
      );
    const [first, second] = await Promise.all([child(), child()]);
    const results = [JSON.parse(first.stdout), JSON.parse(second.stdout)];
    const builders = readFileSync(path.join(root, 'builds.log'), 'utf8').trim().split('\n');
    expect(builders).toHaveLength(1);
    expect(results.map((r) => r.built).sort()).toEqual([false, true]);
    expect(results[0].directory).toBe(results[1].directory);
    // Both files come from the same build: nobody overwrote the other's output half-way.
    expect(served(root)).toBe(`built by ${builders[0]}`);
    expect(served(root, 'assets/app.js')).toBe(`built by ${builders[0]}`);
    expect(readdirSync(path.join(root, 'build/web-builds'))).not.toContain('.lock');
  });
});
