import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createRequestSchema,
  ProvisioningStatusDto,
  RequestDto,
  RequestListQuery,
  RequestPageDto,
  TenantDto,
  updateRequestSchema,
} from '../../../common/schemas/deployment-request.ts';
import { api, withQuery } from './client.ts';
import { useFireTransition } from './queries.ts';

export type RequestSearch = Partial<Omit<RequestListQuery, 'pageSize'>>;

export function useRequests(search: RequestSearch) {
  return useQuery({
    queryKey: ['deployment-requests', search],
    queryFn: () =>
      api<RequestPageDto>('GET', withQuery('/api/deployment-requests', { ...search, pageSize: 50 })),
    placeholderData: keepPreviousData,
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: ['deployment-request', id],
    queryFn: () => api<RequestDto>('GET', `/api/deployment-requests/${id}`),
    // While the platform provisions the tenant, the page follows it.
    refetchInterval: (query) =>
      ['validated', 'provisioning'].includes(query.state.data?.state ?? '') ? 3000 : false,
  });
}

export function useCreateRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createRequestSchema>) =>
      api<RequestDto>('POST', '/api/deployment-requests', body),
    onSettled: () => client.invalidateQueries({ queryKey: ['deployment-requests'] }),
  });
}

export function useUpdateRequest(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof updateRequestSchema>) =>
      api<RequestDto>('PATCH', `/api/deployment-requests/${id}`, body),
    onSuccess: (request) => client.setQueryData(['deployment-request', id], request),
  });
}

export const useFireRequestTransition = (id: string) =>
  useFireTransition<RequestDto>('/api/deployment-requests', ['deployment-request', id]);

export function useTenants(applicationId: string) {
  return useQuery({
    queryKey: ['tenants', applicationId],
    queryFn: () => api<{ items: TenantDto[] }>('GET', `/api/applications/${applicationId}/tenants`),
  });
}

export function useProvisioningStatus(enabled: boolean) {
  return useQuery({
    queryKey: ['provisioning-status'],
    queryFn: () => api<ProvisioningStatusDto>('GET', '/api/provisioning/status'),
    enabled,
  });
}
