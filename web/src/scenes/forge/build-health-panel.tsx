import { Alert, Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuildHealthPanelDto } from '../../../../common/schemas/forge.ts';
import { useBuildHealth } from '../../api/forge.ts';
import { formatDateTime } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/page.tsx';
import { useLanguage } from '../../i18n/index.ts';
import { shortMoment } from './forge-activity-panel.tsx';

const STATUS_COLORS = { passing: 'green', unstable: 'yellow', failing: 'red', none: 'gray' } as const;

function StateNote({ panel }: { panel: BuildHealthPanelDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const date = panel.fetchedAt ? shortMoment(panel.fetchedAt, language) : '';
  if (panel.state === 'notConfigured') return <Alert color="gray">{t('forge.builds.notConfigured')}</Alert>;
  if (panel.state === 'notLinked') return <Text c="dimmed">{t('forge.builds.notLinked')}</Text>;
  if (panel.state === 'pending')
    return (
      <Text c="dimmed">
        {panel.lastError
          ? t('forge.builds.pendingError', { error: panel.lastError })
          : t('forge.builds.pending')}
      </Text>
    );
  if (panel.state === 'stale')
    return <Alert color="orange">{t('forge.activity.stale', { error: panel.lastError ?? '', date })}</Alert>;
  if (panel.source === 'demo')
    return (
      <Alert color="gray">
        {t(panel.configured ? 'forge.builds.demoElsewhere' : 'forge.builds.demo', { date })}
      </Alert>
    );
  return (
    <Text size="sm" c="dimmed">
      {t('forge.activity.fetchedAt', { date })}
    </Text>
  );
}

/** A sheet's build health: the last finished build's result, the tests, the last builds. */
export function BuildHealthPanel({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const query = useBuildHealth(applicationId);
  const panel = query.data;
  const health = panel?.health;
  const duration = (ms: number) =>
    t('forge.builds.minutes', {
      minutes: Math.floor(ms / 60_000),
      seconds: Math.round((ms % 60_000) / 1000),
    });
  const results = t('forge.builds.results', { returnObjects: true }) as Record<string, string>;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id={headingId}>
            {t('forge.builds.title')}
          </Title>
          {health ? <Anchor href={health.jobUrl}>{t('forge.builds.openJob')}</Anchor> : null}
        </Group>
        <ErrorAlert error={query.error} />
        {panel ? <StateNote panel={panel} /> : <Text>{t('common.loading')}</Text>}
        {health ? (
          <>
            <Group gap="sm">
              <Badge color={STATUS_COLORS[health.status]} variant="light" size="lg">
                {t(`forge.builds.status.${health.status}`)}
              </Badge>
              {health.lastBuild ? (
                <Text>
                  {t('forge.builds.lastBuild', {
                    number: health.lastBuild.number,
                    date: formatDateTime(health.lastBuild.startedAt, language),
                    duration: duration(health.lastBuild.durationMs),
                  })}
                </Text>
              ) : null}
            </Group>
            {health.building ? <Text size="sm">{t('forge.builds.building')}</Text> : null}
            {health.tests ? <Text size="sm">{t('forge.builds.tests', health.tests)}</Text> : null}
            <Table.ScrollContainer minWidth={320}>
              <Table>
                <Table.Caption>{t('forge.builds.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('forge.builds.number')}</Table.Th>
                    <Table.Th scope="col">{t('forge.builds.result')}</Table.Th>
                    <Table.Th scope="col">{t('forge.builds.started')}</Table.Th>
                    <Table.Th scope="col">{t('forge.builds.duration')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {health.builds.map((build) => (
                    <Table.Tr key={build.number}>
                      <Table.Th scope="row">
                        <Anchor href={build.url}>n° {build.number}</Anchor>
                      </Table.Th>
                      <Table.Td>
                        {build.building ? results.running : (results[build.result ?? ''] ?? build.result)}
                      </Table.Td>
                      <Table.Td>{formatDateTime(build.startedAt, language)}</Table.Td>
                      <Table.Td>{build.building ? '—' : duration(build.durationMs)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
