import { type SQL, sql } from 'drizzle-orm';
import type { Facet } from '../../../common/catalog/vocabulary.ts';
import type { ApplicationFilters, ApplicationListQuery } from '../../../common/schemas/application.ts';
import type { Executor } from '../../db/client.ts';

/**
 * The catalogue search: French full text (unaccented, stemmed, prefix on every word), typo tolerance
 * through a lexicon of the words of the sheets (a word that matches nothing is widened to its closest
 * known words by trigram), facets whose counts follow the other active filters.
 */

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Words of the query, as the tsquery syntax allows them (letters and digits only). */
export function queryTokens(q: string | undefined): string[] {
  if (!q) return [];
  // Digits joined by dots stay one word ("7.4"), as the French parser reads a version.
  return [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]+(?:\.\p{N}+)*/gu) ?? [])].slice(0, 8);
}

/** For each word that starts no known word, its closest known words (trigram distance). */
async function typoAlternatives(db: Executor, tokens: string[]) {
  const candidates = tokens.filter((t) => t.length >= 4);
  if (candidates.length === 0) return new Map<string, string[]>();
  const rows = rowsOf<{ token: string; word: string }>(
    await db.execute(sql`
      SELECT t.token, w.word
      FROM unnest(${sql.param(candidates)}::text[]) AS t(token)
      CROSS JOIN LATERAL (
        SELECT word FROM search_words
        WHERE word % f_unaccent(t.token)
        ORDER BY word <-> f_unaccent(t.token)
        LIMIT 2
      ) w
      WHERE NOT EXISTS (
        SELECT 1 FROM search_words x WHERE x.word LIKE replace(replace(f_unaccent(t.token), '%', ''), '_', '') || '%'
      )`),
  );
  const alternatives = new Map<string, string[]>();
  for (const row of rows) alternatives.set(row.token, [...(alternatives.get(row.token) ?? []), row.word]);
  return alternatives;
}

/** "congés absense" → "(conges:*) & (absense:* | absence)" once unaccented by the database. */
export async function buildTsQuery(db: Executor, q: string | undefined): Promise<string | null> {
  const tokens = queryTokens(q);
  if (tokens.length === 0) return null;
  const alternatives = await typoAlternatives(db, tokens);
  return tokens
    .map((token) => {
      const options = [`${token}:*`, ...(alternatives.get(token) ?? [])];
      return `(${options.join(' | ')})`;
    })
    .join(' & ');
}

const anyOf = (column: SQL, values: readonly string[] | undefined) =>
  values && values.length > 0 ? sql`${column} = ANY(${sql.param(values)}::text[])` : undefined;

/** One boolean expression per facet: the row passes that facet's filter (TRUE when none is set). */
function facetConditions(filters: ApplicationFilters): Record<Facet, SQL | undefined> {
  const personal = filters.personalData;
  return {
    domain: anyOf(sql`a.domain_code`, filters.domain),
    track: anyOf(sql`a.track`, filters.track),
    status: anyOf(sql`a.certification_status`, filters.status),
    lifecycle: anyOf(sql`a.lifecycle_stage`, filters.lifecycle),
    organisation: anyOf(sql`o.code`, filters.organisation),
    region: anyOf(sql`o.region`, filters.region),
    technology:
      filters.technology && filters.technology.length > 0
        ? sql`a.technology_tags && ${sql.param(filters.technology)}::text[]`
        : undefined,
    hosting: anyOf(sql`a.hosting`, filters.hosting),
    personalData:
      personal && personal.length === 1 ? sql`a.personal_data = ${personal[0] === 'yes'}` : undefined,
  };
}

function baseConditions(filters: ApplicationFilters, tsQuery: string | null): SQL[] {
  return [
    filters.includeArchived ? sql`TRUE` : sql`a.archived_at IS NULL`,
    tsQuery ? sql`a.search_vector @@ to_tsquery('french', f_unaccent(${tsQuery}))` : sql`TRUE`,
  ];
}

const and = (parts: SQL[]) => (parts.length === 0 ? sql`TRUE` : sql.join(parts, sql` AND `));
const flag = (condition: SQL | undefined) => condition ?? sql`TRUE`;

export interface FacetCount {
  facet: Facet;
  value: string;
  label: string;
  count: number;
}

/**
 * Every facet in one statement: the rows matching the text are read once; one pass of GROUPING SETS
 * counts each facet value under all the other filters (the facet's own filter left out), and the
 * technology tags, an array, are counted from the same rows.
 */
