import { Alert, Anchor, Badge, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../common/roles.ts';
import { DEPLOYMENT_STATE_LABELS } from '../../../../common/store/vocabulary.ts';
import { type RequestSearch, useProvisioningStatus, useRequests } from '../../api/deployment-requests.ts';
import { can, useMe } from '../../api/queries.ts';
import { formatDateTime } from '../../components/dates.ts';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';

type Queue = 'mine' | 'director' | 'ddsi' | 'all';
const QUEUE_ROLES: Record<Queue, Role[] | null> = {
  mine: null,
  director: ['officeDirector'],
  ddsi: ['itDirectorate'],
  all: ['admin', 'itDirectorate', 'governanceBoard', 'operationsDirectorate'],
};

/** Says whether provisioning goes to the platform or to the built-in simulator (administrators, DDSI). */
export function ProvisioningNotice() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const status = useProvisioningStatus(can(me, 'provisioning.read'));
  if (!status.data) return null;
  return (
    <Alert color={status.data.mode === 'simulator' ? 'yellow' : 'blue'} role="status" mb="md">
      {status.data.mode === 'simulator'
        ? t('requests.simulatorOn', { seconds: status.data.simulatorDelaySeconds })
        : t('requests.platformOn', { url: status.data.url })}
    </Alert>
  );
}

/** The requests of the caller's office, the director's and the DDSI's queues, or all of them nationally. */
export function RequestsPage({ search }: { search: { file?: Queue | undefined } }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const navigate = useNavigate();
  const { data: me } = useMe();
  // On a phone the queues stack: four labels side by side do not fit 390 px.
  const narrow = useMediaQuery('(max-width: 40em)');
  const queues = (Object.keys(QUEUE_ROLES) as Queue[]).filter((q) => {
    const roles = QUEUE_ROLES[q];
    return !roles || roles.some((r) => me?.roles.includes(r));
  });
  const queue: Queue = search.file && queues.includes(search.file) ? search.file : 'mine';
  const query: RequestSearch = queue === 'all' ? {} : { queue };
  const requests = useRequests(query);
  return (
    <Stack gap="md">
      <PageHeader title={t('requests.title')} intro={t('requests.intro')} />
      <ProvisioningNotice />
      {queues.length > 1 ? (
        <SegmentedControl
          aria-label={t('requests.queueLabel')}
          value={queue}
          onChange={(value) =>
            void navigate({ to: '/store/demandes', search: { file: value as Queue }, replace: true })
          }
          data={queues.map((q) => ({ value: q, label: t(`requests.queues.${q}`) }))}
          orientation={narrow ? 'vertical' : 'horizontal'}
          fullWidth={narrow}
          w={narrow ? '100%' : 'fit-content'}
        />
      ) : null}
      <ErrorAlert error={requests.error} />
      <ListTable
        caption={`${t('requests.caption')} — ${t(`requests.queues.${queue}`)}`}
        columns={[
          t('requests.reference'),
          t('requests.application'),
          t('requests.office'),
          t('requests.state'),
          t('requests.updated'),
        ]}
        minWidth={640}
        isEmpty={requests.data?.items.length === 0}
        stacked
      >
        {requests.data?.items.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Anchor component={Link} to={`/store/demandes/${r.id}`}>
                {r.reference}
              </Anchor>
            </Table.Td>
            <Table.Td data-label={t('requests.application')}>{r.application.name}</Table.Td>
            <Table.Td data-label={t('requests.office')}>
              <Text size="sm">{r.organisation.name}</Text>
              <Text size="xs" c="dimmed">
                {r.requestedBy.displayName}
              </Text>
            </Table.Td>
            <Table.Td data-label={t('requests.state')}>
              <Badge variant="light" color="dark">
                {label(DEPLOYMENT_STATE_LABELS[r.state])}
              </Badge>
            </Table.Td>
            <Table.Td data-label={t('requests.updated')}>{formatDateTime(r.updatedAt, language)}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}
