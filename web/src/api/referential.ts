import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReferentialCategory } from '../../../common/referential/vocabulary.ts';
import type {
  ProposalDto,
  ProposeChangeInput,
  ProposePageInput,
  ReferentialDiffDto,
  ReferentialListDto,
  ReferentialPageDto,
  VoteInput,
} from '../../../common/schemas/referential.ts';
import { api } from './client.ts';
import { useFireTransition } from './queries.ts';

export interface ReferentialSearch {
  q?: string;
  category?: ReferentialCategory;
}

export function useReferentialPages(search: ReferentialSearch) {
  const query = new URLSearchParams(
    Object.entries(search).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  return useQuery({
    queryKey: ['referential', 'pages', search],
    queryFn: () => api<ReferentialListDto>('GET', `/api/referential/pages${query ? `?${query}` : ''}`),
    placeholderData: keepPreviousData,
  });
}

export function useReferentialPage(slug: string) {
  return useQuery({
    queryKey: ['referential', 'page', slug],
    queryFn: () => api<ReferentialPageDto>('GET', `/api/referential/pages/${slug}`),
  });
}

export function useReferentialDiff(slug: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: ['referential', 'diff', slug, from, to],
    queryFn: () =>
      api<ReferentialDiffDto>('GET', `/api/referential/pages/${slug}/diff?from=${from}&to=${to}`),
    enabled: from !== null && to !== null,
  });
}

export function useProposal(id: string) {
  return useQuery({
    queryKey: ['referential', 'proposal', id],
    queryFn: () => api<ProposalDto>('GET', `/api/referential/proposals/${id}`),
  });
}

export function useProposeChange(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposeChangeInput) =>
      api<ProposalDto>('POST', `/api/referential/pages/${slug}/proposals`, body),
    onSettled: () => client.invalidateQueries({ queryKey: ['referential'] }),
  });
}

export function useProposePage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposePageInput) => api<ProposalDto>('POST', '/api/referential/proposals', body),
    onSettled: () => client.invalidateQueries({ queryKey: ['referential'] }),
  });
}

export function useVote(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: VoteInput) => api<ProposalDto>('PUT', `/api/referential/proposals/${id}/vote`, body),
    onSuccess: (proposal) => client.setQueryData(['referential', 'proposal', id], proposal),
  });
}

export const useFireProposalTransition = () =>
  useFireTransition<ProposalDto>('/api/referential/proposals', ['referential']);
