import { describe, expect, it } from 'vitest';
import { FACETS, type Facet, FORGE_SIGNALS } from '../../../../common/catalog/vocabulary.ts';
import type { ApplicationFilters } from '../../../../common/schemas/application-search.ts';
import type { IndexRow } from './search.changes.ts';
import { type SearchSort, searchIndex } from './search.evaluate.ts';
import { ARCHIVED_STAGE, CatalogueIndex, compareText } from './search.index.ts';
import { comparableName, rankingPrior, searchScore } from './search.ranking.ts';
import type { QueryClause } from './search.text.ts';

/**
 * The index against a naive reference over random catalogues: every application checked one by one,
 * every count recounted, every order sorted from scratch. Random filters (up to five at once, archived
 * sheets included or alone), random text queries (prefixes, exact words, alternatives) and random writes
 * (edits, archiving, renames into homonyms, new sheets, deletions) interleaved with the searches.
 */

/** A small, seeded generator (mulberry32): a failure prints its seed and replays. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)] as T;
  const some = <T>(list: readonly T[], max: number) =>
    [...new Set(Array.from({ length: int(max + 1) }, () => pick(list)))] as T[];
  return { next, int, pick, some };
}
type Random = ReturnType<typeof random>;

const LEXEMES = [
  'cong',
  'absenc',
  'habilit',
  'habit',
  'suivi',
  'indus',
  'rembours',
  'transport',
  'pai',
  'paiement',
  'agent',
  'accueil',
];
const NAMES = [
  'Gestion des congés',
  'gestion des conges',
  'Suivi des indus',
  'Habilitations',
  'Rendez-vous',
  'Paie',
  'Écrans',
];
const DOMAINS = ['rh', 'gdr', 'prestations', 'accueil'];
const TRACKS = ['labelling', 'homologation', 'nonStandard'];
const STATUSES = ['none', 'inProgress', 'labelled', 'homologated', 'withdrawn'];
const STAGES = ['inDevelopment', 'inProduction', 'deprecated', 'retired'];
const OFFICES = ['CPAM75', 'CPAM69', 'CGSS972', 'DRSM13', 'CTI44', 'CARSAT59'];
const REGIONS = ['idf', 'ara', 'mq', 'paca', 'pdl', 'hdf'];
const HOSTINGS = ['local', 'amCloud', 'national'];
const TECHNOLOGIES = ['php', 'symfony', 'java', 'vba', 'python', 'access'];

const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function vectorOf(r: Random) {
  let position = 1;
  return r
    .some(LEXEMES, 5)
    .sort()
    .map((lexeme) => {
      const places = Array.from(
        { length: 1 + r.int(3) },
        () => `${position++}${r.pick(['A', 'B', 'C', ''])}`,
      );
      return `'${lexeme}':${places.join(',')}`;
    })
    .join(' ');
}

let serial = 0;
function row(r: Random, given?: string): IndexRow {
  serial += 1;
  const id = given ?? `app-${serial}`;
  const office = r.int(OFFICES.length);
  const name = r.pick(NAMES);
  const updatedMs = Date.UTC(2026, 0, 1) + r.int(30) * 86_400_000;
  return {
    id,
    code: `APP-${String(serial).padStart(5, '0')}`,
    name,
    summary: `Résumé ${serial}`,
    domain: ((code) => ({ code, label: code.toUpperCase() }))(r.pick(DOMAINS)),
    designer: {
      id: `office-${office}`,
      code: OFFICES[office] as string,
      name: `Organisme ${OFFICES[office]}`,
      type: 'cpam',
      region: REGIONS[office] as never,
    },
    track: r.pick(TRACKS),
    certificationStatus: r.pick(STATUSES),
    lifecycleStage: r.pick(STAGES),
    hosting: r.pick(HOSTINGS),
    personalData: r.next() < 0.5,
    technologyTags: r.some(TECHNOLOGIES, 3),
    usedBy: r.some(OFFICES, 4).sort(),
    forgeSignals: r.some(FORGE_SIGNALS, 2),
    usageCount: r.int(6),
    archived: r.next() < 0.15,
    updatedAt: new Date(updatedMs),
    updatedMs,
    sortName: plain(name),
    vector: vectorOf(r),
  };
}

function facetValues(row: IndexRow, facet: Facet): string[] {
  switch (facet) {
    case 'domain':
      return [row.domain.code];
    case 'track':
      return [row.track];
    case 'status':
      return [row.certificationStatus];
    case 'lifecycle':
      return [row.archived ? ARCHIVED_STAGE : row.lifecycleStage];
    case 'organisation':
      return [row.designer.code];
    case 'region':
      return [row.designer.region as string];
    case 'hosting':
      return [row.hosting];
    case 'personalData':
      return [row.personalData ? 'yes' : 'no'];
    case 'technology':
      return row.technologyTags;
    case 'usedBy':
      return row.usedBy ?? [];
    case 'forge':
      return row.forgeSignals ?? [];
  }
}

const WEIGHT: Record<string, number> = { A: 1, B: 0.4, C: 0.2, '': 0.1 };

/** Per lexeme of a row: its best class weight × the repetition bonus, as search.text.ts documents it. */
function lexemeScores(vector: string) {
  const scores = new Map<string, number>();
  for (const part of vector.split(' ').filter(Boolean)) {
    const [quoted, places = ''] = part.split(':');
    const list = places.split(',');
    const best = Math.max(...list.map((p) => WEIGHT[p.replace(/\d+/, '')] as number));
    scores.set((quoted as string).slice(1, -1), best * (1 + 0.05 * Math.min(list.length - 1, 4)));
  }
  return scores;
}

