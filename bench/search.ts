/**
 * Catalogue search bench on a real PostgreSQL server (DATABASE_URL): for 2,000, 10,000 and 100,000
 * generated applications, autocannon at c=1 and c=10 on typical searches, and the time of the same
 * SQL statements run directly (no HTTP, no JSON). Also times an import of 2,000 inventory rows.
 *
 *   source .ci/postgres.sh && npx tsx bench/search.ts [sizes…]      (default: 2000 10000 100000)
 *
 * Writes bench/results/search-<date>.json and prints a Markdown table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pino from 'pino';
import { applicationListQuerySchema } from '../common/schemas/application-search.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { Database } from '../server/db/client.ts';
import { businessDomains, organisations } from '../server/db/schema.ts';
import { createAuthorizer } from '../server/lib/policy.ts';
import { presentApplicationSummary } from '../server/modules/catalog/applications/applications.presenter.ts';
import { catalogPolicy } from '../server/modules/catalog/catalog.policy.ts';
import { searchIndex } from '../server/modules/catalog/search/search.evaluate.ts';
import { CatalogueSearch } from '../server/modules/catalog/search/search.sync.ts';
import { queryClauses } from '../server/modules/catalog/search/search.terms.ts';
import { importApplications } from '../server/modules/catalog/transfer/import.service.ts';
import { benchSession } from './bench-session.ts';
import { generateCatalogue, toInventoryCsv } from './generate.ts';
import { loadCatalogue } from './load.ts';
import { freshDatabase, percentile, postgresVersion, SCENARIOS } from './search-shared.ts';

const databaseUrlFromEnv = process.env.DATABASE_URL;
if (!databaseUrlFromEnv) {
  console.error('DATABASE_URL is required: source .ci/postgres.sh first.');
  process.exit(1);
}
const url: string = databaseUrlFromEnv;
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const SIZES = sizes.length > 0 ? sizes : [2000, 10000, 100000];
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);

async function cannon(base: string, cookie: string, queries: string[], connections: number) {
  const result = await autocannon({
    url: base,
    connections,
    duration: DURATION,
    headers: { cookie },
    requests: queries.map((q) => ({ method: 'GET' as const, path: `/api/applications?${q}` })),
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  return { p50: result.latency.p50, p99: result.latency.p99, rps: Math.round(result.requests.average) };
}

/**
 * The same searches without HTTP: the statements of one request (the change log's catch-up, the query's
 * words as lexemes — cached per word, as in the API) timed apart from the in-memory part (text matches,
 * facets, order, page cards).
 */
async function sqlTimes(db: Database, queries: string[]) {
  const sqlMs: number[] = [];
  const memoryMs: number[] = [];
  const parsed = queries.map((q) =>
    applicationListQuerySchema.parse(Object.fromEntries(new URLSearchParams(q))),
  );
  const catalogue = new CatalogueSearch(db);
  await catalogue.fresh();
  const end = Date.now() + DURATION * 1000;
  for (let i = 0; Date.now() < end; i += 1) {
    const query = parsed[i % parsed.length] as (typeof parsed)[number];
    let start = performance.now();
    // The catch-up statement (nothing changed here) and the query's words as lexemes (cached per word).
    const index = await catalogue.fresh();
    const clauses = await queryClauses(db, query.q, catalogue.terms);
    const spent = performance.now() - start;
    start = performance.now();
    const text = clauses ? index.text.match(clauses) : null;
    const result = searchIndex(index, query, text, query.sort ?? (clauses ? 'relevance' : 'name'), {
      offset: 0,
      limit: query.pageSize,
    });
    JSON.stringify(result.order.map((p) => presentApplicationSummary(index.cardAt(p))));
    memoryMs.push(performance.now() - start);
    sqlMs.push(spent);
  }
  const stats = (values: number[]) => ({
    p50: Number(percentile(values, 50).toFixed(2)),
    p99: Number(percentile(values, 99).toFixed(2)),
  });
  return { ...stats(sqlMs), memory: stats(memoryMs), n: sqlMs.length };
}

