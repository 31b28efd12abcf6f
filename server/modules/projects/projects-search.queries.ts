import { type SQL, sql } from 'drizzle-orm';
import type { ProjectFacet } from '../../../common/projects.ts';
import type { ProjectListQuery } from '../../../common/schemas/project.ts';
import type { Executor } from '../../db/client.ts';
import { selectRows, toNumber } from '../../lib/rows.ts';

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

const FACET_COLUMN: Record<ProjectFacet, SQL> = {
  track: sql.raw('track'),
  phase: sql.raw('phase'),
  domain: sql.raw('domain_code'),
  organisation: sql.raw('office_code'),
  region: sql.raw('region'),
  needsDevelopers: sql.raw('needs_developers::text'),
};

const inList = (column: SQL, values: readonly string[] | undefined) =>
  values && values.length > 0
    ? sql`${column} IN (${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )})`
    : null;

/** The list's filters as SQL over the `base` rows, leaving one facet out (its counts ignore its own filter). */
function filtersExcept(query: ProjectListQuery, facet?: ProjectFacet): SQL {
  const conditions = [
    facet === 'track' ? null : inList(FACET_COLUMN.track, query.track),
    facet === 'phase' ? null : inList(FACET_COLUMN.phase, query.phase),
    facet === 'domain' ? null : inList(FACET_COLUMN.domain, query.domain),
    facet === 'organisation' ? null : inList(FACET_COLUMN.organisation, query.organisation),
    facet === 'region' ? null : inList(FACET_COLUMN.region, query.region),
    facet === 'needsDevelopers' || !query.needsDevelopers
      ? null
      : inList(FACET_COLUMN.needsDevelopers, [query.needsDevelopers]),
  ].filter((c): c is SQL => c !== null);
  return conditions.length > 0 ? sql.join(conditions, sql` AND `) : sql`TRUE`;
}

const ORDER: Record<NonNullable<ProjectListQuery['sort']>, SQL> = {
  relevance: sql`rank DESC, updated_at DESC, id`,
  updated: sql`updated_at DESC, id`,
  title: sql`sort_title, id`,
  phase: sql`array_position(ARRAY['needExpressed','framing','development','acceptance','delivered','suspended','abandoned'], phase), updated_at DESC, id`,
};

export interface FacetCount {
  value: string;
  label: string | null;
  count: number;
}

/**
 * Projects matching the words (French full text on title, need and description) and the filters, paged
 * in SQL, with each facet counted over the matches of every other filter. Every signed-in member sees
 * every project (§2.1.1: visibility of the projects in progress), so there is no scope to apply.
 */
export async function searchProjects(db: Executor, query: ProjectListQuery) {
  const text = projectTextQuery(query.q);
  const tsquery = text ? sql`to_tsquery('french'::regconfig, f_unaccent(${text}))` : null;
  const base = sql`WITH base AS (
    SELECT p.id, p.track, p.phase, p.domain_code, p.updated_at, f_unaccent(lower(p.title)) AS sort_title,
      o.code AS office_code, o.name AS office_name, o.region, d.label_fr AS domain_label,
      NOT EXISTS (SELECT 1 FROM project_offices po WHERE po.project_id = p.id AND po.role = 'developer') AS needs_developers,
      ${tsquery ? sql`ts_rank(p.search_vector, ${tsquery})` : sql`0`} AS rank
    FROM projects p
    JOIN organisations o ON o.id = p.holder_organisation_id
    JOIN business_domains d ON d.code = p.domain_code
    WHERE ${tsquery ? sql`p.search_vector @@ ${tsquery}` : sql`TRUE`}
      ${query.application ? sql`AND ${query.application} IN (p.application_id, p.transitional_application_id)` : sql``}
  )`;
  const sort = query.sort ?? (text ? 'relevance' : 'updated');
  const rows = await selectRows<{ id: string; total: string }>(
    db,
    sql`${base} SELECT id, count(*) OVER () AS total FROM base WHERE ${filtersExcept(query)}
      ORDER BY ${ORDER[sort]} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
  );
  let total = toNumber(rows[0]?.total);
  if (rows.length === 0) {
    const [counted] = await selectRows<{ n: string }>(
      db,
      sql`${base} SELECT count(*) AS n FROM base WHERE ${filtersExcept(query)}`,
    );
    total = toNumber(counted?.n);
  }
  const facets = {} as Record<ProjectFacet, FacetCount[]>;
  for (const facet of Object.keys(FACET_COLUMN) as ProjectFacet[]) {
    const label =
      facet === 'domain'
        ? sql`max(domain_label)`
        : facet === 'organisation'
          ? sql`max(office_name)`
          : sql`NULL`;
    const counts = await selectRows<{ value: string; label: string | null; n: string }>(
      db,
      sql`${base} SELECT ${FACET_COLUMN[facet]} AS value, ${label} AS label, count(*) AS n FROM base
        WHERE ${filtersExcept(query, facet)} GROUP BY 1 ORDER BY count(*) DESC, 1`,
    );
    facets[facet] = counts.map((c) => ({ value: c.value, label: c.label, count: toNumber(c.n) }));
  }
  return { ids: rows.map((r) => r.id), total, facets };
}
