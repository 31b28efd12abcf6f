import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CampaignDto,
  CampaignSummaryDto,
  ReportDto,
  ReportVerificationDto,
} from '../../../common/schemas/acceptance.ts';
import { api } from './client.ts';
import type { Page } from './queries.ts';
import { useFireTransition } from './queries.ts';

export function useCampaigns() {
  return useQuery({
    queryKey: ['campaigns'],
    queryFn: () => api<Page<CampaignSummaryDto>>('GET', '/api/acceptance-campaigns?pageSize=100'),
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: ['campaign', id],
    queryFn: () => api<CampaignDto>('GET', `/api/acceptance-campaigns/${id}`),
  });
}

/** A write on the campaign (an execution, an anomaly): the API answers the campaign, kept in the cache. */
export function useCampaignWrite(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { method: 'POST' | 'PATCH'; path: string; body: unknown }) =>
      api<CampaignDto>(input.method, `/api/acceptance-campaigns/${id}${input.path}`, input.body),
    onSuccess: (campaign) => client.setQueryData(['campaign', id], campaign),
    onSettled: () => client.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}

export const useFireCampaignTransition = (id: string) =>
  useFireTransition<CampaignDto>('/api/acceptance-campaigns', ['campaign', id]);

export function useReport(id: string) {
  return useQuery({
    queryKey: ['report', id],
    queryFn: () => api<ReportDto>('GET', `/api/acceptance-reports/${id}`),
  });
}

export function useReportVerification(id: string) {
  return useQuery({
    queryKey: ['report', id, 'verify'],
    queryFn: () => api<ReportVerificationDto>('GET', `/api/acceptance-reports/${id}/verify`),
    retry: false,
  });
}