/** The rank of a row for a query, or null when it does not match. */
function naiveRank(row: IndexRow, clauses: QueryClause[]) {
  if (clauses.length === 0) return null;
  const scores = lexemeScores(row.vector);
  let sum = 0;
  for (const clause of clauses) {
    let best = -1;
    for (const term of clause) {
      let termScore = Number.POSITIVE_INFINITY;
      for (const wanted of term.lexemes) {
        let found = -1;
        for (const [lexeme, score] of scores)
          if (term.prefix ? lexeme.startsWith(wanted) : lexeme === wanted) found = Math.max(found, score);
        termScore = Math.min(termScore, found);
      }
      best = Math.max(best, termScore);
    }
    if (best < 0) return null;
    sum += best;
  }
  return sum / clauses.length;
}

function naiveSearch(
  rows: IndexRow[],
  filters: ApplicationFilters,
  clauses: QueryClause[] | null,
  sort: SearchSort,
  page: { offset: number; limit: number },
) {
  const inScope = rows.filter((r) =>
    filters.archived === 'include' ? true : filters.archived === 'only' ? r.archived : !r.archived,
  );
  const ranks = new Map<string, number>();
  const texted = inScope.filter((r) => {
    if (!clauses) return true;
    const rank = naiveRank(r, clauses);
    if (rank !== null) ranks.set(r.id, rank);
    return rank !== null;
  });
  const passes = (r: IndexRow, except?: Facet) =>
    FACETS.every((facet) => {
      const selected = filters[facet] as string[] | undefined;
      if (facet === except || !selected || selected.length === 0) return true;
      return facetValues(r, facet).some((v) => selected.includes(v));
    });
  const matching = texted.filter((r) => passes(r));
  const facets = Object.fromEntries(
    FACETS.map((facet) => {
      const counts = new Map<string, number>();
      for (const r of texted)
        if (passes(r, facet)) for (const v of facetValues(r, facet)) counts.set(v, (counts.get(v) ?? 0) + 1);
      return [facet, [...counts].sort(([a], [b]) => compareText(a, b))];
    }),
  );
  const byName = (a: IndexRow, b: IndexRow) =>
    compareText(a.sortName, b.sortName) || compareText(a.code, b.code);
  const score = (r: IndexRow) => searchScore(ranks.get(r.id) as number, Math.fround(rankingPrior(r)));
  const compare =
    sort === 'relevance' && clauses
      ? (a: IndexRow, b: IndexRow) => score(b) - score(a) || b.usageCount - a.usageCount || byName(a, b)
      : sort === 'usage'
        ? (a: IndexRow, b: IndexRow) => b.usageCount - a.usageCount || byName(a, b)
        : sort === 'updated'
          ? (a: IndexRow, b: IndexRow) => b.updatedMs - a.updatedMs || byName(a, b)
          : byName;
  const ids = matching
    .sort(compare)
    .slice(page.offset, page.offset + page.limit)
    .map((r) => r.id);
  return { ids, total: matching.length, facets };
}

function randomFilters(r: Random): ApplicationFilters {
  const filters: ApplicationFilters = {};
  const chosen = r.some(FACETS, 5);
  for (const facet of chosen) {
    const pool = facet === 'lifecycle' ? STAGES : (rowPools[facet] as readonly string[]);
    (filters as Record<string, string[]>)[facet] = [
      ...r.some(pool, 2),
      ...(r.next() < 0.05 ? ['inconnu'] : []),
    ];
  }
  const archived = r.int(4);
  if (archived === 1) filters.archived = 'include';
  if (archived === 2) filters.archived = 'only';
  return filters;
}

