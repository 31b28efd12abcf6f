import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SimilarApplicationsDto } from '../../../../common/schemas/usage.ts';
import { api, withQuery } from '../../api/client.ts';

/** One item like the project being declared, whatever its kind. */
export interface SimilarItem {
  kind: 'application' | 'project';
  id: string;
  title: string;
  summary: string;
  /** The office that designs or holds it. */
  office: string;
  /** 0–1. */
  score: number;
  /** Where to read it. */
  href: string;
}

/** The summary the endpoint reads is at most 500 characters: the start of the need says the most. */
const SUMMARY_LIMIT = 500;

/**
 * The catalogue applications (and, once the cross-kind search lands, the projects) like a title and a
 * need being typed. Nothing is asked before four letters of title. The only place the declaration form
 * reaches the similarity search: `POST /api/similar` will replace the request here, and nothing else.
 */
export function useSimilar(title: string, need: string) {
  const name = title.trim();
  const summary = need.trim().slice(0, SUMMARY_LIMIT);
  const enabled = name.length >= 4;
  const query = useQuery({
    queryKey: ['applications', 'similar', name, summary],
    queryFn: async (): Promise<SimilarItem[]> => {
      const found = await api<SimilarApplicationsDto>(
        'GET',
        withQuery('/api/applications/similar', { name, summary }),
      );
      return found.items.map((item) => ({
        kind: 'application',
        id: item.id,
        title: item.name,
        summary: item.summary,
        office: item.designerOrganisation.name,
        score: item.similarity,
        href: `/catalogue/${item.id}`,
      }));
    },
    enabled,
    placeholderData: keepPreviousData,
  });
  return { items: enabled ? (query.data ?? []) : [], error: query.error };
}
