import { Alert, Button, Group, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOB_STATES, type JobState } from '../../../../common/schemas/jobs.ts';
import { useJobs, useRetryJob } from '../../api/notifications.ts';
import { formatDateTime } from '../../components/dates.ts';
import { ErrorAlert, type Notice, PageHeader, Pager, StatusMessage } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useFilters } from '../../components/use-filters.ts';

/** The administrators' view of the background jobs: counts, who runs them, where e-mail goes, retries. */
export function JobsPage() {
  const { t, i18n } = useTranslation();
  const { filters, page, setPage, set } = useFilters({ state: 'failed' as string | null });
  const query = useJobs({ state: (filters.state as JobState | null) ?? undefined, page });
  const retry = useRetryJob();
  const [notice, setNotice] = useState<Notice | null>(null);
  const data = query.data;
  return (
    <>
      <PageHeader title={t('jobs.title')} intro={t('jobs.intro')} />
      {data ? (
        <Alert color={data.mail.mode === 'log' ? 'yellow' : 'blue'} mb="md">
          <Text size="sm">{t(`jobs.runner.${data.runner}`)}</Text>
          <Text size="sm">
            {data.mail.mode === 'log' ? t('jobs.mailLog') : t('jobs.mailSmtp', { from: data.mail.from })}
          </Text>
          <Text size="sm">{t('jobs.counts', data.counts)}</Text>
        </Alert>
      ) : null}
      <StatusMessage notice={notice} onClose={() => setNotice(null)} />
      <ErrorAlert error={query.error ?? retry.error} />
      <Group mb="md">
        <Select
          label={t('jobs.state')}
          clearable
          placeholder={t('jobs.allStates')}
          data={JOB_STATES.map((state) => ({ value: state, label: t(`jobs.states.${state}`) }))}
          value={filters.state}
          onChange={(v) => set('state', v)}
          w={200}
        />
      </Group>
      <ListTable
        caption={t('jobs.caption')}
        columns={[
          t('jobs.id'),
          t('jobs.topic'),
          t('jobs.state'),
          t('jobs.attempts'),
          t('jobs.lastError'),
          t('jobs.createdAt'),
          '',
        ]}
        minWidth={820}
        isEmpty={data !== undefined && data.items.length === 0}
        stacked
      >
        {(data?.items ?? []).map((job) => (
          <Table.Tr key={job.id}>
            <Table.Td data-label={t('jobs.id')}>{job.id}</Table.Td>
            <Table.Td data-label={t('jobs.topic')}>
              <code>{job.topic}</code>
            </Table.Td>
            <Table.Td data-label={t('jobs.state')}>{t(`jobs.states.${job.state}`)}</Table.Td>
            <Table.Td data-label={t('jobs.attempts')}>{job.attempts}</Table.Td>
            <Table.Td data-label={t('jobs.lastError')}>{job.lastError ?? '—'}</Table.Td>
            <Table.Td data-label={t('jobs.createdAt')}>
              {formatDateTime(job.createdAt, i18n.language)}
            </Table.Td>
            <Table.Td>
              {job.state === 'failed' ? (
                <Button
                  size="compact-sm"
                  variant="default"
                  aria-label={t('jobs.retryLabel', { id: job.id })}
                  loading={retry.isPending && retry.variables === job.id}
                  onClick={() =>
                    retry.mutate(job.id, {
                      onSuccess: () => setNotice({ text: t('jobs.retried', { id: job.id }) }),
                    })
                  }
                >
                  {t('jobs.retry')}
                </Button>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <Pager page={page} pageSize={50} total={data?.total ?? 0} onChange={setPage} />
    </>
  );
}
