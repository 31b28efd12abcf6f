import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Action } from '../../../common/permissions.ts';
import type { AuditEventDto, AuditListQuery, AuditVocabularyDto } from '../../../common/schemas/audit.ts';
import type { FireTransitionInput } from '../../../common/schemas/lifecycle.ts';
import type { OrganisationDto, OrganisationListQuery } from '../../../common/schemas/organisation.ts';
import type {
  changePasswordSchema,
  createUserSchema,
  LoginResultDto,
  loginSchema,
  MeDto,
  PublicConfigDto,
  UserDto,
  UserListQuery,
  updateUserSchema,
} from '../../../common/schemas/user.ts';
import { ApiError, api, setCsrfToken, withQuery } from './client.ts';

export interface Page<T> {
  items: T[];
  total: number;
}

export const meKey = ['me'] as const;

/** The signed-in user, or null when there is no live session. */
export const meQuery = queryOptions({
  queryKey: meKey,
  queryFn: async (): Promise<MeDto | null> => {
    try {
      const me = await api<MeDto>('GET', '/api/me');
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 60_000,
});

export const useMe = () => useQuery(meQuery);

export function can(me: MeDto | null | undefined, action: Action) {
  return Boolean(me?.abilities.includes(action));
}

export function usePublicConfig() {
  return useQuery({
    queryKey: ['config'],
    queryFn: () => api<PublicConfigDto>('GET', '/api/config'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof loginSchema>) => api<LoginResultDto>('POST', '/api/auth/login', input),
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      client.clear();
      await client.fetchQuery(meQuery);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(meKey, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: z.input<typeof changePasswordSchema>) => api<void>('POST', '/api/me/password', input),
  });
}

export type OrganisationFilters = Partial<OrganisationListQuery>;

export function useOrganisations(filters: OrganisationFilters) {
  return useQuery({
    queryKey: ['organisations', filters],
    queryFn: () => api<Page<OrganisationDto>>('GET', withQuery('/api/organisations', { ...filters })),
    placeholderData: (previous) => previous,
  });
}

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: ['organisation', id],
    queryFn: () => api<OrganisationDto>('GET', `/api/organisations/${id}`),
  });
}

/** Every office, for choosers (about 180 rows: one request, cached). */
export function useAllOrganisations() {
  return useQuery({
    queryKey: ['organisations', 'all'],
    queryFn: async () => {
      const first = await api<Page<OrganisationDto>>('GET', '/api/organisations?pageSize=200');
      const rest: OrganisationDto[] = [];
      for (let page = 2; (page - 1) * 200 < first.total; page++) {
        rest.push(
          ...(await api<Page<OrganisationDto>>('GET', `/api/organisations?pageSize=200&page=${page}`)).items,
        );
      }
      return [...first.items, ...rest];
    },
    staleTime: 10 * 60_000,
  });
}

export type UserFilters = Partial<UserListQuery>;

export function useUsers(filters: UserFilters, enabled = true) {
  return useQuery({
    queryKey: ['users', filters],
    queryFn: () => api<Page<UserDto>>('GET', withQuery('/api/users', { ...filters })),
    placeholderData: (previous) => previous,
    enabled,
  });
}

/** One account, with its lifecycle (the dates its states were reached) and its transitions. */
export function useUser(id: string) {
  return useQuery({
    queryKey: ['users', 'one', id],
    queryFn: () => api<UserDto>('GET', `/api/users/${id}`),
  });
}

/** Answers an erasure request: the account comes back pseudonymised. */
export function useEraseUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; version: number; confirmation: string }) =>
      api<UserDto>('POST', `/api/users/${input.id}/erasure`, {
        version: input.version,
        confirmation: input.confirmation,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useSaveUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { id?: undefined; body: z.input<typeof createUserSchema> }
        | { id: string; body: z.input<typeof updateUserSchema> },
    ) =>
      input.id === undefined
        ? api<UserDto>('POST', '/api/users', input.body)
        : api<UserDto>('PATCH', `/api/users/${input.id}`, input.body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** Fires a lifecycle transition on a resource (`POST <basePath>/<id>/transitions`); answers the resource. */
export function useFireTransition<Dto>(basePath: string, invalidate: readonly unknown[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: FireTransitionInput }) =>
      api<Dto>('POST', `${basePath}/${input.id}/transitions`, input.body),
    // Refused or not, the resource is read again: a refusal often means it changed meanwhile.
    onSettled: () => client.invalidateQueries({ queryKey: invalidate }),
  });
}

export type AuditFilters = Partial<AuditListQuery>;

export function useAuditEvents(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: () => api<Page<AuditEventDto>>('GET', withQuery('/api/audit-events', { ...filters })),
    placeholderData: (previous) => previous,
  });
}

export function useAuditActions() {
  return useQuery({
    queryKey: ['audit', 'actions'],
    queryFn: () => api<AuditVocabularyDto>('GET', '/api/audit-events/actions'),
  });
}
