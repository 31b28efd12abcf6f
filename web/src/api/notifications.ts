import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EmailCadence, EventKind, FollowTarget } from '../../../common/notifications.ts';
import type { JobListDto, JobState } from '../../../common/schemas/jobs.ts';
import type {
  FollowDto,
  MentionSuggestionDto,
  NotificationPageDto,
  NotificationPreferencesDto,
} from '../../../common/schemas/notifications.ts';
import { api, withQuery } from './client.ts';

export interface NotificationFilter {
  unread?: boolean | undefined;
  kind?: EventKind | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const NOTIFICATIONS = ['notifications'] as const;

export function useNotifications(filter: NotificationFilter) {
  return useQuery({
    queryKey: [...NOTIFICATIONS, filter],
    queryFn: () => api<NotificationPageDto>('GET', withQuery('/api/notifications', { ...filter })),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) =>
      api<{ unread: number }>('POST', '/api/notifications/read', body),
    onSuccess: () => client.invalidateQueries({ queryKey: NOTIFICATIONS }),
  });
}

/**
 * Keeps the notifications up to date while a page is open: the server's stream (Server-Sent Events)
 * says when something new arrives; the lists are then read again. The browser reconnects by itself
 * after a drop, and the lists are read again then too (what arrived meanwhile).
 */
export function useNotificationStream(enabled: boolean) {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/notifications/stream');
    const refresh = () => void client.invalidateQueries({ queryKey: NOTIFICATIONS });
    source.addEventListener('unread', refresh);
    source.addEventListener('notification', refresh);
    return () => source.close();
  }, [enabled, client]);
}

const PREFERENCES = ['notification-preferences'] as const;

export function useNotificationPreferences() {
  return useQuery({
    queryKey: PREFERENCES,
    queryFn: () => api<NotificationPreferencesDto>('GET', '/api/me/notification-preferences'),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: { kind: EventKind; cadence: EmailCadence }[]) =>
      api<NotificationPreferencesDto>('PUT', '/api/me/notification-preferences', { items }),
    onSuccess: (data) => client.setQueryData(PREFERENCES, data),
  });
}

const FOLLOWS = ['follows'] as const;

export function useMyFollows() {
  return useQuery({
    queryKey: FOLLOWS,
    queryFn: () => api<{ items: FollowDto[] }>('GET', '/api/me/follows'),
  });
}

/** Follow or unfollow, mute or unmute a thread. */
export function useChangeFollow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      what: 'follows' | 'mutes';
      on: boolean;
      targetType: FollowTarget;
      targetId: string;
    }) =>
      api<void>(input.on ? 'POST' : 'DELETE', `/api/${input.what}`, {
        targetType: input.targetType,
        targetId: input.targetId,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: FOLLOWS }),
  });
}

const JOBS = ['admin-jobs'] as const;

export function useJobs(filter: { state?: JobState | undefined; page: number }) {
  return useQuery({
    queryKey: [...JOBS, filter],
    queryFn: () => api<JobListDto>('GET', withQuery('/api/admin/jobs', { ...filter, pageSize: 50 })),
    placeholderData: keepPreviousData,
  });
}

export function useRetryJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api('POST', `/api/admin/jobs/${id}/retry`),
    onSuccess: () => client.invalidateQueries({ queryKey: JOBS }),
  });
}

/** Whom `@` and these letters may name (null: no mention being typed). */
export function useMentionSuggestions(typed: string | null) {
  return useQuery({
    queryKey: ['mention-suggestions', typed],
    queryFn: () =>
      api<{ items: MentionSuggestionDto[] }>('GET', withQuery('/api/people/mentions', { q: typed })),
    enabled: typed !== null,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}
