import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AttachmentDto } from '../../../common/schemas/application.ts';
import type { FireTransitionInput } from '../../../common/schemas/lifecycle.ts';
import type { OrganisationDto } from '../../../common/schemas/organisation.ts';
import type {
  createProjectSchema,
  ProjectDto,
  ProjectListQuery,
  ProjectPageDto,
} from '../../../common/schemas/project.ts';
import type {
  CommentDto,
  ContributionDto,
  contributionInputSchema,
  OfferDto,
  offerInputSchema,
  SponsorshipDto,
} from '../../../common/schemas/project-collaboration.ts';
import { attachmentForm } from './catalogue.ts';
import { api, withQuery } from './client.ts';
import type { Page } from './queries.ts';

/** The projects list as the address of `/projets` holds it: the filters and the page. */
export type ProjectSearch = Partial<Omit<ProjectListQuery, 'pageSize'>>;
/** The declaration as the form sends it: a track not chosen yet goes as null (the API names it). */
export type ProjectDraft = Omit<z.input<typeof createProjectSchema>, 'track' | 'domainCode'> & {
  track: z.input<typeof createProjectSchema>['track'] | null;
  domainCode: string | null;
};

export const PROJECTS_PAGE_SIZE = 20;

export function useProjects(search: ProjectSearch) {
  return useQuery({
    queryKey: ['projects', search],
    queryFn: () =>
      api<ProjectPageDto>('GET', withQuery('/api/projects', { ...search, pageSize: PROJECTS_PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: ['project', id],
    queryFn: () => api<ProjectDto>('GET', `/api/projects/${id}`),
  });
}

/** The national directorates of the Cnam, which a holder may ask for sponsorship. */
export function useDirectorates() {
  return useQuery({
    queryKey: ['organisations', 'national'],
    queryFn: async () =>
      (await api<Page<OrganisationDto>>('GET', '/api/organisations?type=national&pageSize=100')).items,
    staleTime: 10 * 60_000,
  });
}

/**
 * A write about a project: the project, the lists and the sponsor's queue are read again afterwards,
 * refused or not (a refusal often means the project changed meanwhile).
 */
function useProjectMutation<I, O>(mutationFn: (input: I) => Promise<O>, projectId: (input: I) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: (_result, _error, input) =>
      Promise.all(
        [['project', projectId(input)], ['projects'], ['sponsorships']].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export function useCreateProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectDraft) => api<ProjectDto>('POST', '/api/projects', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['projects'] }),
  });
}

/** The edit page's PATCH: the fields of the form, and the version the form was opened at. */
export const useUpdateProject = () =>
  useProjectMutation(
    (input: { id: string; body: Omit<ProjectDraft, 'notDuplicateOf'> & { version: number } }) =>
      api<ProjectDto>('PATCH', `/api/projects/${input.id}`, input.body),
    (input) => input.id,
  );

export const useFireProjectTransition = () =>
  useProjectMutation(
    (input: { id: string; body: FireTransitionInput }) =>
      api<ProjectDto>('POST', `/api/projects/${input.id}/transitions`, input.body),
    (input) => input.id,
  );

export const useRequestSponsorship = () =>
  useProjectMutation(
    (input: { id: string; body: { directorateId: string | null; pitch: string } }) =>
      api<SponsorshipDto>('POST', `/api/projects/${input.id}/sponsorship-requests`, input.body),
    (input) => input.id,
  );

export const useDecideSponsorship = () =>
  useProjectMutation(
    (input: { sponsorship: SponsorshipDto; decision: 'accepted' | 'declined'; rationale: string }) =>
      api<SponsorshipDto>('POST', `/api/sponsorship-requests/${input.sponsorship.id}/decision`, {
        decision: input.decision,
        rationale: input.rationale,
        version: input.sponsorship.version,
      }),
    (input) => input.sponsorship.projectId,
  );

/** The holder withdraws its request, or the directorate its sponsorship: an accepted one closes the guard again. */
export const useWithdrawSponsorship = () =>
  useProjectMutation(
    (input: { sponsorship: SponsorshipDto; rationale: string }) =>
      api<SponsorshipDto>('POST', `/api/sponsorship-requests/${input.sponsorship.id}/withdrawal`, {
        version: input.sponsorship.version,
        ...(input.rationale.trim() ? { rationale: input.rationale } : {}),
      }),
    (input) => input.sponsorship.projectId,
  );

