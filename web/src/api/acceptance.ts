import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CampaignDto,
  CampaignSummaryDto,
  CreateCampaignInput,
  ReportDto,
  ReportVerificationDto,
  TesterDto,
} from '../../../common/schemas/acceptance.ts';
import type { AttachmentDto } from '../../../common/schemas/application.ts';
import { api, withQuery } from './client.ts';
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

export type CampaignSubject = { projectId: string } | { applicationId: string };

/** The campaigns of a project or a catalogue sheet, and their signed reports. */
export function useCampaignsOf(subject: CampaignSubject) {
  return useQuery({
    queryKey: ['campaigns', subject],
    queryFn: () =>
      api<Page<CampaignSummaryDto>>(
        'GET',
        withQuery('/api/acceptance-campaigns', { ...subject, pageSize: 100 }),
      ),
  });
}

export function useReportsOf(subject: CampaignSubject) {
  return useQuery({
    queryKey: ['reports', subject],
    queryFn: () => api<{ items: ReportDto[] }>('GET', withQuery('/api/acceptance-reports', subject)),
  });
}

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CreateCampaignInput>) =>
      api<CampaignDto>('POST', '/api/acceptance-campaigns', body),
    onSettled: () => client.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}

/** The accounts a manager may name as testers (two characters typed at least). */
export function useTesterSearch(q: string) {
  return useQuery({
    queryKey: ['testers', q],
    queryFn: () => api<{ items: TesterDto[] }>('GET', withQuery('/api/acceptance-testers', { q })),
    enabled: q.trim().length >= 2,
  });
}

/** The test plan from a workbook: the API answers the campaign, or a 422 listing each line in error. */
export function useImportTestPlan(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<CampaignDto>('POST', `/api/acceptance-campaigns/${id}/test-cases/import`, form);
    },
    onSuccess: (campaign) => client.setQueryData(['campaign', id], campaign),
  });
}

/** Evidence files of an execution: added and removed, then the campaign is read again. */
export function useExecutionFiles(campaignId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['campaign', campaignId] });
  return {
    urlOf: (executionId: string, fileId: string) =>
      `/api/acceptance-executions/${executionId}/attachments/${fileId}`,
    upload: useMutation({
      mutationFn: (input: { executionId: string; kind: AttachmentDto['kind']; file: File }) => {
        const form = new FormData();
        form.append('kind', input.kind);
        form.append('file', input.file);
        return api<AttachmentDto>(
          'POST',
          `/api/acceptance-executions/${input.executionId}/attachments`,
          form,
        );
      },
      onSettled: refresh,
    }),
  };
}
