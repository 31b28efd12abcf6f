/**
 * Catalogue search at network scale, through HTTP, on the server as production runs it (a child
 * process: `node <npm start flags> build/server/main.js`). For each size: the database is filled with
 * N generated sheets (bench/load.ts), an administrator is created with the command line, the server
 * starts and the bench signs in through the API. Then, at c=10, `BENCH_ROUNDS` interleaved rounds
 * (default 3) of `BENCH_SECONDS` each (default 15) per scenario — free text, one facet, two facets +
 * sort, facets only, the broad word alone, and the mixed workload (all of these searches while one
 * write a second goes through the API, a sheet declared then one renamed) — then freshness: 20 sheets
 * declared and 20 renamed, each followed by back-to-back searches for a word unique to it until the
 * search finds it. The server's resident memory (VmRSS, VmHWM) is read after the warm-up and at the
 * end; the load average (/proc/loadavg) is sampled every second during each run.
 *
 *   npm run build:server
 *   source .ci/postgres.sh && npx tsx bench/search-scale.ts 2000 10000 100000      (PostgreSQL)
 *   npx tsx bench/search-scale.ts --load-only 100000, then --loaded 100000        (fill outside the lock)
 *   npx tsx bench/search-scale.ts --embedded 10000                               (PGlite)
 *   npx tsx bench/search-scale.ts --table bench/results/search-scale-*.json      (goals table)
 *
 * BENCH_LABEL (e.g. "before", "after") goes in the results: bench/results/search-scale-<database>-
 * <label>-<date>.json. Prints the goals table of the issue and every figure.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as pause } from 'node:timers/promises';
import { databaseUrl } from '../server/test/database-urls.ts';
import {
  type Client,
  createSheet,
  editSheet,
  searchTotal,
  sheetsToEdit,
  signIn,
  timeUntilFound,
  uniqueWord,
} from './api-client.ts';
import { loadCatalogue } from './load.ts';
import {
  measure,
  medianRound,
  type Results,
  type Run,
  type SizeResults,
  stats,
  table,
} from './search-scale-report.ts';
import { BROAD_WORD, benchDatabase, percentile, runIdentity, SCENARIOS } from './search-shared.ts';
import {
  ADMIN,
  createAdmin,
  memoryStatus,
  root,
  sampleLoad,
  startCompiledServer,
  startEnvironment,
} from './server-process.ts';

const args = process.argv.slice(2);
if (args[0] === '--table') {
  console.log(table(args.slice(1).map((file) => JSON.parse(readFileSync(file, 'utf8')) as Results)));
  process.exit(0);
}
const embedded = args.includes('--embedded');
/** `--load-only`: fill the PostgreSQL database of each size and stop (outside the lock); `--loaded`: measure those. */
const loadOnly = args.includes('--load-only');
const reuseLoaded = args.includes('--loaded');
const sizes = args.map(Number).filter((n) => Number.isInteger(n) && n > 0);
const SIZES = sizes.length > 0 ? sizes : embedded ? [10000] : [2000, 10000, 100000];
const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const FRESHNESS_SAMPLES = Number(process.env.BENCH_FRESHNESS_SAMPLES ?? 20);
const LABEL = process.env.BENCH_LABEL ?? 'current';
const CONNECTIONS = 10;
const WARM_UP_SECONDS = Math.min(5, DURATION);
/** A search or a write slower than this counts as an error (autocannon's timeout, in seconds). */
const REQUEST_TIMEOUT_S = 60;
/** A sheet not found this long after its write counts as never found. */
const FRESHNESS_TIMEOUT_MS = 120_000;

const pgUrl = process.env.DATABASE_URL;
if (!embedded && !pgUrl) {
  console.error('DATABASE_URL is required (source .ci/postgres.sh first), or pass --embedded.');
  process.exit(1);
}

const READS: Record<string, string[]> = { ...SCENARIOS, 'broad word': [`q=${BROAD_WORD}`] };
const MIXED = 'mixed: searches + 1 write/s';

/** Fills a new database with `size` sheets; the environment the server and the CLI need to open it. */
async function prepare(size: number, dataDir: string) {
  const name = loadOnly || reuseLoaded ? `mutualis_bench_scale_${size}` : 'mutualis_bench_scale';
  // Filled beforehand by `--load-only` (which printed the counts of usages).
  if (reuseLoaded && !embedded) {
    const env = { DATABASE_URL: databaseUrl(pgUrl as string, name), MUTUALIS_DATA_DIR: dataDir };
    return { loaded: { applications: size, usages: 0 }, loadSeconds: 0, env };
  }
  const { database, env } = await benchDatabase(embedded ? undefined : pgUrl, name, dataDir);
  const start = performance.now();
  const loaded = await loadCatalogue(database.db, size);
  const loadSeconds = (performance.now() - start) / 1000;
  await database.close();
  return { loaded, loadSeconds: Number(loadSeconds.toFixed(1)), env };
}

