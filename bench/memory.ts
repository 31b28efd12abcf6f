/**
 * Where the server's memory goes, on the embedded database with 2,000 generated sheets (plus the demo
 * data). Each variant starts the server as a real process on the same data, signs in, runs the pages a
 * user opens (catalogue searches with facets, a sheet, the offices, the usage map), then reads:
 * the resident memory of the server process (and of its parent when a launcher stays in between), its
 * peak, and — through bench/memory-probe.mjs loaded into it — V8's heap, the buffers outside it and the
 * size of PGlite's WebAssembly memory.
 *
 *   npm run build:server               # the compiled variants need build/server
 *   npx tsx bench/memory.ts [DATA_DIR]  (default /tmp/mutualis-memory-2000; made on the first run)
 *
 * Prints a Markdown table; writes bench/results/memory-<date>.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { openDatabase } from '../server/db/client.ts';
import { seedDemoCatalogue } from '../server/db/demo/seed-catalogue.ts';
import { loadReferenceData } from '../server/db/reference/load-reference.ts';
import { seedDemo } from '../server/db/seed-demo.ts';
import { loadCatalogue } from './load.ts';
import {
  compiledServer as compiled,
  memoryStatus,
  root,
  startFlags,
  waitUntilLive,
} from './server-process.ts';

const dataDir = path.resolve(process.argv[2] ?? path.join(tmpdir(), 'mutualis-memory-2000'));
const SHEETS = 2000;
const PORT = 3917;
const probe = path.join(root, 'bench/memory-probe.mjs');
const tsx = path.join(root, 'node_modules/.bin/tsx');

interface Variant {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

const BEFORE_BUFFERS = { MUTUALIS_EMBEDDED_SHARED_BUFFERS: '128MB' };

const VARIANTS: Variant[] = [
  { name: 'before: tsx CLI, 128 MB buffers', command: tsx, args: ['server/main.ts'], env: BEFORE_BUFFERS },
  {
    name: 'tsx in-process, 128 MB buffers',
    command: process.execPath,
    args: ['--import', 'tsx', 'server/main.ts'],
    env: BEFORE_BUFFERS,
  },
  {
    name: 'tsx in-process, 16 MB buffers',
    command: process.execPath,
    args: ['--import', 'tsx', 'server/main.ts'],
  },
  { name: 'compiled, 128 MB buffers', command: process.execPath, args: [compiled], env: BEFORE_BUFFERS },
  { name: 'compiled, 16 MB buffers', command: process.execPath, args: [compiled] },
  {
    name: `npm start: compiled, 16 MB buffers, ${startFlags.join(' ')}`,
    command: process.execPath,
    args: [...startFlags, compiled],
  },
  {
    name: 'the same with --liftoff-only (not kept)',
    command: process.execPath,
    args: [...startFlags, '--liftoff-only', compiled],
  },
];

async function prepare() {
  if (existsSync(path.join(dataDir, 'pgdata'))) return;
  console.log(`Preparing ${dataDir}: demo data and ${SHEETS} generated sheets…`);
  const database = await openDatabase({ dataDir });
  await database.migrate();
  await loadReferenceData(database.db);
  await seedDemo(database.db, 'mutualis-demo');
  await seedDemoCatalogue(database.db);
  await loadCatalogue(database.db, SHEETS);
  await database.close();
}

/** The process and its descendants: a launcher such as tsx's CLI keeps running above the server. */
function tree(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return [pid, ...children.flatMap((child) => tree(Number(child)))];
}
async function request(url: string, init: RequestInit = {}) {
  return fetch(`http://127.0.0.1:${PORT}${url}`, init);
}

/** What a user does in the first minutes: searches with facets, a sheet, the offices, the map. */
async function browse() {
  const login = await request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@mutualis.demo', password: 'mutualis-demo' }),
  });
  if (!login.ok) throw new Error(`login: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const get = async (url: string) => {
    const response = await request(url, { headers: { cookie } });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  };
  const queries = [
    'congés',
    'suivi des indus',
    'rendez-vous accueil',
    'habilitations',
    'remboursemnt transport',
  ];
  for (let round = 0; round < 3; round++) {
    for (const q of queries) await get(`/api/applications?q=${encodeURIComponent(q)}`);
    await get('/api/applications?pageSize=0');
    await get('/api/applications?sort=usage&page=3');
  }
  const list = (await get('/api/applications?pageSize=5')) as { items: { id: string }[] };
  for (const item of list.items) await get(`/api/applications/${item.id}`);
  await get('/api/organisations');
  await get('/api/applications/usage-map').catch(() => undefined);
}

/** Asks the probe in the server for its figures (bench/memory-probe.mjs) and waits for the file. */
async function readProbe(pid: number, probeFile: string) {
  rmSync(probeFile, { force: true });
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 10_000;
  while (!existsSync(probeFile) && Date.now() < deadline) await pause(100);
  await pause(100);
  return JSON.parse(readFileSync(probeFile, 'utf8'));
}

async function measure(variant: Variant) {
  const probeFile = path.join(tmpdir(), `mutualis-memory-probe-${process.pid}.json`);
  const server = spawn(variant.command, variant.args, {
    cwd: root,
    env: {
      ...process.env,
      ...variant.env,
      NODE_OPTIONS: `--import ${probe} --expose-gc`,
      MEMORY_PROBE_FILE: probeFile,
      MUTUALIS_DATA_DIR: dataDir,
      MUTUALIS_LOG_LEVEL: 'warn',
      PORT: String(PORT),
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitUntilLive(`http://127.0.0.1:${PORT}`, server);
    await pause(1000);
    const pids = tree(server.pid as number);
    const serverPid = pids.at(-1) as number;
    const atStart = memoryStatus(serverPid).rss;
    const insideAtStart = await readProbe(serverPid, probeFile);
    const started = Date.now();
    await browse();
    const browsingMs = Date.now() - started;
    await pause(1000);
    const after = memoryStatus(serverPid);
    const treeRss = pids.reduce((total, pid) => total + memoryStatus(pid).rss, 0);
    const inside = await readProbe(serverPid, probeFile);
    return {
      variant: variant.name,
      atStart,
      ...after,
      tree: treeRss,
      processes: pids.length,
      browsingMs,
      insideAtStart,
      inside,
    };
  } finally {
    server.kill('SIGTERM');
    if (server.exitCode === null) await new Promise((resolve) => server.once('exit', resolve));
  }
}

await prepare();
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const rows = [];
for (const variant of VARIANTS) {
  if (variant.args.includes(compiled) && !existsSync(compiled)) {
    console.log(`skipped "${variant.name}": run npm run build:server first`);
    continue;
  }
  rows.push(await measure(variant));
}
console.log(
  '\n| variant | RSS at start | RSS after browsing | peak | launcher + server | V8 heap used (at start) | V8 heap total | external (of which ArrayBuffers) | PGlite WASM memory | browsing, s |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const i = r.inside;
  console.log(
    `| ${r.variant} | ${mb(r.atStart)} | ${mb(r.rss)} | ${mb(r.peak)} | ${r.processes > 1 ? mb(r.tree) : '—'} | ${mb(i.heapUsed)} (${mb(r.insideAtStart.heapUsed)}) | ${mb(i.heapTotal)} | ${mb(i.external)} (${mb(i.arrayBuffers)}) | ${mb(i.wasm)} | ${(r.browsingMs / 1000).toFixed(1)} |`,
  );
}
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(
  path.join(root, `bench/results/memory-${new Date().toISOString().slice(0, 10)}.json`),
  `${JSON.stringify(rows, null, 2)}\n`,
);
