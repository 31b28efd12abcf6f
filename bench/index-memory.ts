/**
 * Where the catalogue search index's memory goes, per structure, on a database already filled
 * (`search-scale.ts --load-only N`): the index is built in this process as the server builds it, then
 * its own estimate per structure (`CatalogueIndex.byteSizes()`), and the process's heap and array
 * buffers before and after (with a full collection).
 *
 *   DATABASE_URL=…/mutualis_bench_scale_100000 node --max-semi-space-size=2 --heap-growing-percent=20 \
 *     --expose-gc --import tsx bench/index-memory.ts        (the heap flags of `npm start`; PAGE: rows a page)
 */
import { openDatabase } from '../server/db/client.ts';
import { CatalogueSearch } from '../server/modules/catalog/search/search.sync.ts';

const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
function memory() {
  gc?.();
  const usage = process.memoryUsage();
  return {
    rss: mb(usage.rss),
    heapTotal: mb(usage.heapTotal),
    heapUsed: mb(usage.heapUsed),
    arrayBuffers: mb(usage.arrayBuffers),
  };
}

const database = await openDatabase({ url: process.env.DATABASE_URL as string });
const before = memory();
const search = new CatalogueSearch(database.db, undefined, Number(process.env.PAGE ?? 1000));
const started = performance.now();
const index = await search.fresh();
const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
// One search, as the server's first: the pools are trimmed and the scratch arrays sized.
index.text.match([
  [{ lexemes: ['habilit'], prefix: true }],
  [{ lexemes: ['gestion', 'agent'], prefix: true }],
]);
const after = memory();
const sizes = index.byteSizes();
const total = Object.values(sizes).reduce((sum, bytes) => sum + bytes, 0);
const perSheet = Object.fromEntries(
  Object.entries(sizes).map(([name, bytes]) => [
    name,
    { MB: mb(bytes), perSheet: Math.round(bytes / index.size) },
  ]),
);
console.log(JSON.stringify({ sheets: index.size, buildSeconds: seconds, before, after }, null, 1));
console.table({ ...perSheet, total: { MB: mb(total), perSheet: Math.round(total / index.size) } });
await database.close();
process.exit(0);
