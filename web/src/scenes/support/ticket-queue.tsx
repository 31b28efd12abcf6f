import { Anchor, Badge, Checkbox, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketListQuery, TicketSummaryDto } from '../../../../common/schemas/support.ts';
import { lastDayToAnswer } from '../../../../common/support/service-targets.ts';
import {
  SUPPORT_FLOW_LABELS,
  type SupportFlow,
  TICKET_STATE_LABELS,
} from '../../../../common/support/vocabulary.ts';
import { useTickets } from '../../api/support.ts';
import { formatDateTime, formatDay } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';

/** The day an answer is due at the latest: the day of Paris, the same wherever the reader is. */
export const formatDueDay = (dueAt: string, language: string) =>
  formatDay(lastDayToAnswer(new Date(dueAt)), language);

/** A late level, or the answer still due at the current one. */
export function ServiceBadge({ ticket }: { ticket: TicketSummaryDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (ticket.breached)
    return (
      <Badge color="red" variant="filled">
        {t('support.late')}
      </Badge>
    );
  return ticket.answerDueAt ? (
    <Text size="sm">{t('support.dueBy', { date: formatDueDay(ticket.answerDueAt, language) })}</Text>
  ) : (
    <Text size="sm">{t('support.onTime')}</Text>
  );
}

/** The queues per level: ageing in working days, the answer due, the late tickets flagged (filtered in SQL). */
export function TicketQueue() {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const [flow, setFlow] = useState<SupportFlow | null>(null);
  const [level, setLevel] = useState<'1' | '2' | null>(null);
  const [lateOnly, setLateOnly] = useState(false);
  const [sort, setSort] = useState<NonNullable<TicketListQuery['sort']>>('waiting');
  const tickets = useTickets({
    ...(flow ? { flow } : {}),
    ...(level ? { level: Number(level) } : {}),
    ...(lateOnly ? { breached: true } : {}),
    sort,
  });
  const columns = [
    t('support.subject'),
    t('support.level'),
    t('support.state'),
    t('support.requester'),
    t('support.waiting'),
    t('support.target'),
  ];
  return (
    <Stack gap="sm" component="section" aria-labelledby="queue-title">
      <Title order={2} size="h4" id="queue-title">
        {t('support.queue')}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('support.filterFlow')}
          data={[
            { value: '', label: t('support.allFlows') },
            ...(['starterKit', 'application'] as const).map((f) => ({
              value: f,
              label: label(SUPPORT_FLOW_LABELS[f]),
            })),
          ]}
          value={flow ?? ''}
          onChange={(value) => setFlow((value || null) as SupportFlow | null)}
          allowDeselect={false}
          w={260}
        />
        <Select
          label={t('support.level')}
          data={[
            { value: '', label: t('support.allLevels') },
            { value: '1', label: t('support.level1') },
            { value: '2', label: t('support.level2') },
          ]}
          value={level ?? ''}
          onChange={(value) => setLevel((value || null) as '1' | '2' | null)}
          allowDeselect={false}
          w={180}
        />
        <Select
          label={t('support.sort')}
          data={[
            { value: 'waiting', label: t('support.sortWaiting') },
            { value: 'due', label: t('support.sortDue') },
          ]}
          value={sort}
          onChange={(value) => setSort((value as typeof sort) ?? 'waiting')}
          allowDeselect={false}
          w={260}
        />
        <Checkbox
          label={t('support.lateOnly')}
          checked={lateOnly}
          onChange={(e) => setLateOnly(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <ErrorAlert error={tickets.error} />
      <ListTable
        keyboardScroll
        caption={t(sort === 'due' ? 'support.captionDue' : 'support.caption')}
        columns={columns}
        minWidth={900}
        stacked
        isEmpty={tickets.data?.items.length === 0}
      >
        {tickets.data?.items.map((ticket) => (
          <Table.Tr key={ticket.id}>
            <Table.Td data-label={columns[0]}>
              <Anchor component={Link} to={`/support/${ticket.id}`}>
                {ticket.subject}
              </Anchor>
              <Text size="sm">
                {label(SUPPORT_FLOW_LABELS[ticket.flow])}
                {ticket.application ? ` · ${ticket.application.name}` : ''}
              </Text>
            </Table.Td>
            <Table.Td data-label={columns[1]}>{ticket.level}</Table.Td>
            <Table.Td data-label={columns[2]}>
              <Badge variant="light" color={ticket.state === 'resolved' ? 'green' : 'blue'}>
                {label(TICKET_STATE_LABELS[ticket.state])}
              </Badge>
            </Table.Td>
            <Table.Td data-label={columns[3]}>
              {ticket.opener.displayName} ({ticket.openerOffice.name})
            </Table.Td>
            <Table.Td data-label={columns[4]}>
              {/* A closed ticket waits no more: neither its working days nor since when. */}
              {ticket.waitingWorkingDays === null ? (
                '—'
              ) : (
                <>
                  {t('support.workingDays', { count: ticket.waitingWorkingDays })}
                  <Text size="sm">
                    {t('support.since', { date: formatDateTime(ticket.waitingSince, language) })}
                  </Text>
                </>
              )}
            </Table.Td>
            <Table.Td data-label={columns[5]}>
              <ServiceBadge ticket={ticket} />
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}
