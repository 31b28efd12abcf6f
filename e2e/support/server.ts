import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.ts';

export interface RunningServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  /** Sends a signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A new data folder: a copy of the one the global setup seeded, so the server starts on migrated
 * demo data; an empty one when asked (`fresh`), when the demo is switched off, or outside the suite.
 */
function newDataDir(fresh: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mutualis-e2e-'));
  const seeded = fresh ? '' : seededDataDir();
  if (seeded) cpSync(seeded, dir, { recursive: true });
  return dir;
}

function seededDataDir(): string {
  try {
    return inject('seededDataDir') ?? '';
  } catch {
    return ''; // called by the global setup itself, before anything is provided
  }
}

/**
 * Starts the real server, on an embedded database in a temp folder: in the browser tests, as `npm start`
 * does (the compiled `build/server/main.js`, which their global setup builds); elsewhere (a server test
 * that kills a process) from the sources through tsx, as no build there is known to be current.
 */
export async function startServer(
  options: { dataDir?: string; env?: Record<string, string>; fresh?: boolean } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir =
    options.dataDir ?? newDataDir(options.fresh === true || options.env?.MUTUALIS_DEMO === 'false');
  const { DATABASE_URL: _embedded, ...env } = process.env;
  const entry = seededDataDir()
    ? ['--enable-source-maps', 'build/server/main.js']
    : ['--import', 'tsx', 'server/main.ts'];
  const child = spawn(process.execPath, entry, {
    env: {
      ...env,
      PORT: String(port),
      MUTUALIS_DATA_DIR: dataDir,
      MUTUALIS_LOG_LEVEL: 'warn',
      MUTUALIS_DEMO: 'true',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/health/ready`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not ready in 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        // Exited, or killed by a signal (no exit code then): no 'exit' event is coming.
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

export function removeDataDir(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * A real server and Debian's Chromium for the tests of one file: started before them, stopped (and the
 * data folder removed) after them. Read `server` and `browser` inside the tests, once started.
 */
export function startServerAndBrowser(options: { env?: Record<string, string> } = {}) {
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer(options);
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
    if (env.server) removeDataDir(env.server.dataDir);
  });
  return env;
}
