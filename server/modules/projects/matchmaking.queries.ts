import { sql } from 'drizzle-orm';
import { ACTIVE_PHASES, type ProjectPhase } from '../../../common/projects.ts';
import type { MatchmakingQuery } from '../../../common/schemas/matchmaking.ts';
import type { ProjectTrack } from '../../../common/tracks.ts';
import type { Executor } from '../../db/client.ts';
import type { ListScope } from '../../lib/policy.ts';
import { selectRows, toNumber } from '../../lib/rows.ts';

/** "Besoins et forces": the needs without developers, the capacity still to come, and what offices know. */

/** Each list is capped: the page shows the first ones and says how many there are. */
export const NEEDS_LIMIT = 100;
export const CAPACITIES_LIMIT = 200;

export interface NeedRow {
  id: string;
  title: string;
  need: string;
  description: string;
  track: ProjectTrack;
  phase: ProjectPhase;
  domain_code: string;
  domain_label: string;
  holder_id: string;
  holder_code: string;
  holder_name: string;
  holder_region: string;
  holder_type: string;
  technologies: string[];
  updated_at: Date;
  total: string;
}

const activePhases = sql.join(
  ACTIVE_PHASES.map((phase) => sql`${phase}`),
  sql`, `,
);

/**
 * Projects in a phase still worked through (need expressed to acceptance) that no developer office has
 * joined yet, the latest updated first; with the technologies of the catalogue sheet they concern.
 */
export async function listNeedsWithoutDevelopers(db: Executor, scope: ListScope, query: MatchmakingQuery) {
  if (scope.kind !== 'all') return { rows: [] as NeedRow[], total: 0 };
  const rows = await selectRows<NeedRow>(
    db,
    sql`SELECT p.id, p.title, p.need, p.description, p.track, p.phase, p.updated_at,
        p.domain_code, d.label_fr AS domain_label,
        o.id AS holder_id, o.code AS holder_code, o.name AS holder_name, o.region AS holder_region, o.type AS holder_type,
        coalesce(a.technology_tags, '{}'::text[]) AS technologies,
        count(*) OVER () AS total
      FROM projects p
      JOIN organisations o ON o.id = p.holder_organisation_id
      JOIN business_domains d ON d.code = p.domain_code
      LEFT JOIN applications a ON a.id = coalesce(p.application_id, p.transitional_application_id)
      WHERE p.phase IN (${activePhases})
        AND NOT EXISTS (SELECT 1 FROM project_offices po WHERE po.project_id = p.id AND po.role = 'developer')
        ${query.domain ? sql`AND p.domain_code = ${query.domain}` : sql``}
        ${query.region ? sql`AND o.region = ${query.region}` : sql``}
      ORDER BY p.updated_at DESC, p.id
      LIMIT ${NEEDS_LIMIT}`,
  );
  return { rows, total: toNumber(rows[0]?.total) };
}

export interface AvailableCapacityRow {
  id: string;
  organisation_id: string;
  organisation_code: string;
  organisation_name: string;
  organisation_region: string;
  organisation_type: string;
  quarter: string;
  person_days: number;
  skills: string[];
  comment: string;
  updated_at: Date;
  total: string;
}

/** Capacity declared for `fromQuarter` (`2026-T4`) and later, with days left; the nearest quarter first. */
export async function listAvailableCapacities(
  db: Executor,
  scope: ListScope,
  query: MatchmakingQuery,
  fromQuarter: string,
) {
  if (scope.kind !== 'all') return { rows: [] as AvailableCapacityRow[], total: 0 };
  const rows = await selectRows<AvailableCapacityRow>(
    db,
    sql`SELECT c.id, c.quarter, c.person_days, c.skills, c.comment, c.updated_at,
        o.id AS organisation_id, o.code AS organisation_code, o.name AS organisation_name,
        o.region AS organisation_region, o.type AS organisation_type, count(*) OVER () AS total
      FROM capacity_declarations c
      JOIN organisations o ON o.id = c.organisation_id
      WHERE c.quarter >= ${fromQuarter} AND c.person_days > 0
        ${query.region ? sql`AND o.region = ${query.region}` : sql``}
      ORDER BY c.quarter, o.name, c.id
      LIMIT ${CAPACITIES_LIMIT}`,
  );
  return { rows, total: toNumber(rows[0]?.total) };
}

/**
 * The business domains each office works in: those of the projects it holds or develops and of the
 * catalogue sheets it designs.
 */
export async function findOfficeDomains(db: Executor, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return new Map<string, string[]>();
  const ids = sql`ARRAY[${sql.join(
    organisationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;
  const rows = await selectRows<{ organisation_id: string; domains: string[] }>(
    db,
    sql`SELECT organisation_id, array_agg(DISTINCT domain_code ORDER BY domain_code) AS domains FROM (
        SELECT holder_organisation_id AS organisation_id, domain_code FROM projects
          WHERE holder_organisation_id = ANY(${ids})
        UNION SELECT po.organisation_id, p.domain_code FROM project_offices po
          JOIN projects p ON p.id = po.project_id
          WHERE po.role = 'developer' AND po.organisation_id = ANY(${ids})
        UNION SELECT designer_organisation_id, domain_code FROM applications
          WHERE designer_organisation_id = ANY(${ids})
      ) known GROUP BY organisation_id`,
  );
  return new Map(rows.map((r) => [r.organisation_id, r.domains]));
}

/** The live offers of developer capacity made to these projects (pending: an accepted one made it a developer). */
export async function findDeveloperOffers(db: Executor, projectIds: readonly string[]) {
  if (projectIds.length === 0) return [];
  return selectRows<{
    id: string;
    project_id: string;
    organisation_id: string;
    state: 'pending' | 'accepted';
  }>(
    db,
    sql`SELECT id, project_id, organisation_id, state FROM project_offers
      WHERE kind = 'developerCapacity' AND state IN ('pending', 'accepted')
        AND project_id = ANY(ARRAY[${sql.join(
          projectIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}])`,
  );
}
