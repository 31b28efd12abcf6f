import { sql } from 'drizzle-orm';
import type { ProjectPhase } from '../../../common/projects.ts';
import type { ProjectTrack } from '../../../common/tracks.ts';
import type { Executor } from '../../db/client.ts';
import { selectRows, toNumber } from '../../lib/rows.ts';

// The projects' change log and the rows of the per-process copy of the projects (projects-snapshot.ts).

/**
 * Whether anything the copy holds committed since snapshot `since` (a snapshot's text, null for none yet),
 * and the current snapshot. One statement: the snapshot answered is the one the log was read in. A row
 * visible now whose transaction was not visible in `since` committed after it; `xid >= xmin(since)` lets
 * the index skip what every snapshot since has seen. The same protocol as the catalogue's change log
 * (catalog/search/search.changes.ts), without the ids: a change means reading the projects again.
 */
export async function readProjectChangesSince(db: Executor, since: string | null) {
  const [row] = await selectRows<{ snapshot: string; changed: boolean }>(
    db,
    since === null
      ? sql`SELECT pg_current_snapshot()::text AS snapshot, true AS changed`
      : sql`SELECT pg_current_snapshot()::text AS snapshot, EXISTS (
              SELECT 1 FROM project_changes, CAST(${since} AS pg_snapshot) AS since
              WHERE xid >= pg_snapshot_xmin(since) AND NOT pg_visible_in_snapshot(xid, since)
            ) AS changed`,
  );
  if (!row) throw new Error('no snapshot');
  return row;
}

/** What the project search (filters, facets, order, cards) and the search for similar items read of a project. */
export interface ProjectSnapshotRow {
  id: string;
  title: string;
  need: string;
  track: ProjectTrack;
  phase: ProjectPhase;
  domainCode: string;
  domainLabel: string;
  /** The holder office. */
  holderId: string;
  officeCode: string;
  officeName: string;
  officeType: string;
  region: string;
  /** The developer offices (none: the project needs developers). */
  developers: { id: string; code: string; name: string }[];
  sponsorshipAccepted: boolean;
  updatedAt: string;
  applicationId: string | null;
  transitionalApplicationId: string | null;
  needsDevelopers: boolean;
  /** Positions in the database's own orders (its collation, microsecond timestamps), so that sorting in
   * memory gives what ORDER BY gives: `updated_at DESC, id`, `f_unaccent(lower(title)), id`, and for each
   * facet the rank of the row's value among the values (ties of counts are ordered by value). */
  updatedOrder: number;
  titleOrder: number;
  valueOrder: Record<'track' | 'phase' | 'domain' | 'organisation' | 'region' | 'needsDevelopers', number>;
}

interface RawRow {
  id: string;
  title: string;
  need: string;
  track: ProjectTrack;
  phase: ProjectPhase;
  domain_code: string;
  domain_label: string;
  holder_id: string;
  office_code: string;
  office_name: string;
  office_type: string;
  region: string;
  developers: { id: string; code: string; name: string }[] | null;
  sponsorship_accepted: boolean;
  updated_at: Date | string;
  application_id: string | null;
  transitional_application_id: string | null;
  needs_developers: boolean;
  updated_order: string;
  title_order: string;
  track_order: string;
  phase_order: string;
  domain_order: string;
  office_order: string;
  region_order: string;
  needs_order: string;
}

/** Every project with its holder office, its domain's label and its orders, by id. */
export async function readProjectSnapshotRows(db: Executor): Promise<ProjectSnapshotRow[]> {
  const rows = await selectRows<RawRow>(
    db,
    sql`
      WITH developers AS (
        SELECT po.project_id, json_agg(json_build_object('id', dev.id, 'code', dev.code, 'name', dev.name)) AS list
        FROM project_offices po JOIN organisations dev ON dev.id = po.organisation_id
        WHERE po.role = 'developer' GROUP BY po.project_id
      ), p AS (
        SELECT p.*, developers.list AS developers, developers.list IS NULL AS needs_developers,
          EXISTS (SELECT 1 FROM sponsorship_requests s WHERE s.project_id = p.id AND s.state = 'accepted')
            AS sponsorship_accepted
        FROM projects p LEFT JOIN developers ON developers.project_id = p.id
      )
      SELECT p.id, p.title, p.need, p.track, p.phase, p.domain_code, d.label_fr AS domain_label,
        o.id AS holder_id, o.code AS office_code, o.name AS office_name, o.type AS office_type, o.region,
        p.developers, p.sponsorship_accepted, p.updated_at, p.application_id,
        p.transitional_application_id, p.needs_developers,
        row_number() OVER (ORDER BY p.updated_at DESC, p.id) AS updated_order,
        row_number() OVER (ORDER BY f_unaccent(lower(p.title)), p.id) AS title_order,
        dense_rank() OVER (ORDER BY p.track) AS track_order,
        dense_rank() OVER (ORDER BY p.phase) AS phase_order,
        dense_rank() OVER (ORDER BY p.domain_code) AS domain_order,
        dense_rank() OVER (ORDER BY o.code) AS office_order,
        dense_rank() OVER (ORDER BY o.region) AS region_order,
        dense_rank() OVER (ORDER BY p.needs_developers::text) AS needs_order
      FROM p
      JOIN organisations o ON o.id = p.holder_organisation_id
      JOIN business_domains d ON d.code = p.domain_code
      ORDER BY p.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    need: r.need,
    track: r.track,
    phase: r.phase,
    domainCode: r.domain_code,
    domainLabel: r.domain_label,
    holderId: r.holder_id,
    officeCode: r.office_code,
    officeName: r.office_name,
    officeType: r.office_type,
    region: r.region,
    developers: r.developers ?? [],
    sponsorshipAccepted: r.sponsorship_accepted,
    updatedAt: new Date(r.updated_at).toISOString(),
    applicationId: r.application_id,
    transitionalApplicationId: r.transitional_application_id,
    needsDevelopers: r.needs_developers,
    updatedOrder: toNumber(r.updated_order),
    titleOrder: toNumber(r.title_order),
    valueOrder: {
      track: toNumber(r.track_order),
      phase: toNumber(r.phase_order),
      domain: toNumber(r.domain_order),
      organisation: toNumber(r.office_order),
      region: toNumber(r.region_order),
      needsDevelopers: toNumber(r.needs_order),
    },
  }));
}

/**
 * The projects matching a prefix query (projects-search.ts: `gest:* & indu:*`) in PostgreSQL's French
 * configuration without accents, as the search vector is built, with their rank.
 */
export async function readProjectTextMatches(db: Executor, text: string) {
  const rows = await selectRows<{ id: string; rank: number }>(
    db,
    sql`SELECT p.id, ts_rank(p.search_vector, q) AS rank
        FROM projects p, to_tsquery('french'::regconfig, f_unaccent(${text})) AS q
        WHERE p.search_vector @@ q`,
  );
  return new Map(rows.map((r) => [r.id, Number(r.rank)]));
}

/** Deletes the change log's rows older than `olderThanMs` (with the catalogue's, by the same job). */
export async function pruneProjectChanges(db: Executor, olderThanMs: number) {
  await db.execute(
    sql`DELETE FROM project_changes WHERE at < now() - make_interval(secs => ${olderThanMs / 1000})`,
  );
}
