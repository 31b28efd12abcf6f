import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  SIMILAR_TEXT_MAX,
  type SimilarKind,
  type SimilarResultDto,
} from '../../../../common/schemas/similar.ts';
import { api } from '../../api/client.ts';

/** One item like the project being declared, whatever its kind. */
export interface SimilarItem {
  kind: SimilarKind;
  id: string;
  title: string;
  summary: string;
  /** The office that designs or holds it. */
  office: string;
  /** 0–1. */
  score: number;
  /** Its words that the typed title and need share (as it writes them). */
  sharedTerms: string[];
  /** Where to read it. */
  href: string;
}

const HREF: Record<SimilarKind, string> = {
  application: '/catalogue/',
  project: '/projets/',
  call: '/appels/',
  proposal: '/propositions/',
};

/**
 * The catalogue applications and the projects in progress like a title and a need being typed
 * (`POST /api/similar`, across kinds). Nothing is asked before four letters of title.
 */
export function useSimilar(
  title: string,
  need: string,
  kinds: readonly SimilarKind[] = ['application', 'project'],
) {
  const name = title.trim();
  const text = need.trim().slice(0, SIMILAR_TEXT_MAX);
  const enabled = name.length >= 4;
  const query = useQuery({
    queryKey: ['similar', name, text, kinds],
    queryFn: async (): Promise<SimilarItem[]> => {
      const found = await api<SimilarResultDto>('POST', '/api/similar', {
        title: name,
        text,
        kinds,
      });
      return found.items.map((item) => ({
        kind: item.kind,
        id: item.id,
        title: item.title,
        summary: item.summary,
        office: item.office.name,
        score: item.score,
        sharedTerms: item.sharedTerms,
        href: `${HREF[item.kind]}${item.id}`,
      }));
    },
    enabled,
    placeholderData: keepPreviousData,
  });
  return { items: enabled ? (query.data ?? []) : [], error: query.error };
}
