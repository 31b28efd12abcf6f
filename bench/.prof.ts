import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { applicationListQuerySchema } from '../common/schemas/application-search.ts';
import { searchIndex } from '../server/modules/catalog/search/search.evaluate.ts';
import { presentApplicationPage } from '../server/modules/catalog/search/search.presenter.ts';
import { CatalogueSearch } from '../server/modules/catalog/search/search.sync.ts';
import { queryClauses } from '../server/modules/catalog/search/search.terms.ts';
import { loadCatalogue } from './load.ts';
import { freshDatabase, percentile } from './search-shared.ts';

const n = Number(process.argv[2] ?? 10000);
const url = process.env.DATABASE_URL as string;
const database = await freshDatabase(url, 'mutualis_prof');
await loadCatalogue(database.db, n);
const gc = (globalThis as { gc?: () => void }).gc as () => void;
gc();
const before = process.memoryUsage();
const catalogue = new CatalogueSearch(database.db);
let t = performance.now();
const loaded = await catalogue.fresh();
console.log('bytes/sheet', Math.round(loaded.byteSize() / n), 'text', Math.round(loaded.text.byteSize() / n), 'names', Math.round(loaded.summaries.byteSize() / n));
console.log('load ms', Math.round(performance.now() - t));
gc();
const after = process.memoryUsage();
const mb = (x: number) => (x / 1048576).toFixed(1);
console.log('heap +', mb(after.heapUsed - before.heapUsed), 'arrayBuffers +', mb(after.arrayBuffers - before.arrayBuffers), 'rss', mb(after.rss));
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const scenarios = {
  broad: ['q=habilitations'],
  two: ['track=homologation&region=occitanie&sort=usage', 'track=nonStandard&region=bretagne&sort=usage'],
  free: ['q=cong%C3%A9s', 'q=suivi%20des%20indus', 'q=rendez-vous%20accueil', 'q=remboursemnt%20transport'],
};
for (const [name, queries] of Object.entries(scenarios)) {
  const parsed = queries.map((q) => applicationListQuerySchema.parse(Object.fromEntries(new URLSearchParams(q))));
  const parts: Record<string, number[]> = { fresh: [], match: [], search: [], cards: [], present: [], json: [] };
  let bytes = 0;
  for (let i = 0; i < 200; i += 1) {
    const query = parsed[i % parsed.length] as (typeof parsed)[number];
    const tick = (k: string) => {
      (parts[k] as number[]).push(performance.now() - t);
      t = performance.now();
    };
    t = performance.now();
    const idx = await catalogue.fresh();
    tick('fresh');
    const clauses = await queryClauses(database.db, query.q, catalogue.terms);
    const text = clauses ? idx.text.match(clauses) : null;
    tick('match');
    const r = searchIndex(idx, query, text, query.sort ?? (clauses ? 'relevance' : 'name'), { offset: 0, limit: query.pageSize });
    tick('search');
    const cards = r.order.map((p) => idx.cardAt(p));
    const same = r.order.map((p) => idx.sameNameAt(p));
    tick('cards');
    const page = presentApplicationPage({ cards, sameName: same, total: r.total, facets: r.facets }, query);
    tick('present');
    bytes = JSON.stringify(page).length;
    tick('json');
  }
  console.log(name, `${bytes} bytes`, Object.entries(parts).map(([k, v]) => `${k} ${percentile(v, 50).toFixed(2)}/${percentile(v, 99).toFixed(2)}`).join(' | '));
}
const { profile } = await session.post('Profiler.stop');
writeFileSync('/tmp/prof/search.cpuprofile', JSON.stringify(profile));
await database.close();
