import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ReportState } from '../../../common/accessibility/vocabulary.ts';
import type {
  AccessibilityReceiptDto,
  AccessibilityReportDto,
  AccessibilityReportListDto,
  ReportAccessibilityProblemInput,
} from '../../../common/schemas/accessibility.ts';
import { api, withQuery } from './client.ts';
import { useFireTransition } from './queries.ts';

/** Sends a report, signed in or not (the CSRF header goes with it when there is a session). */
export function useReportAccessibilityProblem() {
  return useMutation({
    mutationFn: (body: ReportAccessibilityProblemInput) =>
      api<AccessibilityReceiptDto>('POST', '/api/accessibility-reports', body),
  });
}

export function useAccessibilityReports(filter: { state?: ReportState | undefined; page: number }) {
  return useQuery({
    queryKey: ['accessibilityReports', 'list', filter],
    queryFn: () =>
      api<AccessibilityReportListDto>('GET', withQuery('/api/accessibility-reports', { ...filter })),
    placeholderData: keepPreviousData,
  });
}

export function useAccessibilityReport(id: string) {
  return useQuery({
    queryKey: ['accessibilityReports', 'one', id],
    queryFn: () => api<AccessibilityReportDto>('GET', `/api/accessibility-reports/${id}`),
  });
}

export const useFireReportTransition = () =>
  useFireTransition<AccessibilityReportDto>('/api/accessibility-reports', ['accessibilityReports']);
