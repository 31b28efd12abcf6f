import { Alert, Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ForgeActivityDto, ForgeActivityPanelDto } from '../../../../common/schemas/forge.ts';
import { type ForgeSubject, useForgeActivity } from '../../api/forge.ts';
import { formatDateTime, formatDay } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/page.tsx';
import { useLanguage } from '../../i18n/index.ts';
import { FactoryNorms } from './factory-norms-panel.tsx';

/** « 30/11 à 10:05 »: the day and time the data was fetched (the issue's « données du JJ/MM »). */
export function shortMoment(iso: string, language: string) {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    day: '2-digit',
    month: '2-digit',
  }).format(date);
  const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' }).format(date);
  return language === 'en' ? `${day} at ${time}` : `${day} à ${time}`;
}

/** Twelve bars, one a week; the same figures are read out by its label. */
function Sparkline({ weeks }: { weeks: ForgeActivityDto['weeks'] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...weeks.map((w) => w.commits));
  const counts = weeks.map((w) => w.commits).join(', ');
  return (
    <svg
      role="img"
      aria-label={t('forge.activity.sparkline', { counts })}
      viewBox={`0 0 ${weeks.length * 10} 32`}
      width={weeks.length * 10}
      height={32}
    >
      {weeks.map((week, i) => {
        const height = week.commits === 0 ? 1 : Math.max(3, (week.commits / max) * 30);
        return (
          <rect
            key={week.start}
            x={i * 10 + 1}
            y={32 - height}
            width={8}
            height={height}
            fill={week.commits === 0 ? 'var(--mantine-color-gray-5)' : 'var(--mantine-color-blue-8)'}
          />
        );
      })}
    </svg>
  );
}

const PIPELINE_COLORS: Record<string, string> = { success: '#1e6b2f', failed: 'red.9', running: 'blue.9' };

function Figures({ activity }: { activity: ForgeActivityDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = activity.weeks.reduce((n, w) => n + w.commits, 0);
  const status = (code: string) =>
    (t('forge.activity.pipelineStatus', { returnObjects: true }) as Record<string, string>)[code] ?? code;
  const figure = (label: string, value: React.ReactNode) => (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{value}</div>
    </Stack>
  );
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
      {figure(
        t('forge.activity.commits'),
        <Group gap="xs">
          <Sparkline weeks={activity.weeks} />
          <Text fw={600}>
            {total > 0 ? t('forge.activity.commitsCount', { count: total }) : t('forge.activity.inactive')}
          </Text>
        </Group>,
      )}
      {figure(t('forge.activity.mergeRequests'), <Text fw={600}>{activity.openMergeRequests.count}</Text>)}
      {figure(t('forge.activity.issues'), <Text fw={600}>{activity.openIssues.count}</Text>)}
      {figure(
        t('forge.activity.release'),
        activity.lastRelease ? (
          <Text>
            <Anchor href={activity.lastRelease.url}>{activity.lastRelease.tag}</Anchor>,{' '}
            {formatDay(activity.lastRelease.date.slice(0, 10), language)}
          </Text>
        ) : (
          <Text>{t('forge.activity.none')}</Text>
        ),
      )}
      {figure(
        t('forge.activity.pipeline'),
        activity.lastPipeline ? (
          <Group gap="xs">
            <Badge color={PIPELINE_COLORS[activity.lastPipeline.status] ?? 'gray.8'} variant="filled">
              {status(activity.lastPipeline.status)}
            </Badge>
            <Anchor href={activity.lastPipeline.url} size="sm">
              {activity.lastPipeline.ref}, {formatDateTime(activity.lastPipeline.date, language)}
            </Anchor>
          </Group>
        ) : (
          <Text>{t('forge.activity.none')}</Text>
        ),
      )}
      {figure(
        t('forge.activity.lastCommit'),
        <Text>
          {activity.lastCommitAt ? formatDateTime(activity.lastCommitAt, language) : t('forge.activity.none')}
        </Text>,
      )}
    </SimpleGrid>
  );
}

function Details({ activity }: { activity: ForgeActivityDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {activity.lastCommits.length > 0 ? (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('forge.activity.lastCommits')}
          </Title>
          <List size="sm" spacing={4}>
            {activity.lastCommits.map((commit) => (
              <List.Item key={commit.sha}>
                <Anchor href={commit.url}>{commit.title}</Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  —{' '}
                  {t('forge.activity.byOn', {
                    author: commit.author,
                    date: formatDateTime(commit.date, language),
                  })}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      {activity.wikiPages.length > 0 ? (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('forge.activity.wiki')}
          </Title>
          <List size="sm" spacing={4}>
            {activity.wikiPages.map((page) => (
              <List.Item key={page.url}>
                <Anchor href={page.url}>{page.title}</Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
    </SimpleGrid>
  );
}

function StateNote({ panel }: { panel: ForgeActivityPanelDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const date = panel.fetchedAt ? shortMoment(panel.fetchedAt, language) : '';
  if (panel.state === 'notConfigured') return <Alert color="gray">{t('forge.activity.notConfigured')}</Alert>;
  if (panel.state === 'notLinked') return <Text c="dimmed">{t('forge.activity.notLinked')}</Text>;
  if (panel.state === 'pending') return <Text c="dimmed">{t('forge.activity.pending')}</Text>;
  if (panel.state === 'stale')
    return <Alert color="orange">{t('forge.activity.stale', { error: panel.lastError ?? '', date })}</Alert>;
  // GitLab configured, the address elsewhere (a demo sheet): the data is the demonstration's, not GitLab's.
  if (panel.source === 'demo')
    return (
      <Alert color="gray">
        {t(panel.configured ? 'forge.activity.demoElsewhere' : 'forge.activity.demo', { date })}
      </Alert>
    );
  return (
    <Text size="sm" c="dimmed">
      {t('forge.activity.fetchedAt', { date })}
    </Text>
  );
}

/** A sheet's or a project's activity on the forge, with when it was fetched; never an error when GitLab is down. */
export function ForgeActivityPanel({ subject }: { subject: ForgeSubject }) {
  const { t } = useTranslation();
  const headingId = useId();
  const query = useForgeActivity(subject);
  const panel = query.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id={headingId}>
            {t('forge.activity.title')}
          </Title>
          {panel?.activity ? (
            <Anchor href={panel.activity.webUrl}>{t('forge.activity.openOnForge')}</Anchor>
          ) : null}
        </Group>
        <ErrorAlert error={query.error} />
        {panel ? <StateNote panel={panel} /> : <Text>{t('common.loading')}</Text>}
        {panel && (panel.starterKit || panel.activity || subject.kind === 'application') ? (
          <FactoryNorms panel={panel} showPsram={subject.kind === 'application'} />
        ) : null}
        {panel?.activity ? (
          <>
            <Figures activity={panel.activity} />
            <Details activity={panel.activity} />
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
