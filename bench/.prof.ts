import { applicationListQuerySchema } from '../common/schemas/application-search.ts';
import { presentApplicationPage } from '../server/modules/catalog/search/search.presenter.ts';
import { searchIndex } from '../server/modules/catalog/search/search.evaluate.ts';
import { CatalogueSearch } from '../server/modules/catalog/search/search.sync.ts';
import { queryClauses } from '../server/modules/catalog/search/search.terms.ts';
import { loadCatalogue } from './load.ts';
import { freshDatabase, percentile, SCENARIOS } from './search-shared.ts';

const n = Number(process.argv[2] ?? 10000);
const url = process.env.DATABASE_URL as string;
const database = await freshDatabase(url, 'mutualis_prof');
await loadCatalogue(database.db, n);
const gc = (globalThis as { gc?: () => void }).gc as () => void;
gc(); gc();
const before = process.memoryUsage();
const catalogue = new CatalogueSearch(database.db);
let t = performance.now();
const index = await catalogue.fresh();
console.log('load ms', Math.round(performance.now() - t));
gc(); gc();
const after = process.memoryUsage();
const mb = (x: number) => (x / 1048576).toFixed(1);
console.log('heapUsed +', mb(after.heapUsed - before.heapUsed), 'external+arrayBuffers +', mb(after.external - before.external), mb(after.arrayBuffers - before.arrayBuffers), 'rss', mb(after.rss), 'byteSize', mb(index.byteSize()), 'per sheet', Math.round(index.byteSize() / n));
for (const [name, queries] of Object.entries({ ...SCENARIOS, broad: ['q=habilitations'] })) {
  const parsed = queries.map((q) => applicationListQuerySchema.parse(Object.fromEntries(new URLSearchParams(q))));
  const parts: Record<string, number[]> = { fresh: [], terms: [], match: [], search: [], cards: [] };
  for (let i = 0; i < 400; i += 1) {
    const query = parsed[i % parsed.length] as (typeof parsed)[number];
    t = performance.now(); const idx = await catalogue.fresh(); parts.fresh.push(performance.now() - t);
    t = performance.now(); const clauses = await queryClauses(database.db, query.q, catalogue.terms); parts.terms.push(performance.now() - t);
    t = performance.now(); const text = clauses ? idx.text.match(clauses) : null; parts.match.push(performance.now() - t);
    t = performance.now(); const r = searchIndex(idx, query, text, query.sort ?? (clauses ? 'relevance' : 'name'), { offset: 0, limit: query.pageSize }); parts.search.push(performance.now() - t);
    t = performance.now(); const cards = r.order.map((p) => idx.cardAt(p)); const same = r.order.map((p) => idx.sameNameAt(p)); parts.cards.push(performance.now() - t);
    t = performance.now(); const page = presentApplicationPage({ cards, sameName: same, total: r.total, facets: r.facets }, query); (parts.present ??= []).push(performance.now() - t);
    t = performance.now(); JSON.stringify(page); (parts.json ??= []).push(performance.now() - t);
  }
  console.log(name, Object.entries(parts).map(([k, v]) => `${k} p50 ${percentile(v, 50).toFixed(2)} p99 ${percentile(v, 99).toFixed(2)}`).join(' | '));
}
await database.close();
