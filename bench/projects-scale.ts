/**
 * Project search (`GET /api/projects`) and similar items across kinds (`POST /api/similar`) at network
 * scale, through HTTP, on the server as production runs it (`node <npm start flags>
 * build/server/main.js`, a child process). The database is filled with N generated sheets (load.ts, one
 * in twenty a planted duplicate) and N generated projects (generate-projects.ts), an administrator is
 * created with the command line, the server starts and the bench signs in through the API. Then, at
 * c=10, `BENCH_ROUNDS` interleaved rounds (3) of `BENCH_SECONDS` (15) per scenario, the median round (by
 * p99) reported, with the load average sampled every second and the server's resident memory at the end.
 *
 *   npm run build:server
 *   source .ci/postgres.sh && npx tsx bench/projects-scale.ts [count]        PostgreSQL (default 10000)
 *   npx tsx bench/projects-scale.ts --embedded [count]                      PGlite
 *
 * BENCH_LABEL ("before", "after") goes in the results: bench/results/projects-scale-<database>-<label>-
 * <date>.json. BENCH_ONLY keeps the scenarios whose name holds it (`BENCH_ONLY=similar`: the two of
 * POST /api/similar). Prints a Markdown table of every scenario.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type autocannon from 'autocannon';
import { projects } from '../server/db/schema.ts';
import { type Client, signIn, uniqueWord } from './api-client.ts';
import { generateCatalogue } from './generate.ts';
import { loadProjects } from './generate-projects.ts';
import { loadCatalogue } from './load.ts';
import { measure, medianRound, type Run } from './search-scale-report.ts';
import { benchDatabase, runIdentity } from './search-shared.ts';
import { ADMIN, createAdmin, memoryStatus, root, startCompiledServer } from './server-process.ts';
import { similarNeeds } from './similar-needs.ts';

const args = process.argv.slice(2);
const embedded = args.includes('--embedded');
const COUNT = args.map(Number).find((n) => Number.isInteger(n) && n > 0) ?? 10_000;
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const LABEL = process.env.BENCH_LABEL ?? 'current';
/** Only the scenarios whose name holds this (BENCH_ONLY="similar": the two POST /api/similar ones). */
const ONLY = process.env.BENCH_ONLY ?? '';
const CONNECTIONS = 10;
const WARM_UP_SECONDS = Math.min(5, DURATION);
const pgUrl = process.env.DATABASE_URL;
if (!embedded && !pgUrl) {
  console.error('DATABASE_URL is required (source .ci/postgres.sh first), or pass --embedded.');
  process.exit(1);
}

/** The word of the generator that many projects mention (a feature of their need or description). */
const BROAD_WORD = 'habilitations';

/** Query strings of `GET /api/projects`, rotated within each scenario. */
const SEARCHES: Record<string, string[]> = {
  'free text': [
    'q=cong%C3%A9s',
    'q=suivi%20des%20indus',
    'q=rendez-vous%20accueil',
    'q=d%C3%A9mat%C3%A9rialisation%20courriers',
    'q=relances%20transport',
  ],
  'broad word': [`q=${BROAD_WORD}`],
  'one facet': [
    'domain=ressources-humaines',
    'domain=prestations',
    'domain=relation-client',
    'phase=development',
    'track=labelling',
  ],
  'two facets + sort': [
    'track=homologation&region=occitanie&sort=title',
    'track=nonStandard&region=bretagne&sort=updated',
    'phase=framing&domain=prestations&sort=title',
    'track=labelling&region=ile-de-france&sort=phase',
  ],
  'facets only': ['pageSize=0'],
  needsDevelopers: [
    'needsDevelopers=true',
    'needsDevelopers=true&region=grand-est',
    'needsDevelopers=true&q=suivi',
  ],
};
const SIMILAR = 'POST /api/similar';
/** The same needs, each request with a word of its own: never asked before, so never answered from the kept answers. */
const SIMILAR_NEW = 'POST /api/similar, every need new';

type Request = autocannon.Request;

async function prepare(dataDir: string) {
  const { database, env } = await benchDatabase(
    embedded ? undefined : pgUrl,
    'mutualis_bench_projects',
    dataDir,
  );
  const start = performance.now();
  await loadCatalogue(database.db, COUNT, { duplicates: Math.round(COUNT / 20) });
  const loaded = await loadProjects(database.db, COUNT);
  const loadSeconds = Number(((performance.now() - start) / 1000).toFixed(1));
  const titles = await database.db.select({ title: projects.title, need: projects.need }).from(projects);
  await database.close();
  return { loaded, loadSeconds, env, titles };
}

