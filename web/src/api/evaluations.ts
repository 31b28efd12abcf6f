import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GridKind } from '../../../common/evaluation/vocabulary.ts';
import type { AttachmentDto } from '../../../common/schemas/application.ts';
import type { EvaluationDto, EvaluationSummaryDto } from '../../../common/schemas/evaluation.ts';
import type {
  GridContent,
  GridDiff,
  GridDto,
  GridVersionDto,
} from '../../../common/schemas/evaluation-grid.ts';
import type { FireTransitionInput } from '../../../common/schemas/lifecycle.ts';
import { api, withQuery } from './client.ts';

/** Grids and evaluations: the reads and the writes of the grid pages and the evaluation checklist. */

export function useGrids() {
  return useQuery({
    queryKey: ['grids'],
    queryFn: () => api<{ items: GridDto[] }>('GET', '/api/evaluation-grids'),
  });
}

export function useGridVersion(id: string) {
  return useQuery({
    queryKey: ['gridVersion', id],
    queryFn: () => api<GridVersionDto>('GET', `/api/evaluation-grid-versions/${id}`),
  });
}

export function useGridDiff(id: string, from: string | undefined) {
  return useQuery({
    queryKey: ['gridDiff', id, from],
    queryFn: () => api<GridDiff>('GET', withQuery(`/api/evaluation-grid-versions/${id}/diff`, { from })),
    enabled: !!from,
  });
}

/** After any grid write: the lists and the version are read again. */
function useGridWrite<Input>(write: (input: Input) => Promise<GridVersionDto>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () =>
      client
        .invalidateQueries({ queryKey: ['grids'] })
        .then(() => client.invalidateQueries({ queryKey: ['gridVersion'] })),
  });
}

export const useOpenDraft = () =>
  useGridWrite((kind: GridKind) => api<GridVersionDto>('POST', `/api/evaluation-grids/${kind}/versions`, {}));

export const useSaveDraft = () =>
  useGridWrite((input: { id: string; version: number; content?: GridContent; note?: string | null }) => {
    const { id, ...body } = input;
    return api<GridVersionDto>('PATCH', `/api/evaluation-grid-versions/${id}`, body);
  });

export const useImportDraft = () =>
  useGridWrite((input: { id: string; version: number; file: File }) => {
    const form = new FormData();
    form.append('version', String(input.version));
    form.append('file', input.file);
    return api<GridVersionDto>('POST', `/api/evaluation-grid-versions/${input.id}/import`, form);
  });

export const useFireGridTransition = () =>
  useGridWrite((input: { id: string; body: FireTransitionInput }) =>
    api<GridVersionDto>('POST', `/api/evaluation-grid-versions/${input.id}/transitions`, input.body),
  );

// ——— Evaluations ———

export function useEvaluation(id: string) {
  return useQuery({
    queryKey: ['evaluation', id],
    queryFn: () => api<EvaluationDto>('GET', `/api/evaluations/${id}`),
  });
}

/** The evaluation of a project or of a catalogue sheet, if one has started (null otherwise). */
export function useEvaluationOf(subject: { projectId: string } | { applicationId: string }) {
  return useQuery({
    queryKey: ['evaluationOf', subject],
    queryFn: async () =>
      (await api<{ items: EvaluationSummaryDto[] }>('GET', withQuery('/api/evaluations', subject)))
        .items[0] ?? null,
  });
}

function useEvaluationWrite<Input>(write: (input: Input) => Promise<EvaluationDto>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (evaluation) => client.setQueryData(['evaluation', evaluation.id], evaluation),
    onSettled: () => client.invalidateQueries({ queryKey: ['evaluationOf'] }),
  });
}

export const useStartEvaluation = () =>
  useEvaluationWrite((subject: { projectId: string } | { applicationId: string }) =>
    api<EvaluationDto>('POST', '/api/evaluations', subject),
  );

export const useSaveProfile = () =>
  useEvaluationWrite((input: { id: string; version: number; profile: Record<string, string> }) =>
    api<EvaluationDto>('PATCH', `/api/evaluations/${input.id}`, {
      version: input.version,
      profile: input.profile,
    }),
  );

export interface AnswerDraft {
  status: string;
  reason: string | null;
  links: string[];
  version?: number | undefined;
}
export const useAnswer = () =>
  useEvaluationWrite((input: { id: string; code: string; answer: AnswerDraft }) =>
    api<EvaluationDto>('PATCH', `/api/evaluations/${input.id}/answers/${input.code}`, input.answer),
  );

export const useReview = () =>
  useEvaluationWrite(
    (input: {
      id: string;
      code: string;
      version: number;
      decision: 'validate' | 'return';
      comment?: string;
    }) =>
      api<EvaluationDto>('POST', `/api/evaluations/${input.id}/answers/${input.code}/review`, {
        version: input.version,
        decision: input.decision,
        ...(input.comment ? { comment: input.comment } : {}),
      }),
  );

/** Evidence files: added and removed, then the evaluation is read again. */
export function useEvidence(id: string, code: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['evaluation', id] });
  const base = `/api/evaluations/${id}/answers/${code}/evidence`;
  return {
    urlOf: (fileId: string) => `${base}/${fileId}`,
    upload: useMutation({
      mutationFn: (input: { kind: AttachmentDto['kind']; file: File }) => {
        const form = new FormData();
        form.append('kind', input.kind);
        form.append('file', input.file);
        return api<AttachmentDto>('POST', base, form);
      },
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (fileId: string) => api<void>('DELETE', `${base}/${fileId}`),
      onSettled: refresh,
    }),
  };
}
