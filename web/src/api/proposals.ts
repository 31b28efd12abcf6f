import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApplicationPageDto } from '../../../common/schemas/application-search.ts';
import type {
  ComparisonDto,
  createProposalSchema,
  NameEvaluatorsInput,
  ProposalDto,
  ProposalListDto,
  ScoresInput,
  SelectionInput,
  updateProposalSchema,
} from '../../../common/schemas/proposals.ts';
import { api, withQuery } from './client.ts';
import { useFireTransition } from './queries.ts';

/** The proposals of a call the caller may see, and what the caller may do on them. */
export function useCallProposals(callId: string) {
  return useQuery({
    queryKey: ['call', callId, 'proposals'],
    queryFn: () => api<ProposalListDto>('GET', `/api/calls/${callId}/proposals`),
  });
}

export function useProposal(id: string) {
  return useQuery({
    queryKey: ['proposal', id],
    queryFn: () => api<ProposalDto>('GET', `/api/proposals/${id}`),
  });
}

/** Drafts a proposal on a call, or edits a draft at the version read. */
export function useSaveProposal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { callId: string; id?: undefined; body: z.input<typeof createProposalSchema> }
        | { callId: string; id: string; body: z.input<typeof updateProposalSchema> },
    ) =>
      input.id === undefined
        ? api<ProposalDto>('POST', `/api/calls/${input.callId}/proposals`, input.body)
        : api<ProposalDto>('PATCH', `/api/proposals/${input.id}`, input.body),
    onSuccess: (proposal) => client.setQueryData(['proposal', proposal.id], proposal),
    onSettled: (_data, _error, input) =>
      client.invalidateQueries({ queryKey: ['call', input.callId, 'proposals'] }),
  });
}

export const useFireProposalTransition = (id: string) =>
  useFireTransition<ProposalDto>('/api/proposals', ['proposal', id]);

/** The director of a partner office confirms its participation. */
export function useConfirmPartner(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (organisationId: string) =>
      api<ProposalDto>('POST', `/api/proposals/${id}/partners/${organisationId}/confirmation`),
    onSuccess: (proposal) => client.setQueryData(['proposal', id], proposal),
  });
}

/** The comparison table of a call (its issuer and evaluators). */
export function useComparison(callId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['call', callId, 'evaluation'],
    queryFn: () => api<ComparisonDto>('GET', `/api/calls/${callId}/evaluation`),
    enabled,
  });
}

export const comparisonXlsxUrl = (callId: string) => `/api/calls/${callId}/evaluation.xlsx`;

/** A write on a call's evaluation that answers the comparison: naming the evaluators, proposing the selection. */
export function useEvaluationWrite(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      input: { evaluators: NameEvaluatorsInput } | { selection: SelectionInput },
    ): Promise<ComparisonDto> =>
      'evaluators' in input
        ? api<ComparisonDto>('PUT', `/api/calls/${callId}/evaluators`, input.evaluators)
        : api<ComparisonDto>('POST', `/api/calls/${callId}/selection`, input.selection),
    onSuccess: (comparison) => client.setQueryData(['call', callId, 'evaluation'], comparison),
    // The call's version moved: its page and its proposals are read again.
    onSettled: () => client.invalidateQueries({ queryKey: ['call', callId] }),
  });
}

/** An evaluator's scores of one proposal; the comparison is read again. */
export function useScoreProposal(proposalId: string, callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ScoresInput) => api<ProposalDto>('PUT', `/api/proposals/${proposalId}/scores`, body),
    onSuccess: (proposal) => client.setQueryData(['proposal', proposalId], proposal),
    onSettled: () => client.invalidateQueries({ queryKey: ['call', callId, 'evaluation'] }),
  });
}

/** Catalogue applications by name or code, for the reuse of a proposal; nothing is asked before two letters. */
export function useApplicationSearch(typed: string) {
  const enabled = typed.length >= 2;
  const query = useQuery({
    queryKey: ['applications', 'pick', typed],
    queryFn: () => api<ApplicationPageDto>('GET', withQuery('/api/applications', { q: typed, pageSize: 10 })),
    enabled,
    placeholderData: keepPreviousData,
  });
  return enabled ? query : { ...query, data: undefined };
}
