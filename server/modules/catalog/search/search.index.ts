import { FACETS, type Facet } from '../../../../common/catalog/vocabulary.ts';
import type { ApplicationFilters } from '../../../../common/schemas/application-search.ts';
import type { Database, Executor } from '../../../db/client.ts';
import { countAll, rejectByColumn, rejectByTags, type TagList } from './search.counting.ts';
import type { Dictionary } from './search.dictionary.ts';
import { buildIndexData, compareText, type IndexData, SLOT_OF_FACET } from './search.loading.ts';
import { type CatalogueRow, readCatalogue, readCatalogueVersion } from './search.queries.ts';
import { topByScore } from './search.ranking.ts';

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

export interface IndexSearch {
  /** Positions of the matching applications of the requested page, in the requested order. */
  order: number[];
  total: number;
  facets: Record<Facet, { value: string; label: string; count: number }[]>;
}

export class CatalogueIndex {
  private data: IndexData = buildIndexData(-1, []);
  private loading: Promise<void> | null = null;
  private unfiltered: { counts: Int32Array[]; matched: Uint8Array; total: number } | null = null;
  private textCache = new Map<string, { version: number; positions: Int32Array; ranks: Float64Array }>();

  /** The catalogue version the index holds (-1 before the first load). */
  get version() {
    return this.data.version;
  }

  /** Reloads when a committed change moved the catalogue version; concurrent callers share one reload. */
  async ensureFresh(db: Executor) {
    if ((await readCatalogueVersion(db)) === this.version) return;
    this.loading ??= this.load(db as Database).finally(() => {
      this.loading = null;
    });
    await this.loading;
  }

  private async load(db: Database) {
    const { version, rows, officeNames } = await readCatalogue(db);
    this.data = buildIndexData(version, rows, officeNames);
    this.unfiltered = null;
    this.textCache = new Map();
  }

  idAt(position: number) {
    return this.data.ids[position] as string;
  }

  /** What the card at this position shows (the presenter turns it into the API's card). */
  cardAt(position: number) {
    return this.data.cards[position] as CatalogueRow;
  }

  /** The cards of the other live applications that bear the same name (search.ranking.ts, comparableName). */
  sameNameAt(position: number): CatalogueRow[] {
    const { groupOf, groups } = this.data.homonyms;
    const group = groupOf[position] as number;
    if (group < 0) return [];
    return Array.from(groups[group] as Int32Array)
      .filter((i) => i !== position)
      .map((i) => this.data.cards[i] as CatalogueRow);
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
      const i = this.data.position.get(id);
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
    const data = this.data;
    // Archived applications: left out (live), listed with the others (include) or alone (only).
    const archivedFilter = filters.archived;
    const live = archivedFilter === undefined;
    const n = data.size;
    const facetCount = FACETS.length;
    // Per facet: the mask of allowed codes, or null when not filtered. An unknown value matches nothing.
    const masks: (Uint8Array | null)[] = FACETS.map((facet) => {
      const selected = filters[facet] as string[] | undefined;
      if (!selected || selected.length === 0) return null;
      const dictionary = data.dictionaries.get(facet) as Dictionary;
      const mask = new Uint8Array(dictionary.values.length);
      for (const value of selected) {
        const code = dictionary.find(value);
        if (code !== undefined) mask[code] = 1;
      }
      return mask;
    });
    const activeCount = masks.filter((m) => m !== null).length;
    const counts = FACETS.map(
      (facet) => new Int32Array((data.dictionaries.get(facet) as Dictionary).values.length),
    );

    // Candidate rows: the text matches or every application, archived ones left out unless asked for.
    const unfiltered = !text && activeCount === 0 && live;
    let rows: Int32Array;
    if (text) {
      const archived = data.archived;
      rows =
        archivedFilter === 'include'
          ? text.positions
          : text.positions.filter((i) => (archived[i] === 1) === (archivedFilter === 'only'));
    } else if (activeCount > 0 && live) {
      rows = this.candidatesOfFilters(masks);
    } else {
      rows =
        archivedFilter === 'include' ? data.all : archivedFilter === 'only' ? data.archivedRows : data.live;
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
        const slot = SLOT_OF_FACET[f] as number;
        if (slot >= 0) rejectByColumn(rows, data.columns[slot] as Uint16Array, mask, rejected, rejectedBy, f);
        else rejectByTags(rows, data.tagLists[-slot - 1] as TagList, mask, rejected, rejectedBy, f);
      }
      const countsOfSlot = (slot: number) => counts[SLOT_OF_FACET.indexOf(slot)] as Int32Array;
      total = countAll(
        rows,
        SLOT_OF_FACET,
        data.columns,
        data.columns.map((_, c) => countsOfSlot(c)),
        data.tagLists,
        data.tagLists.map((_, m) => countsOfSlot(-m - 1)),
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
      const tieBreak = (a: number, b: number) =>
        (data.usage[b] as number) - (data.usage[a] as number) ||
        compareText(data.names[a] as string, data.names[b] as string);
      order.push(...topByScore(text, matched, data.prior, tieBreak, end).slice(page.offset, end));
    } else {
      // Walk the order prepared at load time and keep the matching applications of the page only.
      const presorted = sort === 'usage' ? data.byUsage : sort === 'updated' ? data.byUpdated : data.byName;
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
        const dictionary = data.dictionaries.get(facet) as Dictionary;
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

  /**
   * An application rejected by at most one filter passes at least one of any two filters: the candidates
   * are the applications of the two most selective filters (their postings), not the whole catalogue.
   */
  private candidatesOfFilters(masks: (Uint8Array | null)[]) {
    const postingsOf = FACETS.map((_facet, f) => {
      const mask = masks[f];
      if (!mask) return null;
      const lists = (this.data.postings[f] as Int32Array[]).filter((_, code) => mask[code] === 1);
      return { lists, size: lists.reduce((sum, list) => sum + list.length, 0) };
    })
      .filter((p) => p !== null)
      .sort((a, b) => a.size - b.size)
      .slice(0, 2);
    const seen = new Uint8Array(this.data.size);
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
    return Int32Array.from(union);
  }

  /** The facet counts of the whole catalogue (archived applications left out), computed once per version. */
  private unfilteredCounts() {
    if (!this.unfiltered) this.search({}, null, 'name', { offset: 0, limit: 0 });
    return (this.unfiltered as { counts: Int32Array[] }).counts;
  }
}

const MAX_CACHED_QUERIES = 500;

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
