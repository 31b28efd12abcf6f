import { Button, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANOMALY_SEVERITIES,
  ANOMALY_SEVERITY_LABELS,
  ANOMALY_STATUS_LABELS,
  type AnomalySeverity,
  STILL_OPEN,
} from '../../../../common/acceptance/vocabulary.ts';
import type { AnomalyDto, CampaignDto } from '../../../../common/schemas/acceptance.ts';
import { useCampaignWrite } from '../../api/acceptance.ts';
import { ErrorAlert } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLabel } from '../../i18n/index.ts';

/** What one anomaly's row offers: a fixing version (the project's side), closing or rejecting (testers). */
function AnomalyActions({ campaign, anomaly }: { campaign: CampaignDto; anomaly: AnomalyDto }) {
  const { t } = useTranslation();
  const write = useCampaignWrite(campaign.id);
  const [fixVersion, setFixVersion] = useState('');
  if (!campaign.may.trackAnomalies || !STILL_OPEN.includes(anomaly.status)) return null;
  const patch = (body: Record<string, unknown>) =>
    write.mutate({
      method: 'PATCH',
      path: `/anomalies/${anomaly.id}`,
      body: { version: anomaly.version, ...body },
    });
  return (
    <Stack gap={4}>
      <ErrorAlert error={write.error} />
      <Group gap="xs" wrap="wrap" align="flex-end">
        <TextInput
          size="xs"
          label={t('acceptance.fixVersion')}
          value={fixVersion}
          onChange={(event) => setFixVersion(event.currentTarget.value)}
          w={120}
        />
        <Button
          size="xs"
          variant="light"
          disabled={!fixVersion}
          onClick={() => patch({ status: 'fixed', fixedInVersion: fixVersion })}
        >
          {t('acceptance.markFixed')}
        </Button>
        <Button size="xs" onClick={() => patch({ status: 'closed' })}>
          {t('acceptance.close')}
        </Button>
        <Button size="xs" variant="subtle" onClick={() => patch({ status: 'rejected' })}>
          {t('acceptance.reject')}
        </Button>
      </Group>
    </Stack>
  );
}

function RaiseAnomaly({ campaign }: { campaign: CampaignDto }) {
  const { t } = useTranslation();
  const label = useLabel();
  const write = useCampaignWrite(campaign.id);
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<AnomalySeverity>('major');
  const [caseId, setCaseId] = useState<string | null>(null);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        write.mutate(
          { method: 'POST', path: '/anomalies', body: { title, severity, ...(caseId ? { caseId } : {}) } },
          { onSuccess: () => setTitle('') },
        );
      }}
    >
      <Title order={3} size="h4" mb="xs">
        {t('acceptance.raise')}
      </Title>
      <ErrorAlert error={write.error} />
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('acceptance.raiseTitle')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          required
          miw={240}
        />
        <Select
          label={t('acceptance.severity')}
          data={ANOMALY_SEVERITIES.map((s) => ({ value: s, label: label(ANOMALY_SEVERITY_LABELS[s]) }))}
          value={severity}
          onChange={(value) => setSeverity((value as AnomalySeverity | null) ?? 'major')}
          allowDeselect={false}
        />
        <Select
          label={t('acceptance.raiseCase')}
          data={campaign.cases.map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` }))}
          value={caseId}
          onChange={setCaseId}
          placeholder={t('acceptance.noCase')}
          clearable
        />
        <Button type="submit" loading={write.isPending}>
          {t('acceptance.raise')}
        </Button>
      </Group>
    </form>
  );
}

export function CampaignAnomalies({ campaign }: { campaign: CampaignDto }) {
  const { t } = useTranslation();
  const label = useLabel();
  const mayRaise = campaign.may.execute;
  return (
    <Stack>
      <Title order={2}>{t('acceptance.anomalies')}</Title>
      <ListTable
        caption={t('acceptance.anomalies')}
        columns={[
          t('acceptance.anomaly'),
          t('acceptance.severity'),
          t('acceptance.status'),
          t('acceptance.fixedIn'),
          '',
        ]}
        minWidth={760}
        isEmpty={campaign.anomalies.length === 0}
        stacked
      >
        {campaign.anomalies.map((anomaly) => (
          <Table.Tr key={anomaly.id}>
            <Table.Td data-label={t('acceptance.anomaly')}>
              AN-{anomaly.number} {anomaly.title}
            </Table.Td>
            <Table.Td data-label={t('acceptance.severity')}>
              {label(ANOMALY_SEVERITY_LABELS[anomaly.severity])}
            </Table.Td>
            <Table.Td data-label={t('acceptance.status')}>
              {label(ANOMALY_STATUS_LABELS[anomaly.status])}
            </Table.Td>
            <Table.Td data-label={t('acceptance.fixedIn')}>{anomaly.fixedInVersion ?? '—'}</Table.Td>
            <Table.Td>
              <AnomalyActions campaign={campaign} anomaly={anomaly} />
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {mayRaise ? <RaiseAnomaly campaign={campaign} /> : null}
    </Stack>
  );
}
