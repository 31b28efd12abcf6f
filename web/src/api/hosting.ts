import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BudgetBody, BudgetDto, CostReportDto } from '../../../common/schemas/hosting.ts';
import { api } from './client.ts';

/** The AM Cloud costs report of the last six months (costs, allocation, savings, budgets). */
export function useCostReport() {
  return useQuery({
    queryKey: ['hosting-costs'],
    queryFn: () => api<CostReportDto>('GET', '/api/hosting/costs'),
  });
}

/** Where the same report is downloaded as XLSX. */
export const costWorkbookUrl = (months: string[]) =>
  `/api/hosting/costs.xlsx?from=${months[0] ?? ''}&to=${months.at(-1) ?? ''}`;

/** Sets an office's yearly hosting budget (DDSI); the report is read again with its alerts. */
export function useSetBudget() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BudgetBody) => api<BudgetDto>('PUT', '/api/hosting/budgets', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['hosting-costs'] }),
  });
}
