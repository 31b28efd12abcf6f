import { quarterOf } from '../../../common/quarters.ts';
import type { MatchmakingQuery } from '../../../common/schemas/matchmaking.ts';
import { requireActor, type ServiceContext } from '../../lib/context.ts';
import type { Authorizer } from '../../lib/policy.ts';
import {
  type AvailableCapacityRow,
  findDeveloperOffers,
  findOfficeDomains,
  listAvailableCapacities,
  listNeedsWithoutDevelopers,
  type NeedRow,
} from './matchmaking.queries.ts';
import { type Match, type NeedToMatch, type OfficeCapacity, suggestMatches } from './matchmaking.score.ts';
import { matchmakingScope } from './projects.policy.ts';

/** At most this many suggestions are sent, the best first. */
export const MATCHES_LIMIT = 60;

/** One office's capacity from the current quarter on: its days added up, its skills together. */
function officeCapacities(rows: readonly AvailableCapacityRow[], domains: Map<string, string[]>) {
  const offices = new Map<string, OfficeCapacity>();
  for (const row of rows) {
    const office = offices.get(row.organisation_id) ?? {
      organisationId: row.organisation_id,
      name: row.organisation_name,
      region: row.organisation_region,
      domainCodes: domains.get(row.organisation_id) ?? [],
      skills: [],
      personDays: 0,
    };
    const skills = [...office.skills];
    for (const skill of row.skills)
      if (!skills.some((s) => s.toLowerCase() === skill.toLowerCase())) skills.push(skill);
    offices.set(row.organisation_id, { ...office, skills, personDays: office.personDays + row.person_days });
  }
  return [...offices.values()];
}

const needToMatch = (row: NeedRow): NeedToMatch => ({
  id: row.id,
  title: row.title,
  text: `${row.title}\n${row.need}\n${row.description}`,
  technologies: row.technologies,
  domainCode: row.domain_code,
  domainLabel: row.domain_label,
  holderOrganisationId: row.holder_id,
  region: row.holder_region,
});

export interface Matchmaking {
  quarter: string;
  needs: { rows: NeedRow[]; total: number };
  capacities: { rows: AvailableCapacityRow[]; total: number };
  matches: { items: Match[]; total: number };
  offices: Map<string, OfficeCapacity>;
  /** The live developer-capacity offers, by `projectId/organisationId`. */
  offers: Map<string, { id: string; state: 'pending' | 'accepted' }>;
}

/**
 * "Besoins et forces": the needs without developers (filtered by domain and region), the capacities of
 * the current quarter and later (by region), and the matches suggested between them.
 */
export async function matchmaking(
  ctx: ServiceContext,
  authorizer: Authorizer,
  query: MatchmakingQuery,
  now: Date,
): Promise<Matchmaking> {
  const scope = matchmakingScope(requireActor(ctx), authorizer);
  const quarter = quarterOf(now);
  const needs = await listNeedsWithoutDevelopers(ctx.db, scope, query);
  const capacities = await listAvailableCapacities(ctx.db, scope, query, quarter);
  const domains = await findOfficeDomains(ctx.db, [
    ...new Set(capacities.rows.map((row) => row.organisation_id)),
  ]);
  const offices = officeCapacities(capacities.rows, domains);
  const all = suggestMatches(needs.rows.map(needToMatch), offices);
  const offers = await findDeveloperOffers(
    ctx.db,
    needs.rows.map((row) => row.id),
  );
  return {
    quarter,
    needs,
    capacities,
    matches: { items: all.slice(0, MATCHES_LIMIT), total: all.length },
    offices: new Map(offices.map((o) => [o.organisationId, o])),
    offers: new Map(
      offers.map((o) => [`${o.project_id}/${o.organisation_id}`, { id: o.id, state: o.state }]),
    ),
  };
}
