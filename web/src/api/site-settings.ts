import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SiteSettingsBody, SiteSettingsDto } from '../../../common/legal/site-settings.ts';
import { api } from './client.ts';

const KEY = ['site-settings'];

/** The publisher, host and personal data contacts: read by anyone, signed in or not. */
export function useSiteSettings() {
  return useQuery({ queryKey: KEY, queryFn: () => api<SiteSettingsDto>('GET', '/api/site-settings') });
}

/** An administrator saves every field with the version read; the pages read the new values. */
export function useSaveSiteSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SiteSettingsBody) => api<SiteSettingsDto>('PUT', '/api/site-settings', body),
    onSuccess: (saved) => client.setQueryData(KEY, saved),
  });
}
