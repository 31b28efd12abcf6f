import { PROJECT_FACETS, PROJECT_PHASES, type ProjectFacet } from '../../../common/projects.ts';
import type { ProjectListQuery } from '../../../common/schemas/project.ts';
import type { Executor } from '../../db/client.ts';
import type { ProjectSnapshotRow } from './projects-snapshot.queries.ts';
import { projectSnapshot } from './projects-snapshot.ts';

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

/** The values each facet's filter keeps (facets without a filter absent). */
function filtersOf(query: ProjectListQuery) {
  const filters: [ProjectFacet, ReadonlySet<string>][] = [];
  for (const facet of PROJECT_FACETS) {
    const values = facet === 'needsDevelopers' ? [query.needsDevelopers].filter(Boolean) : query[facet];
    if (values && values.length > 0) filters.push([facet, new Set(values as string[])]);
  }
  return filters;
}

const PHASE_POSITION = new Map<string, number>(PROJECT_PHASES.map((phase, k) => [phase, k]));
type Compare = (a: ProjectSnapshotRow, b: ProjectSnapshotRow) => number;

function orderOf(
  sort: NonNullable<ProjectListQuery['sort']>,
  ranks: ReadonlyMap<string, number> | null,
): Compare {
  const byUpdated: Compare = (a, b) => a.updatedOrder - b.updatedOrder;
  if (sort === 'title') return (a, b) => a.titleOrder - b.titleOrder;
  if (sort === 'phase')
    return (a, b) =>
      (PHASE_POSITION.get(a.phase) ?? 0) - (PHASE_POSITION.get(b.phase) ?? 0) || byUpdated(a, b);
  if (sort === 'relevance' && ranks)
    return (a, b) => (ranks.get(b.id) ?? 0) - (ranks.get(a.id) ?? 0) || byUpdated(a, b);
  return byUpdated;
}

/**
 * Projects matching the words (French full text on title, need and description: PostgreSQL's index) and
 * the filters, with each facet counted over the matches of every other filter. The filters, the counts and
 * the order run over the per-process copy of the projects (projects-snapshot.ts), in the database's own
 * orders; only the text is matched by PostgreSQL, its matches kept with the copy. Every signed-in member
 * sees every project (§2.1.1: visibility of the projects in progress), so there is no scope to apply.
 */
export async function searchProjects(db: Executor, query: ProjectListQuery) {
  const snapshot = await projectSnapshot(db);
  const text = projectTextQuery(query.q);
  const ranks = text ? await snapshot.textMatches(text) : null;
  const filters = filtersOf(query);
  const matches: ProjectSnapshotRow[] = [];
  const counted = new Map<ProjectFacet, Map<string, { row: ProjectSnapshotRow; count: number }>>(
    PROJECT_FACETS.map((facet) => [facet, new Map()]),
  );
  const count = (facet: ProjectFacet, row: ProjectSnapshotRow) => {
    const values = counted.get(facet) as Map<string, { row: ProjectSnapshotRow; count: number }>;
    const value = FACET_VALUE[facet](row);
    const entry = values.get(value);
    if (entry) entry.count += 1;
    else values.set(value, { row, count: 1 });
  };
  for (const row of snapshot.rows) {
    if (ranks && !ranks.has(row.id)) continue;
    if (
      query.application &&
      row.applicationId !== query.application &&
      row.transitionalApplicationId !== query.application
    )
      continue;
    // A facet's counts ignore its own filter: a row failing one filter counts for that facet only.
    let failed: ProjectFacet | null = null;
    let failures = 0;
    for (const [facet, values] of filters) {
      if (values.has(FACET_VALUE[facet](row))) continue;
      failed = facet;
      failures += 1;
      if (failures > 1) break;
    }
    if (failures === 0) {
      matches.push(row);
      for (const facet of PROJECT_FACETS) count(facet, row);
    } else if (failures === 1) count(failed as ProjectFacet, row);
  }
  matches.sort(orderOf(query.sort ?? (text ? 'relevance' : 'updated'), ranks));
  const start = (query.page - 1) * query.pageSize;
  const facets = {} as Record<ProjectFacet, FacetCount[]>;
  for (const facet of PROJECT_FACETS) {
    const entries = [...(counted.get(facet)?.values() ?? [])];
    entries.sort((a, b) => b.count - a.count || a.row.valueOrder[facet] - b.row.valueOrder[facet]);
    facets[facet] = entries.map(({ row, count }) => ({
      value: FACET_VALUE[facet](row),
      label: FACET_LABEL[facet]?.(row) ?? null,
      count,
    }));
  }
  return {
    ids: matches.slice(start, start + query.pageSize).map((row) => row.id),
    total: matches.length,
    facets,
  };
}
