import { FACETS, type Facet } from '../../../../common/catalog/vocabulary.ts';
import type { ApplicationFilters } from '../../../../common/schemas/application.ts';
import type { Database, Executor } from '../../../db/client.ts';
import { countAll, rejectByColumn, rejectByTags } from './search.counting.ts';
import { Dictionary, SINGLE } from './search.dictionary.ts';
import { type CatalogueRow, readCatalogue, readCatalogueVersion } from './search.queries.ts';

/**
 * The facet side of the catalogue search, in memory. Each server process keeps the facet values of every
 * application in flat arrays (a few bytes each: 100,000 applications take a few megabytes) and counts the
 * facets of a request in one pass over them, instead of the database scanning and grouping every row.
 * The text side stays in PostgreSQL (French full text, GIN index): it hands over the matching ids.
 * The result cards are kept too (a few hundred bytes each), so a page is served without a read.
 *
 * Freshness: a statement trigger moves `catalogue_state.version` in every transaction that writes
 * applications. Each search reads that one row (a primary-key lookup) and reloads the index, in one
 * snapshot, when the version moved: a change committed by any process is seen by the next search.
 */

/** The lifecycle-facet value of an archived application: counted nowhere, shown nowhere. */
export const ARCHIVED_STAGE = 'archived';

export interface IndexSearch {
  /** Positions of the matching applications of the requested page, in the requested order. */
  order: number[];
  total: number;
  facets: Record<Facet, { value: string; label: string; count: number }[]>;
}

export class CatalogueIndex {
  version = -1;
  private size = 0;
  private ids: string[] = [];
  private names: string[] = [];
  /** What the card of each application shows: a page needs no database read. */
  private cards: CatalogueRow[] = [];
  private position = new Map<string, number>();
  private columns: Uint16Array[] = [];
  private tagStart = new Int32Array(1);
  private tagValues = new Uint16Array(0);
  private archived = new Uint8Array(0);
  private usage = new Int32Array(0);
  private byName: Int32Array = new Int32Array(0);
  private byUsage: Int32Array = new Int32Array(0);
  private byUpdated: Int32Array = new Int32Array(0);
  private dictionaries = new Map<Facet, Dictionary>();
  private loading: Promise<void> | null = null;
  private unfiltered: { counts: Int32Array[]; matched: Uint8Array; total: number } | null = null;
  /** Per facet and value code: the positions of the live applications that have it. */
  private postings: Int32Array[][] = [];
  private all = new Int32Array(0);
  private live = new Int32Array(0);
  private archivedRows = new Int32Array(0);
  private textCache = new Map<string, { version: number; positions: Int32Array; ranks: Float64Array }>();

  /** Reloads when a committed change moved the catalogue version; concurrent callers share one reload. */
  async ensureFresh(db: Executor) {
    if ((await readCatalogueVersion(db)) === this.version) return;
    this.loading ??= this.load(db as Database).finally(() => {
      this.loading = null;
    });
    await this.loading;
  }

