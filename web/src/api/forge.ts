import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BuildHealthPanelDto,
  createForgeProjectSchema,
  ForgeActivityPanelDto,
  ForgeCreationDto,
  ForgeProjectCreatedDto,
  IntegrationStatusDto,
} from '../../../common/schemas/forge.ts';
import { api } from './client.ts';

export type ForgeSubject = { kind: 'application' | 'project'; id: string };
export type CreateForgeProjectBody = z.input<typeof createForgeProjectSchema>;

const base = (subject: ForgeSubject) =>
  `/api/${subject.kind === 'application' ? 'applications' : 'projects'}/${subject.id}`;

/** A sheet's or a project's activity on the forge, as the portal last fetched it. */
export function useForgeActivity(subject: ForgeSubject) {
  return useQuery({
    queryKey: ['forge-activity', subject.kind, subject.id],
    queryFn: () => api<ForgeActivityPanelDto>('GET', `${base(subject)}/forge-activity`),
    staleTime: 60_000,
  });
}

/** Whether the caller may create the project's GitLab project, and in which group. */
export function useForgeCreation(projectId: string) {
  return useQuery({
    queryKey: ['forge-creation', projectId],
    queryFn: () => api<ForgeCreationDto>('GET', `/api/projects/${projectId}/forge-project`),
  });
}

export function useCreateForgeProject(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateForgeProjectBody) =>
      api<ForgeProjectCreatedDto>('POST', `/api/projects/${projectId}/forge-project`, body),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['project', projectId] }),
        client.invalidateQueries({ queryKey: ['forge-creation', projectId] }),
        client.invalidateQueries({ queryKey: ['forge-activity', 'project', projectId] }),
      ]),
  });
}

export function useIntegrationStatus() {
  return useQuery({
    queryKey: ['integrations'],
    queryFn: () => api<IntegrationStatusDto>('GET', '/api/admin/integrations'),
  });
}

/** A sheet's build health on the software factory, as last fetched. */
export function useBuildHealth(applicationId: string) {
  return useQuery({
    queryKey: ['builds', applicationId],
    queryFn: () => api<BuildHealthPanelDto>('GET', `/api/applications/${applicationId}/builds`),
    staleTime: 60_000,
  });
}
