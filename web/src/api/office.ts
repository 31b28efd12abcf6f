import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { HomeDto } from '../../../common/schemas/home.ts';
import type {
  DesignedApplicationDto,
  OfficePortfolioDto,
  UsedApplicationDto,
} from '../../../common/schemas/office.ts';
import { api, withQuery } from './client.ts';
import type { Page } from './queries.ts';

/** The caller's home page: its sections follow the caller's roles. */
export function useHome() {
  return useQuery({ queryKey: ['home'], queryFn: () => api<HomeDto>('GET', '/api/home') });
}

export function useOfficePortfolio(id: string) {
  return useQuery({
    queryKey: ['organisation', id, 'portfolio'],
    queryFn: () => api<OfficePortfolioDto>('GET', `/api/organisations/${id}/portfolio`),
  });
}

export const OFFICE_PAGE_SIZE = 10;

export type OfficeLists = { designed: DesignedApplicationDto; used: UsedApplicationDto };

/** One page of what the office designs or uses. */
export function useOfficeApplications<R extends keyof OfficeLists>(id: string, relation: R, page: number) {
  return useQuery({
    queryKey: ['organisation', id, relation, page],
    queryFn: () =>
      api<Page<OfficeLists[R]>>(
        'GET',
        withQuery(`/api/organisations/${id}/${relation}-applications`, { page, pageSize: OFFICE_PAGE_SIZE }),
      ),
    placeholderData: keepPreviousData,
  });
}
