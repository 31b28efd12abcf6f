import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CoverageDto,
  DeveloperDirectoryDto,
  DeveloperProfileDto,
  ReferentApplicationDto,
  ReferentApplicationSummaryDto,
  SubmitReferentApplicationInput,
  UpdateDeveloperProfileInput,
} from '../../../common/schemas/community.ts';
import type {
  CreateSessionInput,
  RegistrationDto,
  SessionDto,
  SessionSummaryDto,
} from '../../../common/schemas/training.ts';
import { api, withQuery } from './client.ts';
import { useFireTransition } from './queries.ts';

/** The directory's filters as the page's URL holds them. */
export interface DirectorySearch {
  q?: string | undefined;
  region?: string | undefined;
  technology?: string | undefined;
  skill?: string | undefined;
  trained?: 'true' | 'false' | undefined;
  available?: 'true' | undefined;
  page?: number | undefined;
}

export const DIRECTORY_PAGE_SIZE = 20;

export function useDirectory(search: DirectorySearch) {
  return useQuery({
    queryKey: ['developers', search],
    queryFn: () =>
      api<DeveloperDirectoryDto>(
        'GET',
        withQuery('/api/developers', { ...search, pageSize: DIRECTORY_PAGE_SIZE }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useDeveloper(id: string) {
  return useQuery({
    queryKey: ['developer', id],
    queryFn: () => api<DeveloperProfileDto>('GET', `/api/developers/${id}`),
  });
}

export function useSaveDeveloperProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateDeveloperProfileInput) =>
      api<DeveloperProfileDto>('PUT', '/api/me/developer-profile', body),
    onSuccess: (profile) => {
      client.setQueryData(['developer', profile.id], profile);
      void client.invalidateQueries({ queryKey: ['developers'] });
    },
  });
}

export function useCoverage() {
  return useQuery({
    queryKey: ['referents', 'coverage'],
    queryFn: () => api<CoverageDto>('GET', '/api/referents/coverage'),
  });
}

export function useReferentApplications() {
  return useQuery({
    queryKey: ['referents', 'applications'],
    queryFn: () => api<{ items: ReferentApplicationSummaryDto[] }>('GET', '/api/referent-applications'),
  });
}

export function useReferentApplication(id: string) {
  return useQuery({
    queryKey: ['referents', 'application', id],
    queryFn: () => api<ReferentApplicationDto>('GET', `/api/referent-applications/${id}`),
  });
}

export function useSubmitReferentApplication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitReferentApplicationInput) =>
      api<ReferentApplicationDto>('POST', '/api/referent-applications', body),
    onSettled: () => client.invalidateQueries({ queryKey: ['referents'] }),
  });
}

export const useFireReferentApplicationTransition = () =>
  useFireTransition<ReferentApplicationDto>('/api/referent-applications', ['referents']);

export function useTrainingSessions() {
  return useQuery({
    queryKey: ['training', 'sessions'],
    queryFn: () => api<{ items: SessionSummaryDto[] }>('GET', '/api/training-sessions'),
  });
}

export function useTrainingSession(id: string) {
  return useQuery({
    queryKey: ['training', 'session', id],
    queryFn: () => api<SessionDto>('GET', `/api/training-sessions/${id}`),
  });
}

export function useTrainingDemand(enabled: boolean) {
  return useQuery({
    queryKey: ['training', 'demand'],
    queryFn: () =>
      api<{ regions: { region: string; requests: RegistrationDto[] }[] }>('GET', '/api/training-demand'),
    enabled,
  });
}

/** A request for a place, or an action on a registration: the session is read again. */
export function useTrainingWrite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { path: string; body: unknown }) =>
      api<RegistrationDto>('POST', input.path, input.body),
    onSettled: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

export const useFireSessionTransition = () =>
  useFireTransition<SessionDto>('/api/training-sessions', ['training']);

/** A referent publishes a session; the list is read again. */
export function usePublishSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSessionInput) => api<SessionDto>('POST', '/api/training-sessions', body),
    onSuccess: (session) => {
      client.setQueryData(['training', 'session', session.id], session);
      void client.invalidateQueries({ queryKey: ['training', 'sessions'] });
    },
  });
}
