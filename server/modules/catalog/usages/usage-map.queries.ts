import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { selectRows } from '../../../lib/rows.ts';
import { applicationUsers } from './usages.queries.ts';

/** An application as the map lists it (counts arrive as PostgreSQL sends them). */
export interface MapApplicationRow {
  id: string;
  code: string;
  name: string;
  domain_code: string;
  domain_label: string;
  organisation_code: string;
  organisation_name: string;
  usage_count: number | string;
}

/** The columns and joins of a `MapApplicationRow` (alias `a` for the application). */
export const APPLICATION_COLUMNS = sql`a.id, a.code, a.name, a.domain_code, d.label_fr AS domain_label, o.code AS organisation_code,
  o.name AS organisation_name, a.usage_count`;
export const APPLICATION_JOINS = sql`FROM applications a
  JOIN organisations o ON o.id = a.designer_organisation_id
  JOIN business_domains d ON d.code = a.domain_code`;

/**
 * Everything the usage map counts, live applications only. A usage is one office using one application
 * (`applicationUsers`: the declarations, and the designer office of a sheet in production).
 */
export async function readUsageMapFigures(db: Executor) {
  const [totals, ranking, regions, domains] = await Promise.all([
    selectRows<Record<'applications' | 'usages' | 'using_offices' | 'designer_offices', unknown>>(
      db,
      sql`
      SELECT (SELECT count(*) FROM applications WHERE archived_at IS NULL) AS applications,
             (SELECT count(*) FROM ${applicationUsers} u JOIN applications a ON a.id = u.application_id
               WHERE a.archived_at IS NULL) AS usages,
             (SELECT count(DISTINCT u.organisation_id) FROM ${applicationUsers} u
               JOIN applications a ON a.id = u.application_id WHERE a.archived_at IS NULL) AS using_offices,
             (SELECT count(DISTINCT designer_organisation_id) FROM applications WHERE archived_at IS NULL) AS designer_offices`,
    ),
    selectRows<MapApplicationRow & { declared_users: unknown }>(
      db,
      sql`
      SELECT ${APPLICATION_COLUMNS},
             COALESCE((SELECT sum(user_count) FROM application_usages u WHERE u.application_id = a.id), 0) AS declared_users
      ${APPLICATION_JOINS}
      WHERE a.archived_at IS NULL AND a.usage_count > 0
      ORDER BY a.usage_count DESC, declared_users DESC, a.name
      LIMIT 20`,
    ),
    selectRows<{ region: string; usages: unknown; using_offices: unknown; designed: unknown }>(
      db,
      sql`
      SELECT o.region,
             count(u.application_id) AS usages,
             count(DISTINCT u.organisation_id) AS using_offices,
             (SELECT count(*) FROM applications a2 JOIN organisations o2 ON o2.id = a2.designer_organisation_id
               WHERE a2.archived_at IS NULL AND o2.region = o.region) AS designed
      FROM organisations o
      LEFT JOIN ${applicationUsers} u ON u.organisation_id = o.id
        AND EXISTS (SELECT 1 FROM applications a WHERE a.id = u.application_id AND a.archived_at IS NULL)
      GROUP BY o.region`,
    ),
    selectRows<{
      code: string;
      label_fr: string;
      applications: unknown;
      usages: unknown;
      using_offices: unknown;
    }>(
      db,
      sql`
      SELECT d.code, d.label_fr,
             count(DISTINCT a.id) AS applications,
             count(u.application_id) AS usages,
             count(DISTINCT u.organisation_id) AS using_offices
      FROM business_domains d
      LEFT JOIN applications a ON a.domain_code = d.code AND a.archived_at IS NULL
      LEFT JOIN ${applicationUsers} u ON u.application_id = a.id
      GROUP BY d.code, d.label_fr, d.position
      ORDER BY d.position`,
    ),
  ]);
  return { totals: totals[0], ranking, regions, domains };
}
