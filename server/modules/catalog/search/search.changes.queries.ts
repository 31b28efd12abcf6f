import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { selectRows } from '../../../lib/rows.ts';
import type { OrganisationSummaryRow } from '../../organisations/organisations.queries.ts';
import { applicationUsers } from '../usages/usages.queries.ts';
import type { CatalogueRow } from './search.queries.ts';

// The change log and the rows of the catalogue index, read as search.changes.ts explains.

/** The current snapshot (pg_current_snapshot()::text): the point a full read starts from. */
export async function readSnapshot(db: Executor): Promise<string> {
  const [row] = await selectRows<{ snapshot: string }>(
    db,
    sql`SELECT pg_current_snapshot()::text AS snapshot`,
  );
  if (!row) throw new Error('no snapshot');
  return row.snapshot;
}

/**
 * What committed since `since` (a snapshot's text): the current snapshot, the distinct applications whose
 * change is visible now and was not in `since`, and whether reference data changed among them. One
 * statement, so the snapshot answered is the very one the log was read in (pg_current_snapshot is the
 * statement's snapshot). `xid >= xmin(since)` lets the index skip what every snapshot since has seen.
 */
export async function readChangesSince(
  db: Executor,
  since: string,
): Promise<{ snapshot: string; ids: string[]; reference: boolean }> {
  const [row] = await selectRows<{ snapshot: string; ids: string[]; reference: boolean }>(
    db,
    sql`
      SELECT pg_current_snapshot()::text AS snapshot,
             coalesce(array_agg(DISTINCT application_id::text) FILTER (WHERE application_id IS NOT NULL), '{}') AS ids,
             coalesce(bool_or(application_id IS NULL), false) AS reference
      FROM catalogue_changes, CAST(${since} AS pg_snapshot) AS since
      WHERE xid >= pg_snapshot_xmin(since) AND NOT pg_visible_in_snapshot(xid, since)`,
  );
  if (!row) throw new Error('no snapshot');
  return row;
}

/** A row of the index: what `readCatalogue` reads, and the French text vector (`search_vector::text`). */
export interface IndexRow extends CatalogueRow {
  vector: string;
}

/**
 * The rows the index holds, by ids (those that no longer exist are absent) or by keyset pages
 * (`id > after ORDER BY id LIMIT limit`), in id order. The chosen ids are one array that PostgreSQL pushes
 * into both arms of `applicationUsers` (an index lookup of each id in each): the "used by" offices of the
 * chosen rows only, grouped once. On PostgreSQL 15 with 100,000 sheets and 1.2 million usages, 50 ids take
 * 3–5 ms and a page of 1,000 about 40 ms (bench machine, loaded); a lookup per row cost 60 ms a page.
 */
export async function readIndexRows(
  db: Executor,
  selection: { ids: string[] } | { after: string | null; limit: number },
): Promise<IndexRow[]> {
  let chosen: SQL;
  if ('ids' in selection) {
    if (selection.ids.length === 0) return [];
    chosen = sql`${sql.param(selection.ids)}::uuid[]`;
  } else {
    const after = selection.after === null ? sql`` : sql`WHERE id > ${selection.after}::uuid`;
    chosen = sql`ARRAY(SELECT id FROM applications ${after} ORDER BY id LIMIT ${selection.limit})`;
  }
  const rows = await selectRows<RawIndexRow>(
    db,
    sql`
      WITH chosen AS (SELECT ${chosen} AS ids)
      SELECT a.id, a.code, a.name, a.summary, a.domain_code, d.label_fr AS domain_label, a.track,
             a.certification_status, a.lifecycle_stage, o.id AS designer_id, o.code AS designer_code,
             o.name AS designer_name, o.type AS designer_type, o.region AS designer_region, a.hosting,
             a.personal_data, a.technology_tags, a.archived_at IS NOT NULL AS archived, a.usage_count,
             a.updated_at, extract(epoch FROM a.updated_at) * 1000 AS updated_ms, a.sort_name,
             coalesce(users.codes, '{}') AS used_by, a.search_vector::text AS vector,
             array_remove(ARRAY[
               CASE WHEN fs.build_failing THEN 'buildFailing' END,
               CASE WHEN fs.starter_kit_behind > 0 THEN 'starterKitBehind' END,
               CASE WHEN fs.inactive THEN 'inactive' END
             ], NULL) AS forge_signals
      FROM applications a
      LEFT JOIN application_forge_signals fs ON fs.application_id = a.id
      JOIN organisations o ON o.id = a.designer_organisation_id
      JOIN business_domains d ON d.code = a.domain_code
      LEFT JOIN (
        SELECT u.application_id, array_agg(uo.code ORDER BY uo.code) AS codes
        FROM ${applicationUsers} u JOIN organisations uo ON uo.id = u.organisation_id
        WHERE u.application_id = ANY((SELECT ids FROM chosen)::uuid[])
        GROUP BY u.application_id
      ) users ON users.application_id = a.id
      WHERE a.id = ANY((SELECT ids FROM chosen)::uuid[])
      ORDER BY a.id`,
  );
  return rows.map(toIndexRow);
}

interface RawIndexRow {
  id: string;
  code: string;
  name: string;
  summary: string;
  domain_code: string;
  domain_label: string;
  track: string;
  certification_status: string;
  lifecycle_stage: string;
  designer_id: string;
  designer_code: string;
  designer_name: string;
  designer_type: CatalogueRow['designer']['type'];
  designer_region: CatalogueRow['designer']['region'];
  hosting: string;
  personal_data: boolean;
  technology_tags: string[];
  archived: boolean;
  usage_count: number | string;
  updated_at: Date | string;
  updated_ms: number | string;
  sort_name: string;
  used_by: string[];
  vector: string;
  forge_signals: string[] | null;
}

function toIndexRow(r: RawIndexRow): IndexRow {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    summary: r.summary,
    domain: { code: r.domain_code, label: r.domain_label },
    designer: {
      id: r.designer_id,
      code: r.designer_code,
      name: r.designer_name,
      type: r.designer_type,
      region: r.designer_region,
    },
    track: r.track,
    certificationStatus: r.certification_status,
    lifecycleStage: r.lifecycle_stage,
    hosting: r.hosting,
    personalData: r.personal_data,
    technologyTags: r.technology_tags,
    archived: r.archived,
    usageCount: Number(r.usage_count),
    updatedAt: r.updated_at,
    updatedMs: Number(r.updated_ms),
    sortName: r.sort_name,
    usedBy: r.used_by,
    forgeSignals: r.forge_signals ?? [],
    vector: r.vector,
  };
}

/** Every office: the designer cards and the labels of the "used by" facet. */
export async function readOffices(db: Executor): Promise<OrganisationSummaryRow[]> {
  return selectRows(db, sql`SELECT id, code, name, type, region FROM organisations ORDER BY code`);
}

/** Deletes the change rows older than `olderThanMs`; answers how many went. */
export async function pruneChanges(db: Executor, olderThanMs: number): Promise<number> {
  const [row] = await selectRows<{ pruned: number | string }>(
    db,
    sql`
      WITH pruned AS (
        DELETE FROM catalogue_changes WHERE at < now() - make_interval(secs => ${olderThanMs / 1000})
        RETURNING 1
      )
      SELECT count(*) AS pruned FROM pruned`,
  );
  return Number(row?.pruned ?? 0);
}
