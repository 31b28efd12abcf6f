import type { SimilarApplicationsDto } from '../../../../common/schemas/usage.ts';
import { presentMapApplication } from '../usages/usage-map.presenter.ts';
import type { ApplicationTextRow } from './similar.queries.ts';

/** The sheets like the one being declared, best first, each with its likeness. */
export function presentSimilarApplications(
  matches: { row: ApplicationTextRow; similarity: number }[],
): SimilarApplicationsDto {
  return {
    items: matches.map(({ row, similarity }) => ({
      ...presentMapApplication(row),
      summary: row.summary,
      similarity,
    })),
  };
}
