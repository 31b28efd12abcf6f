import { type SQL, sql } from 'drizzle-orm';
import type { DecisionReason, SheetIssue } from '../../../common/schemas/home.ts';
import type { Executor } from '../../db/client.ts';
import type { ListScope } from '../../lib/policy.ts';
import { selectRows } from '../../lib/rows.ts';
import {
  APPLICATION_COLUMNS,
  DESIGNER_COLUMNS,
  type DesignerColumns,
  type OfficeApplicationRow,
} from '../organisations/office-applications.queries.ts';

/** The applications most used in the network that the office neither uses nor designs. */
export function listSuggestedApplications(db: Executor, organisationId: string, limit: number) {
  return selectRows<OfficeApplicationRow & DesignerColumns>(
    db,
    sql`
    SELECT ${APPLICATION_COLUMNS}, ${DESIGNER_COLUMNS}
    FROM applications a JOIN organisations d ON d.id = a.designer_organisation_id
    WHERE a.archived_at IS NULL AND a.usage_count > 0 AND a.designer_organisation_id <> ${organisationId}
      AND NOT EXISTS (SELECT 1 FROM application_usages u
                      WHERE u.application_id = a.id AND u.organisation_id = ${organisationId})
    ORDER BY a.usage_count DESC, a.sort_name, a.id
    LIMIT ${limit}`,
  );
}

/** A sheet not touched for this long is due for a review. */
export const STALE_AFTER = '12 months';

/**
 * The live sheets the office designs, each with what it lacks: no change for 12 months, no version,
 * and the fields a publiccode.yml needs to be published (description, licence, a maintainer contact)
 * or the CNIL requires (the register reference when personal data are processed).
 */
const sheetsWithIssues = (organisationId: string) => sql`
  WITH sheets AS (
    SELECT ${APPLICATION_COLUMNS}, a.updated_at,
      array_remove(ARRAY[
        CASE WHEN a.updated_at < now() - ${STALE_AFTER}::interval THEN 'stale' END,
        CASE WHEN NOT EXISTS (SELECT 1 FROM application_versions v WHERE v.application_id = a.id)
          THEN 'noVersion' END,
        CASE WHEN btrim(a.description) = '' THEN 'missingDescription' END,
        CASE WHEN coalesce(btrim(a.licence), '') = '' THEN 'missingLicence' END,
        CASE WHEN coalesce(btrim(a.maintainer->>'name'), '') = '' AND coalesce(btrim(a.maintainer->>'email'), '') = ''
          THEN 'missingMaintainer' END,
        CASE WHEN a.personal_data AND coalesce(btrim(a.cnil_reference), '') = '' THEN 'missingCnilReference' END
      ]::text[], NULL) AS issues
    FROM applications a
    WHERE a.archived_at IS NULL AND a.designer_organisation_id = ${organisationId}
  )`;

export type MaintainedSheetRow = OfficeApplicationRow & { updated_at: Date | string; issues: SheetIssue[] };

/** The office's sheets that need work, the most lacking and the oldest first; and the counts. */
export async function readMaintainedSheets(db: Executor, organisationId: string, limit: number) {
  const [items, totals, issues] = await Promise.all([
    selectRows<MaintainedSheetRow>(
      db,
      sql`${sheetsWithIssues(organisationId)}
      SELECT * FROM sheets WHERE cardinality(issues) > 0
      ORDER BY cardinality(issues) DESC, updated_at, id LIMIT ${limit}`,
    ),
    selectRows<{ total: unknown; needing: unknown }>(
      db,
      sql`${sheetsWithIssues(organisationId)}
      SELECT count(*) AS total, count(*) FILTER (WHERE cardinality(issues) > 0) AS needing FROM sheets`,
    ),
    selectRows<{ issue: SheetIssue; count: unknown }>(
      db,
      sql`${sheetsWithIssues(organisationId)}
      SELECT issue, count(*) AS count FROM sheets, unnest(issues) AS issue GROUP BY issue`,
    ),
  ]);
  return { items, totals: totals[0], issues };
}

