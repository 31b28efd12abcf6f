import type { SimilarResultDto } from '../../../common/schemas/similar.ts';
import type { SimilarItem } from './similar-kinds.service.ts';

/** The similar items, best first, as the API sends them. */
export function presentSimilarItems(items: SimilarItem[]): SimilarResultDto {
  return {
    items: items.map((item) => ({
      kind: item.kind,
      id: item.id,
      code: item.code,
      title: item.title,
      summary: item.summary,
      office: { code: item.office.code, name: item.office.name },
      score: item.score,
      sharedTerms: item.sharedTerms,
    })),
  };
}