  private async load(db: Database) {
    const { version, rows } = await readCatalogue(db);
    const n = rows.length;
    const dictionaries = new Map<Facet, Dictionary>(FACETS.map((f) => [f, new Dictionary()]));
    const dict = (f: Facet) => dictionaries.get(f) as Dictionary;
    const columns = SINGLE.map(() => new Uint16Array(n));
    const rowTags: number[][] = new Array(n);
    const archived = new Uint8Array(n);
    const usage = new Int32Array(n);
    const updated = new Float64Array(n);
    const ids: string[] = new Array(n);
    const codes: string[] = new Array(n);
    const names: string[] = new Array(n);
    const cards: CatalogueRow[] = new Array(n);
    const position = new Map<string, number>();
    rows.forEach((row, i) => {
      const values: [string, string?][] = [
        [row.domain.code, row.domain.label],
        [row.track],
        [row.certificationStatus],
        // An archived sheet is in no stage of its life any more (not "in production"): see presentFacets.
        [row.archived ? ARCHIVED_STAGE : row.lifecycleStage],
        [row.designer.code, row.designer.name],
        [row.designer.region],
        [row.hosting],
        [row.personalData ? 'yes' : 'no'],
      ];
      SINGLE.forEach((facet, c) => {
        const [value, label] = values[c] as [string, string?];
        (columns[c] as Uint16Array)[i] = dict(facet).code(value, label);
      });
      rowTags[i] = row.technologyTags.map((t) => dict('technology').code(t));
      archived[i] = row.archived ? 1 : 0;
      usage[i] = row.usageCount;
      updated[i] = row.updatedMs;
      ids[i] = row.id;
      codes[i] = row.code;
      names[i] = row.sortName;
      cards[i] = row;
      position.set(row.id, i);
    });
    // Tags in one flat array: the tags of application i are tagValues[tagStart[i] .. tagStart[i + 1]).
    const tagStart = new Int32Array(n + 1);
    rowTags.forEach((list, i) => {
      tagStart[i + 1] = (tagStart[i] as number) + list.length;
    });
    const tagValues = Uint16Array.from(rowTags.flat());
    const sorted = (compare: (a: number, b: number) => number) =>
      Int32Array.from(Array.from({ length: n }, (_, i) => i).sort(compare));
    const byNameThenCode = (a: number, b: number) =>
      compareText(names[a] as string, names[b] as string) ||
      compareText(codes[a] as string, codes[b] as string);
    Object.assign(this, {
      size: n,
      ids,
      position,
      columns,
      tagStart,
      tagValues,
      archived,
      usage,
      dictionaries,
      byName: sorted(byNameThenCode),
      byUsage: sorted((a, b) => (usage[b] as number) - (usage[a] as number) || byNameThenCode(a, b)),
      byUpdated: sorted((a, b) => (updated[b] as number) - (updated[a] as number) || byNameThenCode(a, b)),
      names,
      cards,
      version,
      unfiltered: null,
      textCache: new Map(),
      all: Int32Array.from({ length: n }, (_, i) => i),
      postings: FACETS.map((facet, f) => {
        const lists: number[][] = (dictionaries.get(facet) as Dictionary).values.map(() => []);
        for (let i = 0; i < n; i += 1) {
          if (archived[i] === 1) continue;
          if (facet === 'technology') {
            for (let t = tagStart[i] as number; t < (tagStart[i + 1] as number); t += 1)
              lists[tagValues[t] as number]?.push(i);
          } else {
            lists[(columns[COLUMN_OF_FACET[f] as number] as Uint16Array)[i] as number]?.push(i);
          }
        }
        return lists.map((list) => Int32Array.from(list));
      }),
      live: Int32Array.from(Array.from({ length: n }, (_, i) => i).filter((i) => archived[i] !== 1)),
      archivedRows: Int32Array.from(Array.from({ length: n }, (_, i) => i).filter((i) => archived[i] === 1)),
    });
  }

  idAt(position: number) {
    return this.ids[position] as string;
  }

  /** What the card at this position shows (the presenter turns it into the API's card). */
  cardAt(position: number) {
    return this.cards[position] as CatalogueRow;
  }

  /**
   * The applications a full-text query matches, as positions and ranks. Kept per catalogue version (at most
   * MAX_CACHED_QUERIES queries): a broad word that matches a third of the catalogue costs PostgreSQL a
   * visit of every matching row, and people search the same words again and again.
   */
  async textCandidates(tsQuery: string, fetch: () => Promise<Map<string, number>>) {
    const cached = this.textCache.get(tsQuery);
    if (cached && cached.version === this.version) return cached;
    const matches = await fetch();
    const positions: number[] = [];
    const ranks: number[] = [];
    for (const [id, rank] of matches) {
      const i = this.position.get(id);
      if (i !== undefined) {
        positions.push(i);
        ranks.push(rank);
      }
    }
    const entry = {
      version: this.version,
      positions: Int32Array.from(positions),
      ranks: Float64Array.from(ranks),
    };
    if (this.textCache.size >= MAX_CACHED_QUERIES) {
      const oldest = this.textCache.keys().next().value;
      if (oldest !== undefined) this.textCache.delete(oldest);
    }
    this.textCache.set(tsQuery, entry);
    return entry;
  }

