import {
  PROJECT_FACETS,
  PROJECT_PHASES,
  type ProjectFacet,
  type ProjectSort,
} from '../../../common/projects.ts';
import type { ProjectListQuery } from '../../../common/schemas/project.ts';
import type { Executor } from '../../db/client.ts';
import type { ProjectSnapshotRow } from './projects-snapshot.queries.ts';
import { type ProjectSnapshot, projectSnapshot } from './projects-snapshot.ts';

/**
 * The prefix query of what people typed, in PostgreSQL's French configuration without accents (as the
 * projects' search_vector is built): each word a prefix (`gest:*`), all of them required. Null when no word.
 */
export function projectTextQuery(q: string | undefined): string | null {
  const words = ((q ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1);
  return words.length > 0
    ? words
        .slice(0, 20)
        .map((w) => `${w}:*`)
        .join(' & ')
    : null;
}

export interface FacetCount {
  value: string;
  label: string | null;
  count: number;
}

/** A row's value for each facet, as the filters and the counts read it. */
const FACET_VALUE: Record<ProjectFacet, (row: ProjectSnapshotRow) => string> = {
  track: (row) => row.track,
  phase: (row) => row.phase,
  domain: (row) => row.domainCode,
  organisation: (row) => row.officeCode,
  region: (row) => row.region,
  needsDevelopers: (row) => String(row.needsDevelopers),
};
const FACET_LABEL: Partial<Record<ProjectFacet, (row: ProjectSnapshotRow) => string>> = {
  domain: (row) => row.domainLabel,
  organisation: (row) => row.officeName,
};

interface FacetValue {
  value: string;
  label: string | null;
  /** Its rank among the facet's values in the database's collation (ties of counts go by it). */
  order: number;
}

/**
 * The copy's facet values as small numbers, built once per copy: each row's code for each facet, and each
 * facet's values by code. Counting a facet is then one increment in an array per row.
 */
interface FacetIndex {
  codes: Record<ProjectFacet, Uint16Array>;
  values: Record<ProjectFacet, FacetValue[]>;
  codeOf: Record<ProjectFacet, Map<string, number>>;
  /** The rows' positions in each order but relevance: a search walks them in order, and sorts nothing. */
  orders: Record<Exclude<ProjectSort, 'relevance'>, Int32Array>;
}

const PHASE_POSITION = new Map<string, number>(PROJECT_PHASES.map((phase, k) => [phase, k]));
const indexes = new WeakMap<readonly ProjectSnapshotRow[], FacetIndex>();

function facetIndex(rows: readonly ProjectSnapshotRow[]): FacetIndex {
  let index = indexes.get(rows);
  if (index) return index;
  const positions = (compare: (a: ProjectSnapshotRow, b: ProjectSnapshotRow) => number) =>
    Int32Array.from(rows.keys()).sort((a, b) =>
      compare(rows[a] as ProjectSnapshotRow, rows[b] as ProjectSnapshotRow),
    );
  const phase = (row: ProjectSnapshotRow) => PHASE_POSITION.get(row.phase) ?? 0;
  const built = {
    codes: {} as FacetIndex['codes'],
    values: {} as FacetIndex['values'],
    codeOf: {} as FacetIndex['codeOf'],
    orders: {
      updated: positions((a, b) => a.updatedOrder - b.updatedOrder),
      title: positions((a, b) => a.titleOrder - b.titleOrder),
      phase: positions((a, b) => phase(a) - phase(b) || a.updatedOrder - b.updatedOrder),
    },
  };
  for (const facet of PROJECT_FACETS) {
    const codes = new Uint16Array(rows.length);
    const values: FacetValue[] = [];
    const codeOf = new Map<string, number>();
    rows.forEach((row, i) => {
      const value = FACET_VALUE[facet](row);
      let code = codeOf.get(value);
      if (code === undefined) {
        code = values.length;
        codeOf.set(value, code);
        values.push({ value, label: FACET_LABEL[facet]?.(row) ?? null, order: row.valueOrder[facet] });
      }
      codes[i] = code;
    });
    built.codes[facet] = codes;
    built.values[facet] = values;
    built.codeOf[facet] = codeOf;
  }
  index = built;
  indexes.set(rows, index);
  return index;
}

/** The rank of each row in a text's matches (NaN: not a match), once per copy and text. */
const rankArrays = new WeakMap<ReadonlyMap<string, number>, Float64Array>();
function rankArray(rows: readonly ProjectSnapshotRow[], ranks: ReadonlyMap<string, number>) {
  let array = rankArrays.get(ranks);
  if (!array) {
    array = new Float64Array(rows.length).fill(Number.NaN);
    for (let i = 0; i < rows.length; i += 1) {
      const rank = ranks.get((rows[i] as ProjectSnapshotRow).id);
      if (rank !== undefined) array[i] = rank;
    }
    rankArrays.set(ranks, array);
  }
  return array;
}

/** Each filtered facet with the codes its filter keeps (a value no project has keeps nothing). */
function filtersOf(query: ProjectListQuery, index: FacetIndex) {
  const filters: { codes: Uint16Array; kept: Uint8Array; facet: number }[] = [];
  PROJECT_FACETS.forEach((facet, f) => {
    const values = facet === 'needsDevelopers' ? [query.needsDevelopers].filter(Boolean) : query[facet];
    if (!values || values.length === 0) return;
    const kept = new Uint8Array(index.values[facet].length);
    for (const value of values as string[]) {
      const code = index.codeOf[facet].get(value);
      if (code !== undefined) kept[code] = 1;
    }
    filters.push({ codes: index.codes[facet], kept, facet: f });
  });
  return filters;
}

/**
 * Projects matching the words (French full text on title, need and description: PostgreSQL's index) and
 * the filters, with each facet counted over the matches of every other filter. The filters, the counts and
 * the order run over the per-process copy of the projects (projects-snapshot.ts), in the database's own
 * orders; only the text is matched by PostgreSQL, its matches kept with the copy. Every signed-in member
 * sees every project (§2.1.1: visibility of the projects in progress), so there is no scope to apply.
 */
export async function searchProjects(db: Executor, query: ProjectListQuery) {
  return searchSnapshot(await projectSnapshot(db), query);
}

async function searchSnapshot(snapshot: ProjectSnapshot, query: ProjectListQuery) {
  const rows = snapshot.rows;
  const index = facetIndex(rows);
  const text = projectTextQuery(query.q);
  const ranks = text ? await snapshot.textMatches(text) : null;
  const filters = filtersOf(query, index);
  const codes = PROJECT_FACETS.map((facet) => index.codes[facet]);
  const counts = PROJECT_FACETS.map((facet) => new Uint32Array(index.values[facet].length));
  const bump = (f: number, i: number) => {
    const facetCounts = counts[f] as Uint32Array;
    const code = (codes[f] as Uint16Array)[i] as number;
    facetCounts[code] = (facetCounts[code] as number) + 1;
  };
  const sort = query.sort ?? (text ? 'relevance' : 'updated');
  // Relevance: the updated order, then a stable sort by rank (ties stay by date, as in SQL).
  const order = index.orders[sort === 'relevance' ? 'updated' : sort];
  const rankOf = ranks ? rankArray(rows, ranks) : null;
  const matches: number[] = [];
  for (const i of order) {
    if (rankOf && Number.isNaN(rankOf[i])) continue;
    const row = rows[i] as ProjectSnapshotRow;
    if (
      query.application &&
      row.applicationId !== query.application &&
      row.transitionalApplicationId !== query.application
    )
      continue;
    // A facet's counts ignore its own filter: a row failing one filter counts for that facet only.
    let failed = -1;
    let failures = 0;
    for (const filter of filters) {
      if (filter.kept[filter.codes[i] as number] === 1) continue;
      failed = filter.facet;
      failures += 1;
      if (failures > 1) break;
    }
    if (failures === 0) {
      matches.push(i);
      for (let f = 0; f < counts.length; f += 1) bump(f, i);
    } else if (failures === 1) bump(failed, i);
  }
  if (sort === 'relevance' && rankOf) matches.sort((a, b) => (rankOf[b] as number) - (rankOf[a] as number));
  const start = (query.page - 1) * query.pageSize;
  const facets = {} as Record<ProjectFacet, FacetCount[]>;
  PROJECT_FACETS.forEach((facet, f) => {
    const counted = index.values[facet]
      .map((value, code) => ({ value, count: (counts[f] as Uint32Array)[code] as number }))
      .filter(({ count }) => count > 0);
    counted.sort((a, b) => b.count - a.count || a.value.order - b.value.order);
    facets[facet] = counted.map(({ value, count }) => ({ value: value.value, label: value.label, count }));
  });
  return {
    rows: matches.slice(start, start + query.pageSize).map((i) => rows[i] as ProjectSnapshotRow),
    total: matches.length,
    facets,
  };
}

export type ProjectSearchResult = Awaited<ReturnType<typeof searchProjects>>;

/** The pages kept per copy of the projects: the most recent searches (a map keeps its insertion order). */
export const PROJECT_PAGES_KEPT = 64;
const keptPages = new WeakMap<readonly ProjectSnapshotRow[], Map<string, unknown>>();

/** One key per distinct search: the query's keys in a fixed order, a filter's values sorted. */
function searchKey(query: ProjectListQuery) {
  return JSON.stringify(
    Object.keys(query)
      .sort()
      .map((key) => {
        const value = query[key as keyof ProjectListQuery];
        return [key, Array.isArray(value) ? [...value].sort() : (value ?? null)];
      }),
  );
}

/**
 * `render(the search's result)`, kept with the copy of the projects it was computed on (as the catalogue
 * keeps its pages, catalog/search/search.results.ts): the same search asked again before a write commits is
 * answered from here, without counting or ordering again. A write gives a new copy, whose pages start
 * empty: a kept page is never older than the copy that serves the search. Kept values are shared: callers
 * must not change them.
 */
export async function searchProjectsKept<T>(
  db: Executor,
  query: ProjectListQuery,
  render: (result: ProjectSearchResult) => T,
): Promise<T> {
  const snapshot = await projectSnapshot(db);
  let pages = keptPages.get(snapshot.rows);
  if (!pages) {
    pages = new Map();
    keptPages.set(snapshot.rows, pages);
  }
  const key = searchKey(query);
  if (pages.has(key)) {
    const page = pages.get(key) as T;
    pages.delete(key);
    pages.set(key, page);
    return page;
  }
  const page = render(await searchSnapshot(snapshot, query));
  pages.set(key, page);
  if (pages.size > PROJECT_PAGES_KEPT) pages.delete(pages.keys().next().value as string);
  return page;
}