const cannon = (client: Client, requests: Request[], seconds: number) =>
  measure(client, requests, { connections: CONNECTIONS, seconds, timeout: 60 });

const dataDir = mkdtempSync(path.join(tmpdir(), 'mutualis-bench-projects-'));
const results = {
  ...(await runIdentity({ embedded, url: pgUrl, label: LABEL, root })),
  applications: COUNT,
  projects: COUNT,
  connections: CONNECTIONS,
  seconds: DURATION,
  rounds: ROUNDS,
  loadSeconds: 0,
  broadWord: { word: BROAD_WORD, matches: 0, total: 0 },
  firstSimilarMs: 0,
  rss: {} as Record<string, { rss: number; peak: number }>,
  scenarios: {} as Record<string, { median: Run; rounds: Run[] }>,
};
try {
  console.log(`${results.server}: loading ${COUNT} sheets and ${COUNT} projects…`);
  const prepared = await prepare(dataDir);
  results.loadSeconds = prepared.loadSeconds;
  createAdmin(prepared.env);
  const server = await startCompiledServer(prepared.env, path.join(dataDir, 'server.log'));
  try {
    const client = await signIn(server.base, ADMIN.email, ADMIN.password);
    const total = (await client.get<{ total: number }>('/api/projects?pageSize=0')).total;
    const matches = (await client.get<{ total: number }>(`/api/projects?q=${BROAD_WORD}&pageSize=0`)).total;
    results.broadWord = { word: BROAD_WORD, matches, total };
    const needs = similarNeeds(
      generateCatalogue(COUNT, ['CPAM-69'], undefined, { duplicates: Math.round(COUNT / 20) }),
      prepared.titles,
    );
    const similar: Request[] = needs.map((need) => ({
      method: 'POST',
      path: '/api/similar',
      body: JSON.stringify(need),
    }));
    const first = performance.now();
    await client.write('POST', '/api/similar', needs[0]);
    results.firstSimilarMs = Math.round(performance.now() - first);
    const all: [string, Request[]][] = [
      ...Object.entries(SEARCHES).map(([name, queries]): [string, Request[]] => [
        name,
        queries.map((q) => ({ method: 'GET', path: `/api/projects?${q}` })),
      ]),
      [SIMILAR, similar],
      [
        SIMILAR_NEW,
        needs.map((need) => ({
          method: 'POST',
          path: '/api/similar',
          setupRequest: (request: Request) => ({
            ...request,
            body: JSON.stringify({ ...need, title: `${need.title} ${uniqueWord()}` }),
          }),
        })),
      ],
    ];
    const scenarios = all.filter(([name]) => name.includes(ONLY));
    console.log(
      `loaded in ${prepared.loadSeconds} s; "${BROAD_WORD}" in ${matches} of ${total} projects; first similar ${results.firstSimilarMs} ms`,
    );
    for (const [, requests] of scenarios) await cannon(client, requests, WARM_UP_SECONDS);
    results.rss.afterWarmUp = memoryStatus(server.pid);
    const runs: Record<string, Run[]> = {};
    for (let r = 0; r < ROUNDS; r += 1) {
      for (const [name, requests] of scenarios) {
        const run = await cannon(client, requests, DURATION);
        if (run.non2xx + run.errors > 0)
          throw new Error(`${name}: ${run.non2xx} non-2xx, ${run.errors} errors`);
        runs[name] = [...(runs[name] ?? []), run];
        console.log(
          `round ${r + 1} · ${name}: p50 ${run.p50} p99 ${run.p99} ms, ${run.rps} req/s, load ${run.load.mean}`,
        );
      }
    }
    results.rss.end = memoryStatus(server.pid);
    results.scenarios = Object.fromEntries(
      Object.entries(runs).map(([name, list]) => [name, { median: medianRound(list), rounds: list }]),
    );
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const dir = path.join(root, 'bench/results');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `projects-scale-${results.database}-${LABEL}-${results.date.slice(0, 10)}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten ${file}\n`);
console.log(
  '| database | scenario (c=10, median round) | p50 | p99 | req/s | p99 of the rounds | load average |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [name, { median, rounds }] of Object.entries(results.scenarios))
  console.log(
    `| ${results.server} (${LABEL}) | ${name} | ${median.p50} | ${median.p99} | ${median.rps} | ${rounds.map((r) => r.p99).join(' / ')} | ${median.load.mean} (max ${median.load.max}) |`,
  );
process.exit(0);