  /**
   * Counts every facet and orders the matching applications; returns the positions of `limit`
   * applications from `offset`. `text` restricts to the applications a full-text query found (null: no
   * text query).
   *
   * Column by column: each active filter marks the applications it rejects (count and last facet), then
   * each facet counts the applications that pass every filter, plus those rejected by its own filter only.
   */
  search(
    filters: ApplicationFilters,
    text: { positions: Int32Array; ranks: Float64Array } | null,
    sort: 'relevance' | 'usage' | 'name' | 'updated',
    page: { offset: number; limit: number } = { offset: 0, limit: Number.POSITIVE_INFINITY },
  ): IndexSearch {
    // Archived applications: left out (live), listed with the others (include) or alone (only).
    const archivedFilter = filters.archived;
    const live = archivedFilter === undefined;
    const n = this.size;
    const facetCount = FACETS.length;
    const columnOf = FACETS.map((facet) =>
      facet === 'technology'
        ? null
        : (this.columns[SINGLE.indexOf(facet as (typeof SINGLE)[number])] as Uint16Array),
    );
    // Per facet: the mask of allowed codes, or null when not filtered. An unknown value matches nothing.
    const masks: (Uint8Array | null)[] = FACETS.map((facet) => {
      const selected = filters[facet] as string[] | undefined;
      if (!selected || selected.length === 0) return null;
      const dictionary = this.dictionaries.get(facet) as Dictionary;
      const mask = new Uint8Array(dictionary.values.length);
      for (const value of selected) {
        const code = dictionary.find(value);
        if (code !== undefined) mask[code] = 1;
      }
      return mask;
    });
    const activeCount = masks.filter((m) => m !== null).length;
    const counts = FACETS.map(
      (facet) => new Int32Array((this.dictionaries.get(facet) as Dictionary).values.length),
    );

    // Candidate rows: the text matches or every application, archived ones left out unless asked for.
    const unfiltered = !text && activeCount === 0 && live;
    let rows: Int32Array;
    if (text) {
      const archived = this.archived;
      rows =
        archivedFilter === 'include'
          ? text.positions
          : text.positions.filter((i) => (archived[i] === 1) === (archivedFilter === 'only'));
    } else if (activeCount > 0 && live) {
      // An application rejected by at most one filter passes at least one of any two filters: the candidates
      // are the applications of the two most selective filters (their postings), not the whole catalogue.
      const postingsOf = FACETS.map((_facet, f) => {
        const mask = masks[f];
        if (!mask) return null;
        const lists = (this.postings[f] as Int32Array[]).filter((_, code) => mask[code] === 1);
        return { lists, size: lists.reduce((sum, list) => sum + list.length, 0) };
      })
        .filter((p) => p !== null)
        .sort((a, b) => a.size - b.size)
        .slice(0, 2);
      const seen = new Uint8Array(n);
      const union: number[] = [];
      for (const { lists } of postingsOf)
        for (const list of lists)
          for (let k = 0; k < list.length; k += 1) {
            const i = list[k] as number;
            if (seen[i] === 0) {
              seen[i] = 1;
              union.push(i);
            }
          }
      rows = Int32Array.from(union);
    } else {
      rows =
        archivedFilter === 'include' ? this.all : archivedFilter === 'only' ? this.archivedRows : this.live;
    }
    const rejected = new Uint8Array(n);
    const rejectedBy = new Uint8Array(n);
    let total = 0;
    const matched = new Uint8Array(n);
    if (unfiltered && this.unfiltered) {
      this.unfiltered.counts.forEach((c, f) => {
        (counts[f] as Int32Array).set(c);
      });
      matched.set(this.unfiltered.matched);
      total = this.unfiltered.total;
    } else {
      for (let f = 0; f < facetCount; f += 1) {
        const mask = masks[f];
        if (!mask) continue;
        const column = columnOf[f];
        if (column) rejectByColumn(rows, column, mask, rejected, rejectedBy, f);
        else rejectByTags(rows, this.tagStart, this.tagValues, mask, rejected, rejectedBy, f);
      }
      total = countAll(
        rows,
        COLUMN_OF_FACET,
        this.columns,
        SINGLE.map((facet) => counts[FACETS.indexOf(facet)] as Int32Array),
        FACETS.indexOf('technology'),
        this.tagStart,
        this.tagValues,
        counts[FACETS.indexOf('technology')] as Int32Array,
        rejected,
        rejectedBy,
        matched,
      );
      // With one filter, its own facet counts the whole catalogue: those counts are the unfiltered ones.
      if (activeCount === 1 && !text && live) {
        const only = masks.findIndex((mask) => mask !== null);
        (counts[only] as Int32Array).set(this.unfilteredCounts()[only] as Int32Array);
      }
      if (unfiltered)
        this.unfiltered = { counts: counts.map((c) => c.slice()), matched: matched.slice(), total };
    }

    const order: number[] = [];
    const end = page.offset + page.limit;
    if (sort === 'relevance' && text) {
      order.push(...this.topByRank(text, matched, end).slice(page.offset, end));
    } else {
      // Walk the order prepared at load time and keep the matching applications of the page only.
      const presorted = sort === 'usage' ? this.byUsage : sort === 'updated' ? this.byUpdated : this.byName;
      let seen = 0;
      for (let k = 0; k < presorted.length && seen < end; k += 1) {
        const i = presorted[k] as number;
        if (matched[i] !== 1) continue;
        if (seen >= page.offset) order.push(i);
        seen += 1;
      }
    }

    const facets = Object.fromEntries(
      FACETS.map((facet, f) => {
        const dictionary = this.dictionaries.get(facet) as Dictionary;
        const facetCounts = counts[f] as Int32Array;
        const values: { value: string; label: string; count: number }[] = [];
        for (let code = 0; code < facetCounts.length; code += 1) {
          const c = facetCounts[code] as number;
          if (c > 0)
            values.push({
              value: dictionary.values[code] as string,
              label: dictionary.labels[code] as string,
              count: c,
            });
        }
        return [facet, values];
      }),
    ) as IndexSearch['facets'];
    return { order, total, facets };
  }

