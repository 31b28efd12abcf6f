import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CallScope, CallState } from '../../../common/calls/vocabulary.ts';
import type { AttachmentDto } from '../../../common/schemas/application.ts';
import type {
  CallDto,
  CallPageDto,
  createCallSchema,
  updateCallSchema,
} from '../../../common/schemas/calls.ts';
import { attachmentForm } from './catalogue.ts';
import { api, withQuery } from './client.ts';
import { useFireTransition } from './queries.ts';

export const CALLS_PAGE_SIZE = 20;

/** The list's filters as the address bar carries them. */
export interface CallSearch {
  q?: string | undefined;
  state?: CallState | undefined;
  scope?: CallScope | undefined;
  forMyOffice?: 'true' | undefined;
  page?: number | undefined;
}

export function useCalls(search: CallSearch) {
  return useQuery({
    queryKey: ['calls', search],
    queryFn: () =>
      api<CallPageDto>(
        'GET',
        withQuery('/api/calls', {
          q: search.q,
          state: search.state,
          scope: search.scope,
          forMyOffice: search.forMyOffice,
          page: search.page,
          pageSize: CALLS_PAGE_SIZE,
        }),
      ),
    placeholderData: (previous) => previous,
  });
}

export function useCall(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['call', id],
    queryFn: () => api<CallDto>('GET', `/api/calls/${id}`),
    enabled: options.enabled ?? true,
  });
}

export function useSaveCall() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { id?: undefined; body: z.input<typeof createCallSchema> }
        | { id: string; body: z.input<typeof updateCallSchema> },
    ) =>
      input.id === undefined
        ? api<CallDto>('POST', '/api/calls', input.body)
        : api<CallDto>('PATCH', `/api/calls/${input.id}`, input.body),
    onSuccess: (call) => client.setQueryData(['call', call.id], call),
    onSettled: () => client.invalidateQueries({ queryKey: ['calls'] }),
  });
}

/** A question asked or answered: the API answers the call, kept in the cache. */
export function useCallQuestion(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { question: string } | { questionId: string; version: number; answer: string }) =>
      'question' in input
        ? api<CallDto>('POST', `/api/calls/${id}/questions`, input)
        : api<CallDto>('PUT', `/api/calls/${id}/questions/${input.questionId}/answer`, {
            version: input.version,
            answer: input.answer,
          }),
    onSuccess: (call) => client.setQueryData(['call', id], call),
  });
}

export const useFireCallTransition = (id: string) => useFireTransition<CallDto>('/api/calls', ['call', id]);

export const callAttachmentUrl = (callId: string, attachmentId: string) =>
  `/api/calls/${callId}/attachments/${attachmentId}`;

export function useCallAttachments(callId: string) {
  return useQuery({
    queryKey: ['call', callId, 'attachments'],
    queryFn: () => api<{ items: AttachmentDto[] }>('GET', `/api/calls/${callId}/attachments`),
  });
}

/** Adds or removes a document of the call; its list is read again either way. */
export function useCallAttachmentWrite(callId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      input: { kind: AttachmentDto['kind']; file: File } | { attachmentId: string },
    ): Promise<AttachmentDto | undefined> =>
      'attachmentId' in input
        ? api<undefined>('DELETE', callAttachmentUrl(callId, input.attachmentId))
        : api<AttachmentDto>('POST', `/api/calls/${callId}/attachments`, attachmentForm(input)),
    onSettled: () => client.invalidateQueries({ queryKey: ['call', callId, 'attachments'] }),
  });
}
