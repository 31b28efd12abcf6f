import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttachmentDto } from '../../../common/schemas/application.ts';
import type {
  OpenTicketInput,
  TicketDto,
  TicketListQuery,
  TicketSummaryDto,
} from '../../../common/schemas/support.ts';
import { attachmentForm } from './catalogue.ts';
import { api, withQuery } from './client.ts';
import { useFireTransition } from './queries.ts';

/** Support tickets: the caller's queues, one ticket, opening, messages, files and transitions. */

export function useTickets(filters: Partial<TicketListQuery>) {
  return useQuery({
    queryKey: ['support', 'tickets', filters],
    queryFn: () =>
      api<{ items: TicketSummaryDto[] }>('GET', withQuery('/api/support-tickets', { ...filters })),
  });
}

export function useTicket(id: string) {
  return useQuery({
    queryKey: ['support', 'ticket', id],
    queryFn: () => api<TicketDto>('GET', `/api/support-tickets/${id}`),
  });
}

export function useOpenTicket() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenTicketInput) => api<TicketDto>('POST', '/api/support-tickets', body),
    onSuccess: (ticket) => {
      client.setQueryData(['support', 'ticket', ticket.id], ticket);
      void client.invalidateQueries({ queryKey: ['support', 'tickets'] });
    },
  });
}

/** A message, a file added or removed: the ticket is read again. */
export function useTicketWrite(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      input: { body: string } | { kind: AttachmentDto['kind']; file: File } | { attachmentId: string },
    ): Promise<unknown> =>
      'body' in input
        ? api<TicketDto>('POST', `/api/support-tickets/${id}/messages`, input)
        : 'attachmentId' in input
          ? api<undefined>('DELETE', ticketAttachmentUrl(id, input.attachmentId))
          : api<AttachmentDto>('POST', `/api/support-tickets/${id}/attachments`, attachmentForm(input)),
    onSettled: () => client.invalidateQueries({ queryKey: ['support'] }),
  });
}

/** Makes a resolved starter-kit ticket a referential proposal; the ticket comes back linked to it. */
export function useProposeToReferential(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<TicketDto>('POST', `/api/support-tickets/${id}/referential-proposal`),
    onSuccess: (ticket) => {
      client.setQueryData(['support', 'ticket', ticket.id], ticket);
      void client.invalidateQueries({ queryKey: ['referential'] });
    },
  });
}

export const ticketAttachmentUrl = (id: string, attachmentId: string) =>
  `/api/support-tickets/${id}/attachments/${attachmentId}`;

export const useFireTicketTransition = (flow: TicketDto['flow']) =>
  useFireTransition<TicketDto>(
    flow === 'starterKit' ? '/api/starter-kit-tickets' : '/api/application-tickets',
    ['support'],
  );

/** The applications the caller's office declares it uses (the ones it may report a problem on). */
export function useUsedApplications(officeId: string | undefined) {
  return useQuery({
    queryKey: ['support', 'used', officeId],
    queryFn: () =>
      api<{ items: { application: { id: string; name: string } }[] }>(
        'GET',
        withQuery(`/api/organisations/${officeId}/used-applications`, { pageSize: 100 }),
      ),
    enabled: !!officeId,
  });
}
