import { FACETS, type Facet } from '../../../../common/catalog/vocabulary.ts';
import type { ApplicationFilters } from '../../../../common/schemas/application-search.ts';
import { countAll, rejectByColumn, rejectByTags } from './search.counting.ts';
import type { Dictionary } from './search.dictionary.ts';
import { type CatalogueIndex, SLOT_OF_FACET } from './search.index.ts';
import { topByScore } from './search.ranking.ts';
import type { SlotList, TagColumn } from './search.store.ts';

/**
 * A search over the in-memory index: counts every facet and orders the matching applications in one
 * pass over typed arrays. `text` restricts to the applications a text query matched (null: no text).
 *
 * Column by column: each active filter marks the applications it rejects (count and last facet), then
 * each facet counts the applications that pass every filter, plus those rejected by its own filter only
 * ("the counts follow the other filters").
 */

export interface IndexSearch {
  /** Slots of the matching applications of the requested page, in the requested order. */
  order: number[];
  total: number;
  facets: Record<Facet, { value: string; label: string; count: number }[]>;
}

export type TextMatches = { positions: Int32Array; ranks: Float64Array };
export type SearchSort = 'relevance' | 'usage' | 'name' | 'updated';

interface Unfiltered {
  counts: Int32Array[];
  matched: Uint8Array;
  total: number;
}

export function searchIndex(
  index: CatalogueIndex,
  filters: ApplicationFilters,
  text: TextMatches | null,
  sort: SearchSort,
  page: { offset: number; limit: number } = { offset: 0, limit: Number.POSITIVE_INFINITY },
): IndexSearch {
  // Archived applications: left out (live), listed with the others (include) or alone (only).
  const archivedFilter = filters.archived;
  const live = archivedFilter === undefined;
  const n = index.size;
  const dictionary = (facet: Facet) => index.dictionaries.get(facet) as Dictionary;
  // Per facet: the mask of allowed codes, or null when not filtered. An unknown value matches nothing.
  const masks: (Uint8Array | null)[] = FACETS.map((facet) => {
    const selected = filters[facet] as string[] | undefined;
    if (!selected || selected.length === 0) return null;
    const mask = new Uint8Array(dictionary(facet).values.length);
    for (const value of selected) {
      const code = dictionary(facet).find(value);
      if (code !== undefined) mask[code] = 1;
    }
    return mask;
  });
  const activeCount = masks.filter((m) => m !== null).length;
  const counts = FACETS.map((facet) => new Int32Array(dictionary(facet).values.length));

  // With one filter, its own facet counts the whole catalogue: the unfiltered counts (computed first: the
  // search that computes them uses the same scratch marks).
  const oneFilterCounts = activeCount === 1 && !text && live ? unfilteredCounts(index) : null;
  // Candidate rows: the text matches or every application, archived ones left out unless asked for.
  const unfiltered = !text && activeCount === 0 && live;
  let rows: Int32Array;
  if (text) {
    rows =
      archivedFilter === 'include' ? text.positions : inArchivedState(index, text.positions, live ? 0 : 1);
  } else if (activeCount > 0 && live) {
    rows = candidatesOfFilters(index, masks);
  } else {
    // Only here: the lists of every slot are derived once per version, which a write moves.
    const lists = slotLists(index);
    rows = archivedFilter === 'include' ? lists.all : archivedFilter === 'only' ? lists.archived : lists.live;
  }
  const { rejected, rejectedBy, matched } = index.scratch();
  const cached = index.derived.get('unfiltered') as Unfiltered | undefined;
  try {
    let total = 0;
    if (unfiltered && cached) {
      cached.counts.forEach((c, f) => {
        (counts[f] as Int32Array).set(c);
      });
      matched.set(cached.matched);
      total = cached.total;
    } else {
      for (let f = 0; f < FACETS.length; f += 1) {
        const mask = masks[f];
        if (!mask) continue;
        const slot = SLOT_OF_FACET[f] as number;
        if (slot >= 0)
          rejectByColumn(rows, index.columns[slot] as Uint16Array, mask, rejected, rejectedBy, f);
        else rejectByTags(rows, index.tags[-slot - 1] as TagColumn, mask, rejected, rejectedBy, f);
      }
      const countsOfSlot = (slot: number) => counts[SLOT_OF_FACET.indexOf(slot)] as Int32Array;
      total = countAll(
        rows,
        SLOT_OF_FACET,
        index.columns,
        index.columns.map((_, c) => countsOfSlot(c)),
        index.tags,
        index.tags.map((_, m) => countsOfSlot(-m - 1)),
        rejected,
        rejectedBy,
        matched,
      );
      if (oneFilterCounts) {
        const only = masks.findIndex((mask) => mask !== null);
        (counts[only] as Int32Array).set(oneFilterCounts[only] as Int32Array);
      }
      if (unfiltered)
        index.derived.set('unfiltered', {
          counts: counts.map((c) => c.slice()),
          matched: matched.slice(0, n),
          total,
        });
    }
    return { order: pageOf(index, text, matched, sort, page), total, facets: facetLists(index, counts) };
  } finally {
    // Back to zero for the next search: only what this one marked.
    if (unfiltered) matched.fill(0, 0, n);
    for (let k = 0; k < rows.length; k += 1) {
      const i = rows[k] as number;
      rejected[i] = 0;
      rejectedBy[i] = 0;
      matched[i] = 0;
    }
  }
}