  /** The facet counts of the whole catalogue (archived applications left out), computed once per version. */
  private unfilteredCounts() {
    if (!this.unfiltered) this.search({}, null, 'name', { offset: 0, limit: 0 });
    return (this.unfiltered as { counts: Int32Array[] }).counts;
  }

  /** The `k` best matches by rank (then usage, then name), without sorting every match. */
  private topByRank(text: { positions: Int32Array; ranks: Float64Array }, matched: Uint8Array, k: number) {
    const better = (a: number, rankA: number, b: number, rankB: number) =>
      rankA !== rankB
        ? rankA > rankB
        : this.usage[a] !== this.usage[b]
          ? (this.usage[a] as number) > (this.usage[b] as number)
          : compareText(this.names[a] as string, this.names[b] as string) < 0;
    const best: number[] = [];
    const bestRanks: number[] = [];
    for (let c = 0; c < text.positions.length; c += 1) {
      const i = text.positions[c] as number;
      if (matched[i] !== 1) continue;
      const rank = text.ranks[c] as number;
      if (best.length >= k) {
        const last = best.length - 1;
        if (!better(i, rank, best[last] as number, bestRanks[last] as number)) continue;
        best.pop();
        bestRanks.pop();
      }
      let at = best.length;
      while (at > 0 && better(i, rank, best[at - 1] as number, bestRanks[at - 1] as number)) at -= 1;
      best.splice(at, 0, i);
      bestRanks.splice(at, 0, rank);
    }
    return best;
  }
}

const MAX_CACHED_QUERIES = 500;
/** Facet number → column number (-1: the technology facet, which has tags). */
const COLUMN_OF_FACET = Int8Array.from(
  FACETS.map((facet) => SINGLE.indexOf(facet as (typeof SINGLE)[number])),
);

/** Code-point order, as PostgreSQL sorts with the C collation. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const indexes = new WeakMap<object, CatalogueIndex>();

/** The index of one database (the tests open many; a server opens one). */
export function catalogueIndexFor(db: Executor) {
  let index = indexes.get(db);
  if (!index) {
    index = new CatalogueIndex();
    indexes.set(db, index);
  }
  return index;
}