const cannon = (client: Client, queries: string[], seconds: number) =>
  measure(
    client,
    queries.map((q) => ({ method: 'GET' as const, path: `/api/applications?${q}` })),
    { connections: CONNECTIONS, seconds, timeout: REQUEST_TIMEOUT_S },
  );

/** One write a second until `until`: a sheet declared, then one renamed, alternately. */
async function writeEverySecond(client: Client, editIds: string[], until: number) {
  const create: number[] = [];
  const edit: number[] = [];
  let failures = 0;
  const start = performance.now();
  for (let k = 0; performance.now() < until; k += 1) {
    try {
      if (k % 2 === 0) create.push((await createSheet(client, uniqueWord())).ms);
      else
        edit.push((await editSheet(client, editIds[(k >> 1) % editIds.length] as string, uniqueWord())).ms);
    } catch (error) {
      failures += 1;
      if (failures <= 3) console.warn(`  write failed: ${(error as Error).message.slice(0, 200)}`);
    }
    await pause(Math.max(0, start + (k + 1) * 1000 - performance.now()));
  }
  const ms = { create: create.map(round), edit: edit.map(round) };
  return { create: stats(create), edit: stats(edit), failures, ms };
}

async function mixed(client: Client, editIds: string[]) {
  const until = performance.now() + DURATION * 1000;
  const [reads, writes] = await Promise.all([
    cannon(client, Object.values(READS).flat(), DURATION),
    writeEverySecond(client, editIds, until),
  ]);
  return { ...reads, writes };
}

const round = (ms: number) => (Number.isFinite(ms) ? Number(ms.toFixed(1)) : Number.NaN);

interface Sample {
  write: number;
  found: number;
  searches: number;
  /** When the write answered (performance.now()). */
  answered: number;
  /** Pauses of this process's own garbage collector between the write's answer and the search's. */
  clientGc: number;
}

/** The bench process's own collections (start and duration, ms), while `stop()` is not called. */
function observeCollections() {
  const pauses: { start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    /** Milliseconds of pauses within [from, to]. */
    within: (from: number, to: number) =>
      pauses.reduce((sum, p) => sum + Math.max(0, Math.min(p.end, to) - Math.max(p.start, from)), 0),
    stop: () => observer.disconnect(),
  };
}

/** Declares then renames sheets, one at a time; after each write, searches its word until found. */
async function freshness(client: Client, editIds: string[]) {
  const load = sampleLoad();
  const collections = observeCollections();
  const samples: Record<'create' | 'edit', Sample[]> = { create: [], edit: [] };
  const missed = () => [...samples.create, ...samples.edit].some((s) => !Number.isFinite(s.found));
  // A sheet never found stops the samples: each would wait the whole timeout.
  for (let i = 0; i < FRESHNESS_SAMPLES && !missed(); i += 1) {
    for (const kind of ['create', 'edit'] as const) {
      const word = uniqueWord();
      const written =
        kind === 'create'
          ? await createSheet(client, word)
          : await editSheet(client, editIds[(i + 50) % editIds.length] as string, word);
      const answered = performance.now();
      const found = await timeUntilFound(client, word, written.body.id, answered, FRESHNESS_TIMEOUT_MS);
      samples[kind].push({
        write: written.ms,
        found: found.ms,
        searches: found.searches,
        answered,
        clientGc: 0,
      });
    }
  }
  // Read once the observer has been told (its entries come asynchronously).
  await pause(100);
  for (const s of [...samples.create, ...samples.edit])
    s.clientGc = collections.within(s.answered, s.answered + s.found);
  collections.stop();
  const summary = (list: Sample[]) => ({
    write: stats(list.map((s) => s.write)),
    found: stats(list.map((s) => s.found)),
    searches: percentile(
      list.map((s) => s.searches),
      50,
    ),
    notFound: list.filter((s) => !Number.isFinite(s.found)).length,
    samples: list.map(({ answered: _, ...s }) => ({
      ...s,
      write: round(s.write),
      found: round(s.found),
      clientGc: round(s.clientGc),
    })),
  });
  return { create: summary(samples.create), edit: summary(samples.edit), load: load.stop() };
}