/** The slots of the requested page, in the requested order. */
function pageOf(
  index: CatalogueIndex,
  text: TextMatches | null,
  matched: Uint8Array,
  sort: SearchSort,
  page: { offset: number; limit: number },
) {
  const order: number[] = [];
  const end = page.offset + page.limit;
  if (sort === 'relevance' && text) {
    const tieBreak = (a: number, b: number) =>
      (index.usage[b] as number) - (index.usage[a] as number) || index.byNameThenCode(a, b);
    order.push(...topByScore(text, matched, index.prior, tieBreak, end).slice(page.offset, end));
  } else {
    // Walk the order kept sorted in the index and keep the matching applications of the page only.
    const presorted = (
      sort === 'usage' ? index.byUsage : sort === 'updated' ? index.byUpdated : index.byName
    ).view();
    let seen = 0;
    for (let k = 0; k < presorted.length && seen < end; k += 1) {
      const i = presorted[k] as number;
      if (matched[i] !== 1) continue;
      if (seen >= page.offset) order.push(i);
      seen += 1;
    }
  }
  return order;
}

/** The counted values of every facet (those counted at least once). */
function facetLists(index: CatalogueIndex, counts: Int32Array[]) {
  const dictionary = (facet: Facet) => index.dictionaries.get(facet) as Dictionary;
  return Object.fromEntries(
    FACETS.map((facet, f) => {
      const facetCounts = counts[f] as Int32Array;
      const values: { value: string; label: string; count: number }[] = [];
      for (let code = 0; code < facetCounts.length; code += 1) {
        const c = facetCounts[code] as number;
        if (c > 0)
          values.push({
            value: dictionary(facet).values[code] as string,
            label: dictionary(facet).labels[code] as string,
            count: c,
          });
      }
      return [facet, values];
    }),
  ) as IndexSearch['facets'];
}

/**
 * An application rejected by at most one filter passes at least one of any two filters: the candidates
 * are the applications of the two most selective filters (their postings), not the whole catalogue.
 */
function candidatesOfFilters(index: CatalogueIndex, masks: (Uint8Array | null)[]) {
  const postingsOf = FACETS.map((_facet, f) => {
    const mask = masks[f];
    if (!mask) return null;
    const lists = (index.postings[f] as SlotList[]).filter((_, code) => mask[code] === 1);
    return { lists, size: lists.reduce((sum, list) => sum + list.size, 0) };
  })
    .filter((p) => p !== null)
    .sort((a, b) => a.size - b.size)
    .slice(0, 2);
  const { seen } = index.scratch();
  const union = new Int32Array(postingsOf.reduce((sum, p) => sum + p.size, 0));
  let size = 0;
  for (const { lists } of postingsOf)
    for (const list of lists) {
      const items = list.view();
      for (let k = 0; k < items.length; k += 1) {
        const i = items[k] as number;
        if (seen[i] === 0) {
          seen[i] = 1;
          union[size] = i;
          size += 1;
        }
      }
    }
  for (let k = 0; k < size; k += 1) seen[union[k] as number] = 0;
  return union.subarray(0, size);
}

/** The slots of `slots` whose archived flag is `flag` (0 live, 1 archived). */
function inArchivedState(index: CatalogueIndex, slots: Int32Array, flag: number) {
  const archived = index.archived;
  const kept = new Int32Array(slots.length);
  let size = 0;
  for (let k = 0; k < slots.length; k += 1) {
    const i = slots[k] as number;
    if (archived[i] === flag) {
      kept[size] = i;
      size += 1;
    }
  }
  return kept.subarray(0, size);
}

/**
 * The slots in use, the live ones and the archived ones (derived once per version): counted, then
 * filled, so that no array of numbers is made on the heap.
 */
function slotLists(index: CatalogueIndex) {
  let lists = index.derived.get('slots') as { all: Int32Array; live: Int32Array; archived: Int32Array };
  if (lists) return lists;
  const { present, archived, size } = index;
  let all = 0;
  let shelved = 0;
  for (let i = 0; i < size; i += 1) {
    if (present[i] !== 1) continue;
    all += 1;
    shelved += archived[i] as number;
  }
  lists = {
    all: new Int32Array(all),
    live: new Int32Array(all - shelved),
    archived: new Int32Array(shelved),
  };
  for (let i = 0, a = 0, l = 0, r = 0; i < size; i += 1) {
    if (present[i] !== 1) continue;
    lists.all[a++] = i;
    if (archived[i] === 1) lists.archived[r++] = i;
    else lists.live[l++] = i;
  }
  index.derived.set('slots', lists);
  return lists;
}

/** The facet counts of the whole catalogue (archived applications left out), computed once per version. */
function unfilteredCounts(index: CatalogueIndex) {
  if (!index.derived.has('unfiltered')) searchIndex(index, {}, null, 'name', { offset: 0, limit: 0 });
  return (index.derived.get('unfiltered') as Unfiltered).counts;
}
