import { type SQL, sql } from 'drizzle-orm';
import type { CertificationStatus, LifecycleStage, Track } from '../../../common/catalog/vocabulary.ts';
import type { OrganisationType, Region } from '../../../common/organisations.ts';
import type { Executor } from '../../db/client.ts';
import { selectRows } from '../../lib/rows.ts';

/** An application as the office lists show it (counts arrive as PostgreSQL sends them). */
export interface OfficeApplicationRow {
  id: string;
  code: string;
  name: string;
  track: Track;
  certification_status: CertificationStatus;
  lifecycle_stage: LifecycleStage;
  using_offices: number | string;
}
export interface DesignerColumns {
  designer_id: string;
  designer_code: string;
  designer_name: string;
  designer_type: OrganisationType;
  designer_region: Region;
}
export type DesignedApplicationRow = OfficeApplicationRow & {
  declared_users: number | string | null;
  latest_version: string | null;
  updated_at: Date | string;
};
export type UsedApplicationRow = OfficeApplicationRow &
  DesignerColumns & { user_count: number | null; version_number: string | null; since: string | null };

export const APPLICATION_COLUMNS = sql`a.id, a.code, a.name, a.track, a.certification_status, a.lifecycle_stage,
  a.usage_count AS using_offices`;
export const DESIGNER_COLUMNS = sql`d.id AS designer_id, d.code AS designer_code, d.name AS designer_name,
  d.type AS designer_type, d.region AS designer_region`;

export interface Bounds {
  limit: number;
  offset: number;
}

async function pageOfRows<T>(db: Executor, select: SQL, from: SQL, order: SQL, bounds: Bounds) {
  const [items, totals] = await Promise.all([
    selectRows<T>(
      db,
      sql`SELECT ${select} ${from} ORDER BY ${order} LIMIT ${bounds.limit} OFFSET ${bounds.offset}`,
    ),
    selectRows<{ total: unknown }>(db, sql`SELECT count(*) AS total ${from}`),
  ]);
  return { items, total: Number(totals[0]?.total ?? 0) };
}

/** The live applications the office designs, the most used first. */
export function listDesignedApplications(db: Executor, organisationId: string, bounds: Bounds) {
  return pageOfRows<DesignedApplicationRow>(
    db,
    sql`${APPLICATION_COLUMNS}, a.updated_at,
      (SELECT sum(u.user_count) FROM application_usages u WHERE u.application_id = a.id) AS declared_users,
      (SELECT v.number FROM application_versions v WHERE v.application_id = a.id
        ORDER BY v.released_on DESC NULLS LAST, v.number DESC LIMIT 1) AS latest_version`,
    sql`FROM applications a WHERE a.archived_at IS NULL AND a.designer_organisation_id = ${organisationId}`,
    sql`a.usage_count DESC, a.sort_name, a.id`,
    bounds,
  );
}

/** The live applications the office declares it uses, as it declared them, by name. */
export function listUsedApplications(db: Executor, organisationId: string, bounds: Bounds) {
  return pageOfRows<UsedApplicationRow>(
    db,
    sql`${APPLICATION_COLUMNS}, ${DESIGNER_COLUMNS}, u.user_count, u.version_number, u.since::text AS since`,
    sql`FROM application_usages u
      JOIN applications a ON a.id = u.application_id
      JOIN organisations d ON d.id = a.designer_organisation_id
      WHERE u.organisation_id = ${organisationId} AND a.archived_at IS NULL`,
    sql`a.sort_name, a.id`,
    bounds,
  );
}

/** The office's figures, and the usages of what it designs by region of the using office. */
export async function readOfficePortfolio(db: Executor, organisationId: string) {
  const [figures, regions] = await Promise.all([
    selectRows<Record<'designed' | 'used' | 'declared_users' | 'offices_using_designed', unknown>>(
      db,
      sql`
      SELECT (SELECT count(*) FROM applications a
               WHERE a.archived_at IS NULL AND a.designer_organisation_id = ${organisationId}) AS designed,
             (SELECT count(*) FROM application_usages u JOIN applications a ON a.id = u.application_id
               WHERE a.archived_at IS NULL AND u.organisation_id = ${organisationId}) AS used,
             (SELECT sum(u.user_count) FROM application_usages u JOIN applications a ON a.id = u.application_id
               WHERE a.archived_at IS NULL AND u.organisation_id = ${organisationId}) AS declared_users,
             (SELECT count(DISTINCT u.organisation_id) FROM application_usages u
               JOIN applications a ON a.id = u.application_id
               WHERE a.archived_at IS NULL AND a.designer_organisation_id = ${organisationId}
                 AND u.organisation_id <> ${organisationId}) AS offices_using_designed`,
    ),
    selectRows<{ region: Region; usages: unknown }>(
      db,
      sql`
      SELECT o.region, count(*) AS usages
      FROM application_usages u
      JOIN applications a ON a.id = u.application_id
      JOIN organisations o ON o.id = u.organisation_id
      WHERE a.archived_at IS NULL AND a.designer_organisation_id = ${organisationId}
      GROUP BY o.region
      ORDER BY o.region`,
    ),
  ]);
  return { figures: figures[0], regions };
}
export type OfficePortfolioFigures = Awaited<ReturnType<typeof readOfficePortfolio>>;
