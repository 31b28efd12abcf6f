import type { CoverageDto, ReferentApplicationDto, ReferentDto } from '../../../common/schemas/community.ts';
import type { ReferentRow } from './referents.queries.ts';
import type { getCoverage, getReferentApplication, listReferentApplications } from './referents.service.ts';

export const presentReferent = (row: ReferentRow): ReferentDto => ({
  id: row.id,
  office: row.office,
  region: row.region as ReferentDto['region'],
  namedAt: row.namedAt.toISOString(),
});

export function presentCoverage(regions: Awaited<ReturnType<typeof getCoverage>>): CoverageDto {
  const covered = regions.filter((r) => r.referents.length > 0).length;
  return {
    regions: regions.map((r) => ({ ...r, referents: r.referents.map(presentReferent) })),
    covered,
    uncovered: regions.length - covered,
  };
}

type Listed = Awaited<ReturnType<typeof listReferentApplications>>[number];

export const presentReferentApplicationSummary = (row: Listed) => ({
  id: row.id,
  office: row.office,
  region: row.region as ReferentApplicationDto['region'],
  motivation: row.motivation,
  state: row.state,
  decisionNote: row.decisionNote,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
});

export const presentReferentApplication = (
  row: Awaited<ReturnType<typeof getReferentApplication>>,
): ReferentApplicationDto => ({
  ...presentReferentApplicationSummary(row),
  transitions: row.transitions,
  lifecycles: row.lifecycles,
});