/** The figures of the whole network (live applications) and the latest changes on sheets. */
export async function readNetworkFigures(db: Executor, latest: number) {
  const [byStatus, byTrack, totals, changes] = await Promise.all([
    selectRows<{ key: string; count: unknown }>(
      db,
      sql`SELECT certification_status AS key, count(*) AS count FROM applications
          WHERE archived_at IS NULL GROUP BY 1 ORDER BY 1`,
    ),
    selectRows<{ key: string; count: unknown }>(
      db,
      sql`SELECT track AS key, count(*) AS count FROM applications WHERE archived_at IS NULL GROUP BY 1 ORDER BY 1`,
    ),
    selectRows<Record<'applications' | 'offices' | 'declaring' | 'designing' | 'usages' | 'users', unknown>>(
      db,
      sql`
      WITH live_usages AS (
        SELECT u.* FROM application_usages u JOIN applications a ON a.id = u.application_id
        WHERE a.archived_at IS NULL)
      SELECT (SELECT count(*) FROM applications WHERE archived_at IS NULL) AS applications,
             (SELECT count(*) FROM organisations) AS offices,
             (SELECT count(DISTINCT organisation_id) FROM live_usages) AS declaring,
             (SELECT count(DISTINCT designer_organisation_id) FROM applications WHERE archived_at IS NULL) AS designing,
             (SELECT count(*) FROM live_usages) AS usages,
             (SELECT sum(user_count) FROM live_usages) AS users`,
    ),
    selectRows<{
      id: number | string;
      action: string;
      occurred_at: Date | string;
      application_id: string;
      application_code: string;
      application_name: string;
      archived: boolean;
      organisation_id: string | null;
      organisation_code: string | null;
      organisation_name: string | null;
    }>(
      db,
      sql`
      SELECT e.id, e.action, e.occurred_at, a.id AS application_id, a.code AS application_code,
             a.name AS application_name, a.archived_at IS NOT NULL AS archived,
             o.id AS organisation_id, o.code AS organisation_code, o.name AS organisation_name
      FROM audit_events e
      JOIN applications a ON e.target_type = 'application' AND a.id::text = e.target_id
      LEFT JOIN organisations o ON o.id = e.actor_organisation_id
      ORDER BY e.occurred_at DESC, e.id DESC
      LIMIT ${latest}`,
    ),
  ]);
  return { byStatus, byTrack, totals: totals[0], changes };
}

/** The state of a sheet that calls for a decision (see home.decisions.ts). */
const AWAITING: Record<DecisionReason, SQL> = {
  retiredStillPublished: sql`a.archived_at IS NULL AND a.lifecycle_stage = 'retired'`,
  certificationInProgress: sql`a.archived_at IS NULL AND a.certification_status = 'inProgress'`,
};

/** The sheets in that state within the scope (the oldest first, bounded), and how many there are. */
export async function listSheetsAwaiting(
  db: Executor,
  reason: DecisionReason,
  scope: ListScope,
  limit: number,
) {
  if (scope.kind === 'none') return { rows: [], total: 0 };
  const where = sql`${AWAITING[reason]} AND ${
    scope.kind === 'organisation' ? sql`a.designer_organisation_id = ${scope.organisationId}` : sql`TRUE`
  }`;
  const [rows, totals] = await Promise.all([
    selectRows<{ id: string; code: string; name: string; designer_organisation_id: string }>(
      db,
      sql`SELECT a.id, a.code, a.name, a.designer_organisation_id FROM applications a
          WHERE ${where} ORDER BY a.updated_at, a.id LIMIT ${limit}`,
    ),
    selectRows<{ total: unknown }>(db, sql`SELECT count(*) AS total FROM applications a WHERE ${where}`),
  ]);
  return { rows, total: Number(totals[0]?.total ?? 0) };
}