async function benchSize(size: number): Promise<SizeResults> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mutualis-bench-scale-'));
  try {
    console.log(`${size}: loading…`);
    const prepared = await prepare(size, dataDir);
    if (!reuseLoaded || embedded) createAdmin(prepared.env);
    if (loadOnly) return { loaded: prepared.loaded, loadSeconds: prepared.loadSeconds } as SizeResults;
    const started = performance.now();
    const server = await startCompiledServer(prepared.env, path.join(dataDir, 'server.log'));
    const startSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
    const atStart = memoryStatus(server.pid);
    try {
      const client = await signIn(server.base, ADMIN.email, ADMIN.password);
      const firstSearch = performance.now();
      const total = await searchTotal(client, '');
      const firstSearchMs = Math.round(performance.now() - firstSearch);
      const matches = await searchTotal(client, `q=${BROAD_WORD}`);
      const broadWord = { word: BROAD_WORD, matches, total, share: Number((matches / total).toFixed(4)) };
      console.log(
        `${size}: loaded in ${prepared.loadSeconds} s, server live in ${startSeconds} s, first search ${firstSearchMs} ms; "${BROAD_WORD}" matches ${matches} of ${total} (${(broadWord.share * 100).toFixed(1)} %)`,
      );
      const editIds = await sheetsToEdit(client, 100);
      for (const queries of Object.values(READS)) await cannon(client, queries, WARM_UP_SECONDS);
      const afterWarmUp = memoryStatus(server.pid);

      const runs: Record<string, Run[]> = {};
      for (let r = 0; r < ROUNDS; r += 1) {
        for (const [name, queries] of [...Object.entries(READS), [MIXED, [] as string[]] as const]) {
          const run: Run =
            name === MIXED ? await mixed(client, editIds) : await cannon(client, queries, DURATION);
          runs[name] = [...(runs[name] ?? []), run];
          const writes = run.writes
            ? ` · writes p50 create ${run.writes.create.p50} / edit ${run.writes.edit.p50} ms`
            : '';
          console.log(
            `${size} · round ${r + 1} · ${name}: p50 ${run.p50} p99 ${run.p99} ms, ${run.rps} req/s, load ${run.load.mean} (max ${run.load.max})${writes}${run.non2xx + run.errors > 0 ? ` · ${run.non2xx} non-2xx, ${run.errors} errors` : ''}`,
          );
        }
      }
      const fresh = await freshness(client, editIds);
      console.log(
        `${size} · freshness: create found after p50 ${fresh.create.found.p50} p99 ${fresh.create.found.p99} ms (write ${fresh.create.write.p50} ms), edit p50 ${fresh.edit.found.p50} p99 ${fresh.edit.found.p99} ms (write ${fresh.edit.write.p50} ms)`,
      );
      const end = memoryStatus(server.pid);
      const written = (runs[MIXED] ?? []).map((run) => run.writes);
      const pooled = (kind: 'create' | 'edit') => stats(written.flatMap((w) => w?.ms[kind] ?? []));
      const mixedWrites = {
        create: pooled('create'),
        edit: pooled('edit'),
        failures: written.reduce((total, w) => total + (w?.failures ?? 0), 0),
      };
      const scenarios = Object.fromEntries(
        Object.entries(runs).map(([name, list]) => [name, { median: medianRound(list), rounds: list }]),
      );
      return {
        loaded: prepared.loaded,
        loadSeconds: prepared.loadSeconds,
        startSeconds,
        firstSearchMs,
        broadWord,
        rss: { atStart, afterWarmUp, end },
        scenarios,
        mixedWrites,
        freshness: fresh,
      };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true }); // the PostgreSQL database is dropped by the next run
  }
}

const results: Results = {
  ...(await runIdentity({ embedded, url: pgUrl, label: LABEL, root })),
  connections: CONNECTIONS,
  seconds: DURATION,
  rounds: ROUNDS,
  // The server's, from `npm start` or the bench's environment (glibc reads them at its start).
  malloc: Object.fromEntries(
    Object.entries({ ...process.env, ...startEnvironment() }).filter(
      (entry): entry is [string, string] => entry[0].startsWith('MALLOC_') && entry[1] !== undefined,
    ),
  ),
  sizes: {},
};
console.log(
  `${results.server}, Node ${process.version}, c=${CONNECTIONS}, ${ROUNDS} rounds of ${DURATION} s, label "${LABEL}" (${results.commit})`,
);
const dir = path.join(root, 'bench/results');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `search-scale-${results.database}-${LABEL}-${results.date.slice(0, 10)}.json`);
for (const size of SIZES) {
  if (loadOnly) {
    console.log(`${size}: ${JSON.stringify(await benchSize(size))}`);
    continue;
  }
  const began = performance.now();
  results.sizes[size] = await benchSize(size);
  results.sizes[size].benchSeconds = Math.round((performance.now() - began) / 1000);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`); // after each size: a long run keeps what it measured
}
if (loadOnly) process.exit(0);
console.log(`\nwritten ${file}\n`);
console.log(table([results]));
process.exit(0);
