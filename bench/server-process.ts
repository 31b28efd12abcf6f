/**
 * The server as production runs it, as a child process of a bench: the compiled bundle
 * (`npm run build:server`) with the node flags of `npm start`, its resident memory read from /proc,
 * and the machine's load average sampled while a scenario runs.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const compiledServer = path.join(root, 'build/server/main.js');

/** The command `npm start` runs once the build is done: `NAME=${NAME:-value}… exec node <flags> build/server/main.js`. */
const launch =
  (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start as string)
    .split('&&')
    .at(-1)
    ?.trim()
    .split(/\s+/) ?? [];

/**
 * The node flags of `npm start`, as package.json has them, then those of BENCH_NODE_FLAGS (to compare
 * settings of the engine: `BENCH_NODE_FLAGS="--max-semi-space-size=8"`).
 */
export const startFlags = [
  ...launch.filter((word) => word.startsWith('--')),
  ...(process.env.BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? []),
];

/**
 * The environment `npm start` gives the server (the C library's malloc settings, read at the process's
 * start: docs/architecture.md): `NAME=${NAME:-value}` keeps a value the caller set, as the shell does.
 * `BENCH_START_ENV=0`: none of it (the server as it ran before `npm start` set them).
 */
export const startEnvironment = (env: NodeJS.ProcessEnv = process.env) =>
  (env.BENCH_START_ENV === '0'
    ? {}
    : Object.fromEntries(
        launch.flatMap((word) => {
          const assignment = word.match(/^([A-Z_]+)=(?:\$\{\1:-(.*)\}|(.*))$/);
          if (!assignment) return [];
          const [, name, fallback, value] = assignment as [
            string,
            string,
            string | undefined,
            string | undefined,
          ];
          return [[name, value ?? env[name] ?? fallback ?? '']];
        }),
      )) as Record<string, string>;

/** A port nobody listens on, from the system. */
export function freePort() {
  return new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Resident memory of a process now (VmRSS) and at its peak (VmHWM), in bytes. */
export function memoryStatus(pid: number) {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(text.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Waits for `GET /health/live` to answer 200; fails if the server exits first or after `timeoutMs`. */
export async function waitUntilLive(base: string, server: ChildProcess, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    const live = await fetch(`${base}/health/live`).then(
      (r) => r.ok,
      () => false,
    );
    if (live) return;
    await pause(250);
  }
  throw new Error(`server not live after ${timeoutMs / 1000} s`);
}

/**
 * Starts `node <npm start flags> build/server/main.js` with the environment of `npm start` and `env` on a free port; its output goes to
 * `logFile`. Resolves once it answers, with its address and a `stop()` that ends it (SIGTERM).
 */
export async function startCompiledServer(env: Record<string, string>, logFile: string, timeoutMs = 600_000) {
  if (!existsSync(compiledServer)) throw new Error('build/server/main.js is missing: npm run build:server');
  const port = await freePort();
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [...startFlags, compiledServer], {
    cwd: root,
    env: {
      ...process.env,
      ...startEnvironment(),
      MUTUALIS_DEMO: 'false',
      MUTUALIS_LOG_LEVEL: 'warn',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    log.end();
  };
  try {
    await waitUntilLive(base, child, timeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message} (log: ${logFile})`);
  }
  return { base, pid: child.pid as number, child, stop };
}

/** The 1-minute load average (/proc/loadavg), sampled every second until `stop()`: mean and max. */
export function sampleLoad() {
  const samples: number[] = [];
  const read = () => samples.push(Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]));
  read();
  const timer = setInterval(read, 1000);
  return {
    stop() {
      clearInterval(timer);
      read();
      const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
      return { mean: Number(mean.toFixed(2)), max: Math.max(...samples) };
    },
  };
}

/** The administrator the benches create and sign in as. */
export const ADMIN = { email: 'banc@mutualis.bench', password: 'banc-de-mesure-2026' };

/** `npm run cli -- user create-admin`, as an operator would, before the server starts. */
export function createAdmin(
  env: Record<string, string>,
  account: { email: string; password: string; name?: string } = ADMIN,
) {
  const result = spawnSync(
    'npm',
    [
      'run',
      '--silent',
      'cli',
      '--',
      'user',
      'create-admin',
      '--email',
      account.email,
      '--name',
      account.name ?? 'Banc de mesure',
      '--password',
      account.password,
    ],
    { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`create-admin: ${result.stderr || result.stdout}`);
}