/** The sponsor's queue: the requests to the caller's directorate, pending by default, the oldest first. */
export function useSponsorshipQueue(state?: SponsorshipDto['state']) {
  return useQuery({
    queryKey: ['sponsorships', state ?? 'pending'],
    queryFn: () => api<{ items: SponsorshipDto[] }>('GET', withQuery('/api/sponsorship-requests', { state })),
  });
}

/** An offer as the form sends it: the effort may be left empty. */
export type OfferDraft = Omit<z.input<typeof offerInputSchema>, 'kind'> & {
  kind: z.input<typeof offerInputSchema>['kind'] | null;
};

export const useMakeOffer = () =>
  useProjectMutation(
    (input: { id: string; body: OfferDraft }) =>
      api<OfferDto>('POST', `/api/projects/${input.id}/offers`, input.body),
    (input) => input.id,
  );

export const useDecideOffer = () =>
  useProjectMutation(
    (input: { offer: OfferDto; decision: 'accepted' | 'declined'; rationale: string }) =>
      api<OfferDto>('POST', `/api/offers/${input.offer.id}/decision`, {
        decision: input.decision,
        version: input.offer.version,
        ...(input.rationale ? { rationale: input.rationale } : {}),
      }),
    (input) => input.offer.projectId,
  );

export type ContributionDraft = Omit<
  z.input<typeof contributionInputSchema>,
  'organisationId' | 'sharePercent'
> & {
  organisationId: string | null;
  sharePercent: number | null;
};

export const useRecordContribution = () =>
  useProjectMutation(
    (input: { id: string; body: ContributionDraft }) =>
      api<{ items: ContributionDto[] }>('POST', `/api/projects/${input.id}/contributions`, input.body),
    (input) => input.id,
  );

export const useFollow = () =>
  useProjectMutation(
    (input: { id: string; following: boolean }) =>
      api<void>(input.following ? 'POST' : 'DELETE', `/api/projects/${input.id}/followers`),
    (input) => input.id,
  );

export function useComments(projectId: string) {
  return useQuery({
    queryKey: ['project', projectId, 'comments'],
    queryFn: () => api<{ items: CommentDto[] }>('GET', `/api/projects/${projectId}/comments`),
  });
}

/** Adds, edits or deletes a comment; the thread the API answers replaces the one shown. */
export function useCommentMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { projectId: string; commentId?: string; body?: string }) => {
      const base = `/api/projects/${input.projectId}/comments`;
      if (!input.commentId) return api<{ items: CommentDto[] }>('POST', base, { body: input.body ?? '' });
      const path = `${base}/${input.commentId}`;
      return input.body === undefined
        ? api<{ items: CommentDto[] }>('DELETE', path)
        : api<{ items: CommentDto[] }>('PATCH', path, { body: input.body });
    },
    onSuccess: (thread, input) => client.setQueryData(['project', input.projectId, 'comments'], thread),
  });
}

/** The screenshots and documents of a project (read again with the project after a write). */
export function useProjectAttachments(projectId: string) {
  return useQuery({
    queryKey: ['project', projectId, 'attachments'],
    queryFn: () => api<{ items: AttachmentDto[] }>('GET', `/api/projects/${projectId}/attachments`),
  });
}

export const projectAttachmentUrl = (projectId: string, attachmentId: string) =>
  `/api/projects/${projectId}/attachments/${attachmentId}`;

export const useUploadProjectAttachment = () =>
  useProjectMutation(
    (input: { id: string; kind: AttachmentDto['kind']; file: File }) =>
      api<AttachmentDto>('POST', `/api/projects/${input.id}/attachments`, attachmentForm(input)),
    (input) => input.id,
  );

export const useDeleteProjectAttachment = () =>
  useProjectMutation(
    (input: { id: string; attachmentId: string }) =>
      api<void>('DELETE', projectAttachmentUrl(input.id, input.attachmentId)),
    (input) => input.id,
  );