async function benchImport() {
  const database = await freshDatabase(url, 'mutualis_bench_import');
  const { user } = await benchSession(database.db, 'CNAM-DDO', ['admin']);
  const offices = (await database.db.select({ code: organisations.code }).from(organisations)).map(
    (o) => o.code,
  );
  const domains = new Map((await database.db.select().from(businessDomains)).map((d) => [d.code, d.labelFr]));
  const csv = toInventoryCsv(generateCatalogue(2000, offices, 7), domains);
  const ctx = {
    actor: {
      userId: user.id,
      organisationId: user.organisationId,
      roles: ['admin' as const],
      sessionId: 'bench',
      csrfToken: '',
    },
    db: database.db,
    log: pino({ level: 'silent' }),
    requestId: 'bench',
  };
  const start = performance.now();
  const result = await importApplications(
    ctx,
    createAuthorizer([catalogPolicy]),
    { name: 'inventaire.csv', content: Buffer.from(csv) },
    { dryRun: false },
  );
  const seconds = (performance.now() - start) / 1000;
  await database.close();
  if (result.errors.length > 0)
    throw new Error(`import errors: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return { rows: 2000, created: result.created, seconds: Number(seconds.toFixed(2)), bytes: csv.length };
}

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  durationSeconds: DURATION,
  sizes: {},
};
const server = await postgresVersion(url);
results.postgres = server;
results.node = process.version;
console.log(`PostgreSQL ${server}, Node ${process.version}, ${DURATION} s per run`);

results.import = await benchImport();
console.log(`import of 2,000 rows: ${(results.import as { seconds: number }).seconds} s`);

for (const size of SIZES) {
  const database = await freshDatabase(url, 'mutualis_bench');
  const loadStart = performance.now();
  const loaded = await loadCatalogue(database.db, size);
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const { cookie } = await benchSession(database.db, 'CNAM-DDO', ['admin']);
  const config = { ...loadConfig({ MUTUALIS_LOG_LEVEL: 'silent', MUTUALIS_DEMO: 'false' }) };
  const app = await buildApp({ db: database.db, config, logger: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const rows: Record<string, unknown> = {};
  for (const [name, queries] of Object.entries(SCENARIOS)) {
    await cannon(base, cookie, queries, 4); // warm-up
    const c1 = await cannon(base, cookie, queries, 1);
    const c10 = await cannon(base, cookie, queries, 10);
    const raw = await sqlTimes(database.db, queries);
    rows[name] = { c1, c10, sql: raw, apiOverSql: Number((c1.p50 / Math.max(raw.p50, 0.01)).toFixed(2)) };
    console.log(
      `${size} · ${name}: c=1 p50 ${c1.p50} ms p99 ${c1.p99} ms ${c1.rps} req/s · c=10 p50 ${c10.p50} ms p99 ${c10.p99} ms ${c10.rps} req/s · SQL p50 ${raw.p50} ms p99 ${raw.p99} ms · index p50 ${raw.memory.p50} ms p99 ${raw.memory.p99} ms`,
    );
  }
  (results.sizes as Record<string, unknown>)[size] = {
    loaded,
    loadSeconds: Number(loadSeconds.toFixed(1)),
    scenarios: rows,
  };
  await app.close();
  await database.close();
}

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `search-${new Date().toISOString().slice(0, 10)}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten ${file}\n`);
console.log(
  '| applications | scenario | c=1 p50 | c=1 p99 | c=1 req/s | c=10 p50 | c=10 p99 | c=10 req/s | SQL p50 | SQL p99 | index p50 | index p99 | API p50 / SQL p50 |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const [size, data] of Object.entries(
  results.sizes as Record<
    string,
    {
      scenarios: Record<
        string,
        {
          c1: { p50: number; p99: number; rps: number };
          c10: { p50: number; p99: number; rps: number };
          sql: { p50: number; p99: number; memory: { p50: number; p99: number } };
          apiOverSql: number;
        }
      >;
    }
  >,
)) {
  for (const [name, r] of Object.entries(data.scenarios)) {
    console.log(
      `| ${Number(size).toLocaleString('en')} | ${name} | ${r.c1.p50} | ${r.c1.p99} | ${r.c1.rps} | ${r.c10.p50} | ${r.c10.p99} | ${r.c10.rps} | ${r.sql.p50} | ${r.sql.p99} | ${r.sql.memory.p50} | ${r.sql.memory.p99} | ${r.apiOverSql} |`,
    );
  }
}
process.exit(0);
