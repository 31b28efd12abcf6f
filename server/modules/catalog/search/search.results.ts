import type { ApplicationFilters } from '../../../../common/schemas/application-search.ts';
import type { CatalogueIndex } from './search.index.ts';

/**
 * The results of the last searches, kept with the index version they were computed on: the same query
 * (text, filters, sort and page) asked again before the catalogue changes is answered from here, without
 * matching the text, counting the facets or ordering again. A popular broad word ("habilitations" matches
 * 29,000 of 100,000 generated sheets) costs its counting once per version instead of once per search.
 *
 * The entries live in `index.derived`, which a change of the index empties: a cached result is never
 * older than the index that serves the search. At most `kept` entries, the least recently asked dropped
 * first; `kept = 0` turns the cache off (MUTUALIS_SEARCH_RESULTS_KEPT).
 */
export const SEARCH_RESULTS_KEPT = 64;

const DERIVED_KEY = 'results';

/** One string per distinct search: keys in a fixed order, several values of a filter sorted. */
export function searchKey(query: ApplicationFilters, page: { offset: number; limit: number }) {
  const parts = Object.keys(query)
    .sort()
    .map((key) => {
      const value = query[key as keyof ApplicationFilters];
      if (value === undefined) return null;
      return [key, Array.isArray(value) ? [...value].sort() : value];
    })
    .filter((part) => part !== null);
  return JSON.stringify([parts, page.offset, page.limit]);
}

/**
 * The result of `compute()` for `key` on this version of the index, computed once while it is kept.
 * `compute` is synchronous: the index cannot move between the lookup and the store. Results are shared
 * between searches: callers must not change them.
 */
export function cachedResult<T>(index: CatalogueIndex, kept: number, key: string, compute: () => T): T {
  if (kept <= 0) return compute();
  let entries = index.derived.get(DERIVED_KEY) as Map<string, T> | undefined;
  if (!entries) {
    entries = new Map();
    index.derived.set(DERIVED_KEY, entries);
  }
  if (entries.has(key)) {
    const hit = entries.get(key) as T;
    // Most recently asked last: the first key of the map is the one to drop.
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }
  const result = compute();
  entries.set(key, result);
  if (entries.size > kept) entries.delete(entries.keys().next().value as string);
  return result;
}