const rowPools: Partial<Record<Facet, readonly string[]>> = {
  domain: DOMAINS,
  track: TRACKS,
  status: STATUSES,
  organisation: OFFICES,
  region: REGIONS,
  hosting: HOSTINGS,
  personalData: ['yes', 'no'],
  technology: TECHNOLOGIES,
  usedBy: OFFICES,
  forge: FORGE_SIGNALS,
};

function randomClauses(r: Random): QueryClause[] | null {
  if (r.next() < 0.3) return null;
  return Array.from({ length: 1 + r.int(2) }, () =>
    Array.from({ length: 1 + r.int(2) }, () => {
      const lexeme = r.pick(LEXEMES);
      const prefix = r.next() < 0.7;
      return { lexemes: [prefix ? lexeme.slice(0, 2 + r.int(lexeme.length - 1)) : lexeme], prefix };
    }),
  );
}

describe('catalogue search index against a naive reference', () => {
  it('agrees on results, totals, facet counts, order and homonyms through random writes', () => {
    let compared = 0;
    let nonEmpty = 0;
    let nonEmptyWithThreeFilters = 0;
    for (let seed = 1; seed <= 40; seed += 1) {
      const r = random(seed);
      const rows = new Map<string, IndexRow>();
      const index = new CatalogueIndex();
      const initial = Array.from({ length: 20 + r.int(120) }, () => row(r));
      for (const x of initial) rows.set(x.id, x);
      index.add(initial);
      index.seal();
      for (let step = 0; step < 30; step += 1) {
        const filters = randomFilters(r);
        const clauses = randomClauses(r);
        const sort = r.pick(['relevance', 'name', 'usage', 'updated'] as const);
        const page = { offset: r.int(3) * 5, limit: 1 + r.int(12) };
        const expected = naiveSearch([...rows.values()], filters, clauses, sort, page);
        const got = searchIndex(index, filters, clauses ? index.text.match(clauses) : null, sort, page);
        const context = JSON.stringify({ seed, step, filters, clauses, sort, page });
        expect(
          got.order.map((slot) => index.idAt(slot)),
          context,
        ).toEqual(expected.ids);
        expect(got.total, context).toBe(expected.total);
        for (const facet of FACETS)
          expect(
            got.facets[facet]
              .map((v) => [v.value, v.count])
              .sort(([a], [b]) => compareText(String(a), String(b))),
            `${context} ${facet}`,
          ).toEqual(expected.facets[facet]);
        for (const slot of got.order) {
          const card = index.cardAt(slot);
          const source = rows.get(card.id) as IndexRow;
          expect({
            ...card,
            usedBy: source.usedBy,
            forgeSignals: source.forgeSignals,
            vector: source.vector,
          }).toEqual(source);
          const homonyms = [...rows.values()]
            .filter(
              (o) => o.id !== card.id && !o.archived && comparableName(o.name) === comparableName(card.name),
            )
            .map((o) => o.id)
            .sort();
          const same = index.sameNameAt(slot, 2);
          expect(same.count, context).toBe(homonyms.length);
          expect(same.shown.map((c) => c.code)).toEqual(
            [...rows.values()]
              .filter((o) => homonyms.includes(o.id))
              .map((o) => o.code)
              .sort(compareText)
              .slice(0, 2),
          );
          expect(
            index
              .sameNameAt(slot)
              .shown.map((c) => c.id)
              .sort(),
            context,
          ).toEqual(homonyms);
        }
        compared += 1;
        if (expected.ids.length > 0) nonEmpty += 1;
        const filterCount = FACETS.filter((f) => (filters[f] as string[] | undefined)?.length).length;
        if (expected.total > 0 && filterCount >= 3) nonEmptyWithThreeFilters += 1;
        // A few writes between two searches, applied as the change log brings them.
        const writes = r.int(4);
        const ids: string[] = [];
        const changed: IndexRow[] = [];
        for (let w = 0; w < writes; w += 1) {
          const existing = [...rows.keys()];
          const kind = r.int(10);
          if (kind < 6 && existing.length > 0) {
            const id = r.pick(existing);
            const edited = { ...row(r, id), code: (rows.get(id) as IndexRow).code };
            rows.set(id, edited);
            ids.push(id);
            changed.push(edited);
          } else if (kind < 9) {
            const created = row(r);
            rows.set(created.id, created);
            ids.push(created.id);
            changed.push(created);
          } else if (existing.length > 0) {
            const id = r.pick(existing);
            rows.delete(id);
            ids.push(id);
          }
        }
        index.apply(
          ids,
          changed.filter((c) => rows.get(c.id) === c),
        );
      }
    }
    expect(compared).toBe(40 * 30);
    expect(nonEmpty).toBeGreaterThan(compared / 3);
    expect(nonEmptyWithThreeFilters).toBeGreaterThan(20);
  });
});
