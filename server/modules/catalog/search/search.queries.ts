import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.ts';
import { selectRows } from '../../../lib/rows.ts';
import type { ApplicationSummarySource } from '../applications/applications.queries.ts';
import { applicationUsers } from '../usages/usages.queries.ts';

/**
 * The database side of the catalogue search: French full text (unaccented, stemmed, prefix on every
 * word), typo tolerance through a lexicon of the words of the applications (a word that starts no known
 * word is widened to its closest known words by trigram). Facets, order and cards come from memory
 * (search.index.ts).
 */

/** Words of the query, as the tsquery syntax allows them (letters and digits only). */
export function queryTokens(q: string | undefined): string[] {
  if (!q) return [];
  // Digits joined by dots stay one word ("7.4"), as the French parser reads a version.
  return [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]+(?:\.\p{N}+)*/gu) ?? [])].slice(0, 8);
}

/**
 * For each word that starts no known word, its closest known words (trigram distance). The answer only
 * depends on the lexicon, which only grows with catalogue writes: it is kept per catalogue version.
 */
const typoCache = new WeakMap<object, { version: number; words: Map<string, string[]> }>();

async function typoAlternatives(db: Executor, tokens: string[], version: number | null) {
  const candidates = tokens.filter((t) => t.length >= 4);
  const alternatives = new Map<string, string[]>();
  if (candidates.length === 0) return alternatives;
  let cache = typoCache.get(db);
  if (!cache || version === null || cache.version !== version) {
    cache = { version: version ?? -1, words: new Map() };
    if (version !== null) typoCache.set(db, cache);
  }
  const missing = candidates.filter((t) => !cache.words.has(t));
  if (missing.length > 0) {
    const rows = await selectRows<{ token: string; word: string | null }>(
      db,
      sql`
        WITH unknown AS (
          SELECT t.token, f_unaccent(t.token) AS plain
          FROM unnest(${sql.param(missing)}::text[]) AS t(token)
          WHERE NOT EXISTS (
            SELECT 1 FROM search_words x
            WHERE x.word LIKE replace(replace(f_unaccent(t.token), '%', ''), '_', '') || '%'
          )
        )
        SELECT t.token, w.word
        FROM unnest(${sql.param(missing)}::text[]) AS t(token)
        LEFT JOIN LATERAL (
          SELECT word FROM search_words, unknown u
          WHERE u.token = t.token AND word % u.plain
          ORDER BY word <-> u.plain
          LIMIT 2
        ) w ON TRUE`,
    );
    for (const token of missing) cache.words.set(token, []);
    for (const row of rows) if (row.word) cache.words.get(row.token)?.push(row.word);
  }
  for (const token of candidates) alternatives.set(token, cache.words.get(token) ?? []);
  return alternatives;
}

/** "congés absense" → "(conges:*) & (absense:* | absence)" once unaccented by the database. */
export async function buildTsQuery(
  db: Executor,
  q: string | undefined,
  catalogueVersion: number | null = null,
): Promise<string | null> {
  const tokens = queryTokens(q);
  if (tokens.length === 0) return null;
  const alternatives = await typoAlternatives(db, tokens, catalogueVersion);
  return tokens
    .map((token) => {
      const options = [`${token}:*`, ...(alternatives.get(token) ?? [])];
      return `(${options.join(' | ')})`;
    })
    .join(' & ');
}

/** The applications the full-text query finds, with their rank (GIN index on the stored French vector). */
export async function textMatches(db: Executor, tsQuery: string) {
  const rows = await selectRows<{ id: string; rank: number }>(
    db,
    sql`
      SELECT id, ts_rank_cd(search_vector, query, 1) AS rank
      FROM applications, to_tsquery('french', f_unaccent(${tsQuery})) AS query
      WHERE search_vector @@ query`,
  );
  return new Map(rows.map((r) => [r.id, Number(r.rank)]));
}

/** Keeps the lexicon of the typo tolerance: the words of an application, unaccented, 3 letters or more. */
export async function rememberWords(db: Executor, text: string) {
  await db.execute(sql`
    INSERT INTO search_words (word)
    SELECT DISTINCT w FROM regexp_split_to_table(f_unaccent(lower(${text})), '[^a-z0-9]+') AS w
    WHERE length(w) BETWEEN 3 AND 40
    ON CONFLICT DO NOTHING`);
}

/** What the index keeps of each application: its card, its facet values and its sort keys. */
export interface CatalogueRow extends ApplicationSummarySource {
  /** The codes of the offices that use it: read at load, not kept on the card. */
  usedBy?: string[];
  usageCount: number;
  /** Last update in milliseconds since the epoch (sort key). */
  updatedMs: number;
  /** Name without accents, lower case (sort key, as the database orders). */
  sortName: string;
}

/** The committed catalogue version (one primary-key lookup). */
export async function readCatalogueVersion(db: Executor) {
  const [state] = await selectRows<{ version: number | string }>(
    db,
    sql`SELECT version FROM catalogue_state WHERE id = 1`,
  );
  return Number(state?.version ?? 0);
}

/** Every application and the catalogue version they belong to, read in one snapshot. */
export async function readCatalogue(db: Database) {
  return db.transaction(
    async (tx) => {
      const version = await readCatalogueVersion(tx);
      const raw = await selectRows<Record<string, unknown>>(
        tx,
        sql`
          SELECT a.id, a.code, a.name, a.summary, a.domain_code, d.label_fr AS domain_label, a.track,
                 a.certification_status, a.lifecycle_stage, o.id AS organisation_id, o.code AS organisation_code,
                 o.name AS organisation_name, o.type AS organisation_type, o.region, a.hosting, a.personal_data,
                 a.technology_tags, a.archived_at IS NOT NULL AS archived, a.usage_count, a.updated_at,
                 extract(epoch FROM a.updated_at) * 1000 AS updated, a.sort_name,
                 coalesce(users.codes, '{}') AS used_by
          FROM applications a
          JOIN organisations o ON o.id = a.designer_organisation_id
          JOIN business_domains d ON d.code = a.domain_code
          LEFT JOIN (
            SELECT u.application_id, array_agg(uo.code ORDER BY uo.code) AS codes
            FROM ${applicationUsers} u JOIN organisations uo ON uo.id = u.organisation_id
            GROUP BY u.application_id
          ) users ON users.application_id = a.id`,
      );
      const rows = raw.map(
        (r): CatalogueRow => ({
          id: r.id as string,
          code: r.code as string,
          name: r.name as string,
          summary: r.summary as string,
          domain: { code: r.domain_code as string, label: r.domain_label as string },
          designer: {
            id: r.organisation_id as string,
            code: r.organisation_code as string,
            name: r.organisation_name as string,
            type: r.organisation_type as CatalogueRow['designer']['type'],
            region: r.region as CatalogueRow['designer']['region'],
          },
          track: r.track as string,
          certificationStatus: r.certification_status as string,
          lifecycleStage: r.lifecycle_stage as string,
          hosting: r.hosting as string,
          personalData: r.personal_data as boolean,
          technologyTags: r.technology_tags as string[],
          archived: r.archived as boolean,
          usageCount: Number(r.usage_count),
          updatedAt: r.updated_at as Date | string,
          updatedMs: Number(r.updated),
          sortName: r.sort_name as string,
          usedBy: r.used_by as string[],
        }),
      );
      // The names of the offices once, not once per usage: the labels of the "used by" facet.
      const offices = await selectRows<{ code: string; name: string }>(
        tx,
        sql`SELECT code, name FROM organisations`,
      );
      return { version, rows, officeNames: new Map(offices.map((o) => [o.code, o.name])) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
