/**
 * Redundancy clusters and the duplicate hint at 2,000 sheets (100 of them planted duplicates), on the
 * embedded database (the default start), through the whole request chain (`app.inject`: routing, session,
 * service, presenter, serialisation — no network):
 * - the first page of clusters after the start and after a change (the texts read again, the clusters
 *   computed),
 * - the next pages (served from the clusters of the current catalogue version),
 * - the similar sheets of a name and summary being typed.
 *
 *   npx tsx bench/redundancy.ts [count]      (default 2000)
 *
 * Writes bench/results/redundancy-<date>.json and prints the figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { loadReferenceData } from '../server/db/reference/load-reference.ts';
import { benchSession } from './bench-session.ts';
import { loadCatalogue } from './load.ts';

const count = Number(process.argv[2] ?? 2000);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const round = (ms: number) => Math.round(ms * 10) / 10;

const database = await openDatabase({});
await database.migrate();
await loadReferenceData(database.db);
await loadCatalogue(database.db, count, { duplicates: Math.round(count / 20) });
const session = await benchSession(database.db, 'CNAM-DDO', ['admin']);
const { cookie } = session;
const config = loadConfig({ MUTUALIS_LOG_LEVEL: 'silent', MUTUALIS_DEMO: 'false' });
const app = await buildApp({ db: database.db, config, logger: false });

async function timed(url: string) {
  const start = performance.now();
  const response = await app.inject({ method: 'GET', url, headers: { cookie } });
  const ms = performance.now() - start;
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return { ms, body: response.json() };
}
/** A change to one sheet moves the catalogue version: the next page computes the clusters again. */
const touch = (k: number) =>
  database.db.execute(
    sql`UPDATE applications SET summary = summary || ${` (${k})`} WHERE code = ${`GEN-${String(k + 1).padStart(6, '0')}`}`,
  );

// The app's own first request (session, routing, JIT) is timed apart from the clusters'.
const warmUp = await timed('/api/usage-map');
const first = await timed('/api/usage-map/redundancies?page=1&pageSize=10');
const afterChange: number[] = [];
for (let k = 0; k < 8; k += 1) {
  await touch(k);
  afterChange.push((await timed('/api/usage-map/redundancies?page=1&pageSize=10')).ms);
}
const pages: number[] = [];
for (let k = 0; k < 60; k += 1)
  pages.push((await timed(`/api/usage-map/redundancies?page=${1 + (k % 6)}&pageSize=10`)).ms);
const typed = [
  'Gestion des cong',
  'Suivi des indus de prest',
  'Recouvrement des indus',
  'Planification des astreintes',
];
const similar: number[] = [];
for (let k = 0; k < 60; k += 1)
  similar.push(
    (await timed(`/api/applications/similar?name=${encodeURIComponent(typed[k % typed.length] as string)}`))
      .ms,
  );
const sizes = (first.body.items as { applications: unknown[] }[]).map((c) => c.applications.length);

const result = {
  date: new Date().toISOString(),
  node: process.version,
  sheets: count,
  clusters: first.body.total,
  largestClusters: sizes.slice(0, 5),
  usageMapFirstRequestMs: round(warmUp.ms),
  firstPageColdMs: round(first.ms),
  firstPageAfterChangeMs: { p50: round(percentile(afterChange, 50)), max: round(Math.max(...afterChange)) },
  nextPagesMs: { p50: round(percentile(pages, 50)), p99: round(percentile(pages, 99)) },
  similarMs: { p50: round(percentile(similar, 50)), p99: round(percentile(similar, 99)) },
};
console.log(JSON.stringify(result, null, 2));
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(
  path.join(dir, `redundancy-${result.date.slice(0, 10)}.json`),
  `${JSON.stringify(result, null, 2)}\n`,
);
await app.close();
await database.close();