export async function countFacets(db: Executor, filters: ApplicationFilters, tsQuery: string | null) {
  const conditions = facetConditions(filters);
  const facets = Object.keys(conditions) as Facet[];
  const othersOf = (facet: Facet) => and(facets.filter((f) => f !== facet).map((f) => sql.raw(`m_${f}`)));
  const countFor = (facet: Facet) => sql`count(*) FILTER (WHERE ${othersOf(facet)})`;
  const result = await db.execute(sql`
    WITH base AS MATERIALIZED (
      SELECT a.domain_code, d.label_fr AS domain_label, a.track, a.certification_status, a.lifecycle_stage,
             o.code AS organisation_code, o.name AS organisation_name, o.region, a.hosting, a.personal_data,
             a.technology_tags,
             ${sql.join(
               facets.map((f) => sql`${flag(conditions[f])} AS ${sql.raw(`m_${f}`)}`),
               sql`, `,
             )}
      FROM applications a
      JOIN organisations o ON o.id = a.designer_organisation_id
      JOIN business_domains d ON d.code = a.domain_code
      WHERE ${and(baseConditions(filters, tsQuery))}
    ),
    grouped AS (
      SELECT
        CASE
          WHEN GROUPING(domain_code) = 0 THEN 'domain'
          WHEN GROUPING(track) = 0 THEN 'track'
          WHEN GROUPING(certification_status) = 0 THEN 'status'
          WHEN GROUPING(lifecycle_stage) = 0 THEN 'lifecycle'
          WHEN GROUPING(organisation_code) = 0 THEN 'organisation'
          WHEN GROUPING(region) = 0 THEN 'region'
          WHEN GROUPING(hosting) = 0 THEN 'hosting'
          ELSE 'personalData'
        END AS facet,
        COALESCE(domain_code, track, certification_status, lifecycle_stage, organisation_code, region, hosting,
                 CASE WHEN personal_data THEN 'yes' ELSE 'no' END) AS value,
        COALESCE(domain_label, organisation_name) AS label,
        CASE
          WHEN GROUPING(domain_code) = 0 THEN ${countFor('domain')}
          WHEN GROUPING(track) = 0 THEN ${countFor('track')}
          WHEN GROUPING(certification_status) = 0 THEN ${countFor('status')}
          WHEN GROUPING(lifecycle_stage) = 0 THEN ${countFor('lifecycle')}
          WHEN GROUPING(organisation_code) = 0 THEN ${countFor('organisation')}
          WHEN GROUPING(region) = 0 THEN ${countFor('region')}
          WHEN GROUPING(hosting) = 0 THEN ${countFor('hosting')}
          ELSE ${countFor('personalData')}
        END AS count
      FROM base
      GROUP BY GROUPING SETS ((domain_code, domain_label), (track), (certification_status), (lifecycle_stage),
                              (organisation_code, organisation_name), (region), (hosting), (personal_data))
    )
    SELECT facet, value, label, count::int AS count FROM grouped
    UNION ALL
    SELECT 'technology', tag, tag, count(*)::int FROM base, unnest(base.technology_tags) AS tag
    WHERE ${othersOf('technology')}
    GROUP BY tag`);
  return rowsOf<FacetCount>(result);
}

const ORDER: Record<NonNullable<ApplicationListQuery['sort']>, SQL> = {
  relevance: sql`rank DESC, a.usage_count DESC, a.name ASC`,
  usage: sql`a.usage_count DESC, a.name ASC`,
  name: sql`f_unaccent(lower(a.name)) ASC, a.code ASC`,
  updated: sql`a.updated_at DESC, a.name ASC`,
};

export interface ApplicationSummaryRow {
  id: string;
  code: string;
  name: string;
  summary: string;
  domain_code: string;
  domain_label: string;
  track: string;
  certification_status: string;
  lifecycle_stage: string;
  hosting: string;
  technology_tags: string[];
  personal_data: boolean;
  usage_count: number;
  archived_at: Date | string | null;
  updated_at: Date | string;
  organisation_id: string;
  organisation_code: string;
  organisation_name: string;
  organisation_type: string;
  organisation_region: string;
}

/** The page of results, all filters applied. */
export async function searchApplications(
  db: Executor,
  query: ApplicationFilters & { page: number; pageSize: number },
  tsQuery: string | null,
  options: { limit?: number } = {},
) {
  const conditions = facetConditions(query);
  const where = and([
    ...baseConditions(query, tsQuery),
    ...Object.values(conditions).filter((c): c is SQL => c !== undefined),
  ]);
  const sort = query.sort ?? (tsQuery ? 'relevance' : 'name');
  const limit = options.limit ?? query.pageSize;
  const rank = tsQuery
    ? sql`ts_rank_cd(a.search_vector, to_tsquery('french', f_unaccent(${tsQuery})), 1)`
    : sql`0`;
  const result = await db.execute(sql`
    SELECT a.id, a.code, a.name, a.summary, a.domain_code, d.label_fr AS domain_label, a.track,
           a.certification_status, a.lifecycle_stage, a.hosting, a.technology_tags, a.personal_data,
           a.usage_count, a.archived_at, a.updated_at,
           o.id AS organisation_id, o.code AS organisation_code, o.name AS organisation_name,
           o.type AS organisation_type, o.region AS organisation_region, ${rank} AS rank
    FROM applications a
    JOIN organisations o ON o.id = a.designer_organisation_id
    JOIN business_domains d ON d.code = a.domain_code
    WHERE ${where}
    ORDER BY ${ORDER[sort]}
    LIMIT ${limit} OFFSET ${(query.page - 1) * query.pageSize}`);
  return rowsOf<ApplicationSummaryRow>(result);
}

/** Keeps the lexicon of the typo tolerance: the words of a sheet, unaccented, 3 letters or more. */
export async function rememberWords(db: Executor, text: string) {
  await db.execute(sql`
    INSERT INTO search_words (word)
    SELECT DISTINCT w FROM regexp_split_to_table(f_unaccent(lower(${text})), '[^a-z0-9]+') AS w
    WHERE length(w) BETWEEN 3 AND 40
    ON CONFLICT DO NOTHING`);
}
