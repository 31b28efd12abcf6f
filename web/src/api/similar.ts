import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RedundancyPageDto, SimilarApplicationsDto } from '../../../common/schemas/usage.ts';
import { api, withQuery } from './client.ts';

/** One page of the redundancy clusters of the usage map, largest first. */
export function useRedundancies(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['usage-map', 'redundancies', page, pageSize],
    queryFn: () =>
      api<RedundancyPageDto>('GET', withQuery('/api/usage-map/redundancies', { page, pageSize })),
    placeholderData: keepPreviousData,
  });
}

/** The sheets like a name and summary being typed; nothing is asked before four letters of name. */
export function useSimilarApplications(name: string, summary: string) {
  const enabled = name.trim().length >= 4;
  return useQuery({
    queryKey: ['applications', 'similar', name.trim(), summary.trim()],
    queryFn: () =>
      api<SimilarApplicationsDto>(
        'GET',
        withQuery('/api/applications/similar', { name: name.trim(), summary: summary.trim() }),
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}
