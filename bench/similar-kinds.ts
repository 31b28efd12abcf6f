/**
 * POST /api/similar at 10,000 generated sheets (bench/generate.ts through load.ts, 500 of them planted
 * duplicates): the application (`buildApp`, the code of `npm start`) listening on a port of this process,
 * a signed-in session, and autocannon in a process of its own (its event loop is not the server's)
 * at c=1 and c=10, rotating needs as they are typed on the declaration form — a generated sheet's name
 * retyped with part of its summary, a name alone, a long need in an agent's words.
 *
 *   npx tsx bench/similar-kinds.ts [sheets] [projects]                 embedded database (10000 sheets, 0 projects)
 *   source .ci/postgres.sh && npx tsx bench/similar-kinds.ts [sheets] [projects] PostgreSQL (DATABASE_URL)
 *
 * With a number of projects, as many generated projects in progress (generate-projects.ts) are loaded
 * beside the sheets, and the needs include retyped project titles.
 *
 * Settings: BENCH_SECONDS per run (15). Writes bench/results/similar-kinds-<database>-<date>.json and
 * prints the figures.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { loadReferenceData } from '../server/db/reference/load-reference.ts';
import { benchSession } from './bench-session.ts';
import { generateCatalogue } from './generate.ts';
import { generateProjects, loadProjects } from './generate-projects.ts';
import { loadCatalogue } from './load.ts';
import { freshDatabase } from './search-shared.ts';
import { root } from './server-process.ts';
import { similarNeeds } from './similar-needs.ts';

const count = Number(process.argv[2] ?? 10_000);
const projectCount = Number(process.argv[3] ?? 0);
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const url = process.env.DATABASE_URL;

async function embeddedDatabase() {
  const database = await openDatabase({});
  await database.migrate();
  await loadReferenceData(database.db);
  return database;
}
const database = url ? await freshDatabase(url, 'mutualis_bench_similar') : await embeddedDatabase();
const loadStart = performance.now();
await loadCatalogue(database.db, count, { duplicates: Math.round(count / 20) });
if (projectCount > 0) await loadProjects(database.db, projectCount);
const loadedMs = performance.now() - loadStart;

const session = await benchSession(database.db, 'CPAM-69', ['developer']);
const config = loadConfig({ MUTUALIS_LOG_LEVEL: 'silent', MUTUALIS_DEMO: 'false' });
const app = await buildApp({ db: database.db, config, logger: false });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const headers = {
  cookie: session.cookie,
  'x-csrf-token': session.csrfToken,
  'content-type': 'application/json',
};

// Needs as typed: generated sheets (the same seed as load.ts) retyped, and needs in an agent's words.
// The titles of generated projects do not depend on the offices drawn: one office is enough here.
const needs = similarNeeds(
  generateCatalogue(count, ['CPAM-69'], undefined, { duplicates: Math.round(count / 20) }),
  generateProjects(projectCount, [{ code: 'CPAM-69', type: 'cpam' }]),
);
const requests = needs.map((need) => ({
  method: 'POST' as const,
  path: '/api/similar',
  body: JSON.stringify(need),
}));

/**
 * autocannon in a process of its own: the load generator does not share the server's event loop (in a
 * worker thread autocannon hands back its raw histograms instead of a result).
 */
function cannon(connections: number, duration: number) {
  const options = JSON.stringify({ url: base, connections, duration, headers, requests });
  const child = spawn(
    process.execPath,
    [
      '-e',
      `require('autocannon')(JSON.parse(process.argv[1]), (error, result) => {
         process.stdout.write(JSON.stringify(error ? { error: String(error) } : result));
       });`,
      options,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise<{ p50: number; p99: number; rps: number; requests: number }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', () => {
      const result = JSON.parse(output);
      if (result.error) return reject(new Error(result.error));
      if (result.non2xx > 0 || result.errors > 0)
        return reject(new Error(`${result.non2xx} non-2xx, ${result.errors} errors`));
      resolve({
        p50: result.latency.p50,
        p99: result.latency.p99,
        rps: Math.round(result.requests.average),
        requests: result.requests.total,
      });
    });
  });
}

// The first request builds the corpus of the 10,000 sheets (words, stems, profiles): timed apart.
const firstStart = performance.now();
const first = await fetch(`${base}/api/similar`, { method: 'POST', headers, body: requests[0]?.body });
const firstMs = performance.now() - firstStart;
if (!first.ok) throw new Error(`first request: ${first.status} ${await first.text()}`);
const sample = (await first.json()) as { items: { code: string; score: number; sharedTerms: string[] }[] };
await cannon(10, 3); // warm-up
const c1 = await cannon(1, seconds);
const c10 = await cannon(10, seconds);
const memory = process.memoryUsage();

const result = {
  date: new Date().toISOString(),
  database: url ? 'postgresql' : 'embedded',
  sheets: count,
  projects: projectCount,
  seconds,
  loadedMs: Math.round(loadedMs),
  firstRequestMs: Math.round(firstMs),
  c1,
  c10,
  rssMb: Math.round(memory.rss / 1048576),
  heapUsedMb: Math.round(memory.heapUsed / 1048576),
  needs: needs.length,
  sample: sample.items.slice(0, 3),
};
console.log(JSON.stringify(result, null, 2));
const here = path.dirname(fileURLToPath(import.meta.url));
mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(
  path.join(
    here,
    'results',
    `similar-kinds-${result.database}${projectCount > 0 ? `-${projectCount}-projects` : ''}-${result.date.slice(0, 10)}.json`,
  ),
  `${JSON.stringify(result, null, 2)}\n`,
);
await app.close();
await database.close();
