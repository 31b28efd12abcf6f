import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AgreementState } from '../../../common/compensation/vocabulary.ts';
import type {
  AgreementDto,
  AgreementSummaryDto,
  createAgreementSchema,
} from '../../../common/schemas/agreements.ts';
import type { EffortYearDto, recordEffortSchema } from '../../../common/schemas/effort.ts';
import { api, withQuery } from './client.ts';
import { useFireTransition } from './queries.ts';

/** Effort records and compensation agreements. */

export function useEffortYear(year: number, organisationId?: string) {
  return useQuery({
    queryKey: ['effort', year, organisationId ?? 'mine'],
    queryFn: () => api<EffortYearDto>('GET', withQuery('/api/effort', { year, organisationId })),
    placeholderData: (previous) => previous,
  });
}

/** Every write answers the year it touched; the cache keeps it. */
export function useEffortWrite() {
  const client = useQueryClient();
  const done = (year: EffortYearDto) => client.invalidateQueries({ queryKey: ['effort', year.year] });
  return {
    record: useMutation({
      mutationFn: (body: z.input<typeof recordEffortSchema>) =>
        api<EffortYearDto>('POST', '/api/effort', body),
      onSuccess: done,
    }),
    correct: useMutation({
      mutationFn: (input: { id: string; personDays: number; reason: string }) =>
        api<EffortYearDto>('POST', `/api/effort/${input.id}/corrections`, {
          personDays: input.personDays,
          reason: input.reason,
        }),
      onSuccess: done,
    }),
    confirm: useMutation({
      mutationFn: (month: string) => api<EffortYearDto>('POST', '/api/effort/confirmations', { month }),
      onSuccess: done,
    }),
    upload: useMutation({
      mutationFn: (file: File) => {
        const form = new FormData();
        form.append('file', file);
        return api<EffortYearDto>('POST', '/api/effort/import', form);
      },
      onSuccess: done,
    }),
  };
}

/** The applications an office designed, to record effort against. */
export function useOfficeApplications(officeCode: string | undefined) {
  return useQuery({
    queryKey: ['office-applications', officeCode],
    enabled: !!officeCode,
    queryFn: () =>
      api<{ items: { id: string; code: string; name: string }[] }>(
        'GET',
        withQuery('/api/applications', { organisation: officeCode, pageSize: 100, sort: 'name' }),
      ),
  });
}

export function useAgreements(state?: AgreementState) {
  return useQuery({
    queryKey: ['agreements', state ?? 'all'],
    queryFn: () => api<{ items: AgreementSummaryDto[] }>('GET', withQuery('/api/agreements', { state })),
  });
}

export function useAgreement(id: string) {
  return useQuery({
    queryKey: ['agreement', id],
    queryFn: () => api<AgreementDto>('GET', `/api/agreements/${id}`),
  });
}

export function useAgreementWrite(id?: string) {
  const client = useQueryClient();
  const keep = (agreement: AgreementDto) => {
    client.setQueryData(['agreement', agreement.id], agreement);
    void client.invalidateQueries({ queryKey: ['agreements'] });
  };
  return {
    create: useMutation({
      mutationFn: (body: z.input<typeof createAgreementSchema>) =>
        api<AgreementDto>('POST', '/api/agreements', body),
      onSuccess: keep,
    }),
    proposeText: useMutation({
      mutationFn: (body: string) => api<AgreementDto>('POST', `/api/agreements/${id}/texts`, { body }),
      onSuccess: keep,
    }),
    comment: useMutation({
      mutationFn: (input: { textNumber: number; body: string }) =>
        api<AgreementDto>('POST', `/api/agreements/${id}/comments`, input),
      onSuccess: keep,
    }),
    amend: useMutation({
      mutationFn: () => api<AgreementDto>('POST', `/api/agreements/${id}/amendments`),
      onSuccess: keep,
    }),
  };
}

export const useFireAgreementTransition = (id: string) =>
  useFireTransition<AgreementDto>('/api/agreements', ['agreement', id]);
