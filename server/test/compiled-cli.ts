import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildOnce } from '../lib/build-once.ts';
import { buildServer, SERVER_SOURCES } from '../scripts/build-server.ts';

const run = promisify(execFile);
/**
 * Each command is a process opening an embedded PostgreSQL: a few seconds on an idle machine, up to a
 * minute on a loaded one. A test waits for its processes to exit; this bound only stops one that hangs.
 */
const PROCESS_TIMEOUT_MS = 180_000;
export const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The commands run compiled, as `npm start` runs the server (built once, reused while the sources stay):
 * no transpiling at each process start.
 */
export function buildCompiledServer() {
  return buildOnce({
    root,
    target: 'build/server',
    sources: SERVER_SOURCES,
    build: (out) => buildServer(root, out),
  });
}

/** Runs a command as an operator would: a real process on a real embedded database in `dataDir`. */
export async function runCompiled(
  dataDir: string,
  entry: 'cli' | 'main',
  args: string[],
  env: Record<string, string> = {},
) {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  try {
    const script = path.join(root, 'build/server', `${entry}.js`);
    const { stdout, stderr } = await run(process.execPath, ['--enable-source-maps', script, ...args], {
      env: { ...base, MUTUALIS_DATA_DIR: dataDir, ...env },
      timeout: PROCESS_TIMEOUT_MS,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
