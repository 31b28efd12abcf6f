import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ReviewBody,
  StoreApplicationDto,
  StorePageDto,
  StoreQuery,
} from '../../../common/schemas/store.ts';
import { api, withQuery } from './client.ts';

/** The Store's search, as the URL of the Store page holds it. */
export type StoreSearch = Partial<Omit<StoreQuery, 'pageSize'>>;
export const STORE_PAGE_SIZE = 12;

export function useStore(search: StoreSearch) {
  return useQuery({
    queryKey: ['store', search],
    queryFn: () =>
      api<StorePageDto>('GET', withQuery('/api/store', { ...search, pageSize: STORE_PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });
}

export function useStoreApplication(id: string) {
  return useQuery({
    queryKey: ['store', 'application', id],
    queryFn: () => api<StoreApplicationDto>('GET', `/api/store/applications/${id}`),
  });
}

/** Writes or edits the office's review; the API answers the application, kept in the cache. */
export function useSaveReview(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewBody) =>
      api<StoreApplicationDto>('PUT', `/api/store/applications/${id}/review`, body),
    onSuccess: (view) => client.setQueryData(['store', 'application', id], view),
    onSettled: () => client.invalidateQueries({ queryKey: ['store'] }),
  });
}
