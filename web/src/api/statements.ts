import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgreementStatementsDto,
  NetworkBalanceDto,
  StatementDto,
} from '../../../common/schemas/statements.ts';
import { api, withQuery } from './client.ts';
import { useFireTransition } from './queries.ts';

/** Statements of agreements and the network balance. */

export function useAgreementStatements(agreementId: string) {
  return useQuery({
    queryKey: ['agreement-statements', agreementId],
    queryFn: () => api<AgreementStatementsDto>('GET', `/api/agreements/${agreementId}/statements`),
  });
}

export function useComputeStatement(agreementId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (periodStart: string) =>
      api<StatementDto>('POST', `/api/agreements/${agreementId}/statements`, { periodStart }),
    onSuccess: (statement) => {
      client.setQueryData(['statement', statement.id], statement);
      void client.invalidateQueries({ queryKey: ['agreement-statements', agreementId] });
    },
  });
}

export function useStatement(id: string) {
  return useQuery({
    queryKey: ['statement', id],
    queryFn: () => api<StatementDto>('GET', `/api/statements/${id}`),
  });
}

export const useFireStatementTransition = (id: string) =>
  useFireTransition<StatementDto>('/api/statements', ['statement', id]);

export function useNetworkBalance(period: { from?: string; to?: string }) {
  return useQuery({
    queryKey: ['network-balance', period.from ?? '', period.to ?? ''],
    queryFn: () => api<NetworkBalanceDto>('GET', withQuery('/api/network-balance', period)),
    placeholderData: (previous) => previous,
  });
}
