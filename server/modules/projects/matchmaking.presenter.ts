import type { OrganisationType, Region } from '../../../common/organisations.ts';
import type {
  MatchmakingDto,
  ProjectNeedDto,
  SuggestedMatchDto,
} from '../../../common/schemas/matchmaking.ts';
import type { CapacityDto } from '../../../common/schemas/project-collaboration.ts';
import type { AvailableCapacityRow, NeedRow } from './matchmaking.queries.ts';
import type { Matchmaking } from './matchmaking.service.ts';

const iso = (value: Date | string) => new Date(value).toISOString();

function presentNeed(row: NeedRow): ProjectNeedDto {
  return {
    id: row.id,
    title: row.title,
    need: row.need,
    track: row.track,
    phase: row.phase,
    domain: { code: row.domain_code, label: row.domain_label },
    holderOrganisation: {
      id: row.holder_id,
      code: row.holder_code,
      name: row.holder_name,
      type: row.holder_type as OrganisationType,
      region: row.holder_region as Region,
    },
    updatedAt: iso(row.updated_at),
  };
}

function presentAvailableCapacity(row: AvailableCapacityRow): CapacityDto {
  return {
    id: row.id,
    organisation: { id: row.organisation_id, code: row.organisation_code, name: row.organisation_name },
    quarter: row.quarter,
    personDays: row.person_days,
    skills: row.skills,
    comment: row.comment,
    updatedAt: iso(row.updated_at),
  };
}

export function presentMatchmaking(result: Matchmaking): MatchmakingDto {
  const titles = new Map(result.needs.rows.map((row) => [row.id, row.title]));
  const offices = new Map(
    result.capacities.rows.map((row) => [
      row.organisation_id,
      {
        id: row.organisation_id,
        code: row.organisation_code,
        name: row.organisation_name,
        type: row.organisation_type as OrganisationType,
        region: row.organisation_region as Region,
      },
    ]),
  );
  const matches = result.matches.items.flatMap((match): SuggestedMatchDto[] => {
    const organisation = offices.get(match.organisationId);
    if (!organisation) return [];
    return [
      {
        project: { id: match.needId, title: titles.get(match.needId) ?? '' },
        organisation,
        score: match.score,
        reasons: match.reasons,
        personDays: result.offices.get(match.organisationId)?.personDays ?? 0,
        offer: result.offers.get(`${match.needId}/${match.organisationId}`) ?? null,
      },
    ];
  });
  return {
    quarter: result.quarter,
    needs: { items: result.needs.rows.map(presentNeed), total: result.needs.total },
    capacities: {
      items: result.capacities.rows.map(presentAvailableCapacity),
      total: result.capacities.total,
    },
    matches: { items: matches, total: result.matches.total },
  };
}
