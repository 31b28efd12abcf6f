import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MatchmakingDto, MatchmakingQuery } from '../../../common/schemas/matchmaking.ts';
import type { CapacityDto, capacityInputSchema } from '../../../common/schemas/project-collaboration.ts';
import { api, withQuery } from './client.ts';

/** « Besoins et forces »: needs without developers, available capacity and the suggested matches. */
export function useMatchmaking(filters: MatchmakingQuery) {
  return useQuery({
    queryKey: ['matchmaking', filters],
    queryFn: () => api<MatchmakingDto>('GET', withQuery('/api/matchmaking', filters)),
    placeholderData: keepPreviousData,
  });
}

/** The capacity as the form sends it: the person-days may still be empty (the API names the field). */
export type CapacityDraft = Omit<z.input<typeof capacityInputSchema>, 'personDays'> & {
  personDays: number | null;
};

/** Declares (or replaces) the caller's office capacity for a quarter; the lists are read again. */
export function useDeclareCapacity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CapacityDraft) => api<CapacityDto>('POST', '/api/capacities', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['matchmaking'] }),
  });
}
