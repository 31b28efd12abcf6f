import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BoardItemKind, DecisionOutcome } from '../../../common/board/vocabulary.ts';
import type {
  agendaSchema,
  BoardItemPageDto,
  DecisionDto,
  DecisionLogPageDto,
  MeetingDto,
  meetingListSchema,
  recordDecisionSchema,
  submitRequestSchema,
  updateMeetingSchema,
} from '../../../common/schemas/board.ts';
import { api, withQuery } from './client.ts';
import { useFireTransition } from './queries.ts';

export const DECISIONS_PAGE_SIZE = 20;

/** The decision log's filters as the address bar carries them. */
export interface DecisionSearch {
  q?: string | undefined;
  outcome?: DecisionOutcome | undefined;
  kind?: BoardItemKind | undefined;
  year?: number | undefined;
  page?: number | undefined;
}

export const useAgenda = () =>
  useQuery({
    queryKey: ['board', 'agenda'],
    queryFn: () => api<z.infer<typeof agendaSchema>>('GET', '/api/board/items'),
  });

export const useMeetings = () =>
  useQuery({
    queryKey: ['board', 'meetings'],
    queryFn: () => api<z.infer<typeof meetingListSchema>>('GET', '/api/board/meetings'),
  });

export const useMeeting = (id: string) =>
  useQuery({
    queryKey: ['board', 'meeting', id],
    queryFn: () => api<MeetingDto>('GET', `/api/board/meetings/${id}`),
  });

export const useBoardItem = (id: string) =>
  useQuery({
    queryKey: ['board', 'item', id],
    queryFn: () => api<BoardItemPageDto>('GET', `/api/board/items/${id}`),
  });

export const useDecision = (id: string) =>
  useQuery({
    queryKey: ['board', 'decision', id],
    queryFn: () => api<DecisionDto>('GET', `/api/board/decisions/${id}`),
  });

export function useDecisionLog(search: DecisionSearch) {
  return useQuery({
    queryKey: ['board', 'decisions', search],
    queryFn: () =>
      api<DecisionLogPageDto>(
        'GET',
        withQuery('/api/board/decisions', {
          q: search.q,
          outcome: search.outcome,
          kind: search.kind,
          year: search.year === undefined ? undefined : String(search.year),
          page: search.page,
          pageSize: DECISIONS_PAGE_SIZE,
        }),
      ),
    placeholderData: (previous) => previous,
  });
}

export function useSubmitRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof submitRequestSchema>) =>
      api<BoardItemPageDto>('POST', '/api/board/requests', body),
    onSettled: () => client.invalidateQueries({ queryKey: ['board', 'agenda'] }),
  });
}

export function useCreateMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; meetingOn: string; location?: string }) =>
      api<MeetingDto>('POST', '/api/board/meetings', body),
    onSettled: () => client.invalidateQueries({ queryKey: ['board'] }),
  });
}

/** Every change to a meeting answers the meeting, kept in the cache; the agenda is read again. */
export function useMeetingWrite(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { patch: z.input<typeof updateMeetingSchema> }
        | { schedule: string }
        | { unschedule: string }
        | { decision: z.input<typeof recordDecisionSchema> }
        | { deleteDecision: string },
    ) =>
      'patch' in input
        ? api<MeetingDto>('PATCH', `/api/board/meetings/${id}`, input.patch)
        : 'schedule' in input
          ? api<MeetingDto>('POST', `/api/board/meetings/${id}/agenda`, { itemId: input.schedule })
          : 'unschedule' in input
            ? api<MeetingDto>('DELETE', `/api/board/meetings/${id}/agenda/${input.unschedule}`)
            : 'decision' in input
              ? api<MeetingDto>('POST', `/api/board/meetings/${id}/decisions`, input.decision)
              : api<MeetingDto>('DELETE', `/api/board/decisions/${input.deleteDecision}`),
    onSuccess: (meeting) => client.setQueryData(['board', 'meeting', id], meeting),
    onSettled: () => client.invalidateQueries({ queryKey: ['board', 'agenda'] }),
  });
}

export const useFireMeetingTransition = (id: string) =>
  useFireTransition<MeetingDto>('/api/board/meetings', ['board', 'meeting', id]);
