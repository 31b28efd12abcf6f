import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ApplicationDto,
  AttachmentDto,
  BusinessDomainDto,
  createApplicationSchema,
  ImportResultDto,
  ReplacementBody,
  ReplacementDto,
  updateApplicationSchema,
} from '../../../common/schemas/application.ts';
import type { ApplicationListQuery, ApplicationPageDto } from '../../../common/schemas/application-search.ts';
import type { FireTransitionInput } from '../../../common/schemas/lifecycle.ts';
import type { UsageDto, UsageMapDto, usageInputSchema } from '../../../common/schemas/usage.ts';
import { api, withQuery } from './client.ts';

/** The catalogue's search, as the URL of the catalogue page holds it: the list's filters and the page. */
export type CatalogueSearch = Partial<Omit<ApplicationListQuery, 'pageSize'>>;

/** Required choices the form may still leave empty: it sends null and shows the API's message under the field. */
type Choices = 'track' | 'lifecycleStage' | 'hosting';
type CreateApplicationBody = z.input<typeof createApplicationSchema>;
type UpdateApplicationBody = z.input<typeof updateApplicationSchema>;
export type ApplicationDraft = Omit<CreateApplicationBody, Choices> & {
  [K in Choices]: CreateApplicationBody[K] | null;
};
export type ApplicationChanges = Omit<UpdateApplicationBody, Choices> & {
  [K in Choices]?: UpdateApplicationBody[K] | null;
};

export const PAGE_SIZE = 20;

export function useApplications(search: CatalogueSearch) {
  return useQuery({
    queryKey: ['applications', search],
    queryFn: () =>
      api<ApplicationPageDto>('GET', withQuery('/api/applications', { ...search, pageSize: PAGE_SIZE })),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: ['application', id],
    queryFn: () => api<ApplicationDto>('GET', `/api/applications/${id}`),
  });
}

export function useBusinessDomains() {
  return useQuery({
    queryKey: ['business-domains'],
    queryFn: () => api<BusinessDomainDto[]>('GET', '/api/business-domains'),
    staleTime: 10 * 60_000,
  });
}

function useCatalogueMutation<I, O>(
  mutationFn: (input: I) => Promise<O>,
  applicationId?: (input: I) => string,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (_result, input) => {
      await client.invalidateQueries({ queryKey: ['applications'] });
      await client.invalidateQueries({ queryKey: ['usage-map'] });
      if (applicationId) {
        await client.invalidateQueries({ queryKey: ['application', applicationId(input)] });
        await client.invalidateQueries({ queryKey: ['usages', applicationId(input)] });
      }
    },
  });
}

export const useSaveApplication = () =>
  useCatalogueMutation(
    (input: { id?: undefined; body: ApplicationDraft } | { id: string; body: ApplicationChanges }) =>
      input.id === undefined
        ? api<ApplicationDto>('POST', '/api/applications', input.body)
        : api<ApplicationDto>('PATCH', `/api/applications/${input.id}`, input.body),
    (input) => input.id ?? '',
  );

/**
 * Fires a transition of a sheet's lifecycles (archive, restore, certification). Refused or not, the
 * sheet, the lists and the map are read again: a refusal often means the sheet changed meanwhile.
 */
export function useFireApplicationTransition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: FireTransitionInput }) =>
      api<ApplicationDto>('POST', `/api/applications/${input.id}/transitions`, input.body),
    onSettled: (_result, _error, input) =>
      Promise.all(
        [['application', input.id], ['applications'], ['usage-map']].map((queryKey) =>
          client.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

/**
 * Retires a sheet in favour of a shared application. Both sheets are read again, refused or not: the
 * retired one shows its replacement, the shared one the sheets it replaced (a 409 means the sheet changed).
 */
export function useRetireInFavour() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: ReplacementBody }) =>
      api<ReplacementDto>('PUT', `/api/applications/${input.id}/replacement`, input.body),
    // Not awaited: the sheet read again no longer offers the form, whose own callbacks must run first.
    onSettled: (_result, _error, input) => {
      for (const queryKey of [
        ['application', input.id],
        ['application', input.body.replacedById],
        ['applications'],
        ['usage-map'],
      ])
        void client.invalidateQueries({ queryKey });
    },
  });
}

export function useUsages(id: string) {
  return useQuery({
    queryKey: ['usages', id],
    queryFn: () => api<UsageDto[]>('GET', `/api/applications/${id}/usages`),
  });
}

/** A declaration as the form sends it: the number of users may still be empty (the API names it). */
export type UsageDraft = Omit<z.input<typeof usageInputSchema>, 'userCount'> & { userCount: number | null };

export const useDeclareUsage = () =>
  useCatalogueMutation(
    (input: { id: string; body: UsageDraft }) =>
      api<void>('POST', `/api/applications/${input.id}/usages`, input.body),
    (input) => input.id,
  );

export const useWithdrawUsage = () =>
  useCatalogueMutation(
    (input: { id: string }) => api<void>('DELETE', `/api/applications/${input.id}/usages`),
    (input) => input.id,
  );

/** The multipart body of an upload; the kind comes first: the server reads the fields that precede the file. */
export function attachmentForm(input: { kind: AttachmentDto['kind']; file: File }) {
  const form = new FormData();
  form.append('kind', input.kind);
  form.append('file', input.file);
  return form;
}

export const useUploadAttachment = () =>
  useCatalogueMutation(
    (input: { id: string; kind: AttachmentDto['kind']; file: File }) =>
      api<AttachmentDto>('POST', `/api/applications/${input.id}/attachments`, attachmentForm(input)),
    (input) => input.id,
  );

export const useDeleteAttachment = () =>
  useCatalogueMutation(
    (input: { id: string; attachmentId: string }) =>
      api<void>('DELETE', `/api/applications/${input.id}/attachments/${input.attachmentId}`),
    (input) => input.id,
  );

export function useUsageMap() {
  return useQuery({ queryKey: ['usage-map'], queryFn: () => api<UsageMapDto>('GET', '/api/usage-map') });
}

export type ImportResult = ImportResultDto;

export const useImportApplications = () =>
  useCatalogueMutation((input: { file: File; dryRun: boolean }) => {
    const form = new FormData();
    form.append('file', input.file);
    return api<ImportResult>(
      'POST',
      withQuery('/api/applications/import', { dryRun: String(input.dryRun) }),
      form,
      {
        acceptStatus: [422],
      },
    );
  });

export const attachmentUrl = (applicationId: string, attachmentId: string) =>
  `/api/applications/${applicationId}/attachments/${attachmentId}`;

export const exportUrl = (search: CatalogueSearch, format: 'csv' | 'xlsx' | 'json') => {
  const { page: _page, ...filters } = search;
  return withQuery('/api/applications/export', { ...filters, format });
};
