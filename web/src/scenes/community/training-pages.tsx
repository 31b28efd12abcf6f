import { Anchor, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGISTRATION_STATUS_LABELS, TRAINING_MODE_LABELS } from '../../../../common/community/training.ts';
import { trainingSessionLifecycle } from '../../../../common/lifecycles/training-session.ts';
import { REGION_LABELS, type Region } from '../../../../common/organisations.ts';
import type { SessionDto } from '../../../../common/schemas/training.ts';
import {
  useFireSessionTransition,
  useTrainingDemand,
  useTrainingSession,
  useTrainingSessions,
  useTrainingWrite,
} from '../../api/community.ts';
import { can, useMe } from '../../api/queries.ts';
import { formatDay } from '../../components/dates.ts';
import { LifecyclePanel } from '../../components/lifecycle/lifecycle-panel.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { FactTable, ListTable } from '../../components/tables.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';
import { PublishSession } from './publish-session.tsx';

/** The starter-kit sessions, soonest first; referents also see the requests without a session. */
export function TrainingSessionsPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const me = useMe().data;
  const sessions = useTrainingSessions();
  const demand = useTrainingDemand(!!me && can(me, 'training.readDemand'));
  return (
    <Stack gap="lg">
      <PageHeader title={t('community.training.title')} intro={t('community.training.intro')} />
      {me && can(me, 'training.createSession') ? <PublishSession /> : null}
      <ErrorAlert error={sessions.error} />
      <ListTable
        keyboardScroll
        caption={t('community.training.caption')}
        columns={[
          t('community.training.session'),
          t('community.training.region'),
          t('community.training.dates'),
          t('community.training.trainer'),
          t('community.training.places'),
        ]}
        minWidth={720}
        stacked
        isEmpty={sessions.data?.items.length === 0}
      >
        {sessions.data?.items.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td data-label={t('community.training.session')}>
              <Anchor component={Link} to={`/communaute/formations/${s.id}`}>
                {s.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {label(TRAINING_MODE_LABELS[s.mode])}
              </Text>
            </Table.Td>
            <Table.Td data-label={t('community.training.region')}>{REGION_LABELS[s.region]}</Table.Td>
            <Table.Td data-label={t('community.training.dates')}>
              {formatDay(s.startsOn, language)} – {formatDay(s.endsOn, language)}
            </Table.Td>
            <Table.Td data-label={t('community.training.trainer')}>{s.trainerOffice.name}</Table.Td>
            <Table.Td data-label={t('community.training.places')}>
              {t('community.training.placesValue', {
                seated: s.seated,
                capacity: s.capacity,
                waiting: s.waitlisted,
              })}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {demand.data ? (
        <Stack gap="xs" component="section" aria-labelledby="demand-title">
          <Title order={2} size="h4" id="demand-title">
            {t('community.training.demand')}
          </Title>
          <ListTable
            keyboardScroll
            caption={t('community.training.demandCaption')}
            columns={[t('community.training.region'), t('community.training.developers')]}
            minWidth={480}
            isEmpty={demand.data.regions.length === 0}
          >
            {demand.data.regions.map((r) => (
              <Table.Tr key={r.region}>
                <Table.Td>{REGION_LABELS[r.region as Region]}</Table.Td>
                <Table.Td>
                  {r.requests
                    .map((q) => `${q.developer.displayName} (${q.developer.office.name})`)
                    .join(', ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** A developer asks a place for himself, declaring the prerequisites of the letter. */
function RequestPlace({ session }: { session: SessionDto }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const write = useTrainingWrite();
  const [checks, setChecks] = useState({ php: false, symfony: false, versioning: false, symfonyUsed: false });
  if (!me || !can(me, 'training.request') || session.state !== 'published') return null;
  const box = (key: keyof typeof checks) => (
    <Checkbox
      key={key}
      label={t(`community.training.prerequisite.${key}`)}
      checked={checks[key]}
      onChange={(e) => setChecks({ ...checks, [key]: e.currentTarget.checked })}
    />
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="request-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="request-title">
          {t('community.training.request')}
        </Title>
        <ErrorAlert error={write.error} />
        {(['php', 'symfony', 'versioning', 'symfonyUsed'] as const).map(box)}
        <Group>
          <Button
            onClick={() =>
              write.mutate({
                path: '/api/training-requests',
                body: { developerId: me.user.id, sessionId: session.id, prerequisites: checks },
              })
            }
            loading={write.isPending}
          >
            {t('community.training.requestSubmit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function TrainingSessionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const query = useTrainingSession(id);
  const write = useTrainingWrite();
  const fire = useFireSessionTransition();
  const session = query.data;
  if (!session) return query.error ? <LoadFailure error={query.error} missing="page" /> : null;
  const act = (registrationId: string, action: string) =>
    write.mutate({ path: `/api/training-registrations/${registrationId}/actions`, body: { action } });
  const actions = (status: string) =>
    status === 'registered' || status === 'waitlisted'
      ? ['checkPrerequisites', ...(status === 'registered' ? ['markAttended', 'markAbsent'] : []), 'cancel']
      : [];
  return (
    <Stack gap="md">
      <PageHeader
        title={session.title}
        actions={
          <Button component="a" variant="light" href={`/api/training-sessions/${session.id}/invitation.ics`}>
            {t('community.training.ics')}
          </Button>
        }
      />
      <FactTable
        rows={[
          [t('community.training.region'), REGION_LABELS[session.region]],
          [
            t('community.training.dates'),
            `${formatDay(session.startsOn, language)} – ${formatDay(session.endsOn, language)}`,
          ],
          [t('community.training.mode'), label(TRAINING_MODE_LABELS[session.mode])],
          [t('community.training.place'), session.place],
          [t('community.training.trainer'), session.trainerOffice.name],
          [
            t('community.training.places'),
            t('community.training.placesValue', {
              seated: session.seated,
              capacity: session.capacity,
              waiting: session.waitlisted,
            }),
          ],
        ]}
      />
      <RequestPlace session={session} />
      <ErrorAlert error={write.error} />
      <ListTable
        keyboardScroll
        caption={t('community.training.registrations')}
        columns={[
          t('community.training.developer'),
          t('community.training.status'),
          t('community.training.prerequisitesChecked'),
          ...(session.canManage ? [t('community.training.actions')] : []),
        ]}
        minWidth={640}
        stacked
        isEmpty={session.registrations.length === 0}
      >
        {session.registrations.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td data-label={t('community.training.developer')}>
              {r.developer.displayName} ({r.developer.office.name})
            </Table.Td>
            <Table.Td data-label={t('community.training.status')}>
              {label(REGISTRATION_STATUS_LABELS[r.status])}
              {r.position ? ` (${r.position})` : ''}
            </Table.Td>
            <Table.Td data-label={t('community.training.prerequisitesChecked')}>
              {r.prerequisitesCheckedAt ? t('community.training.yes') : t('community.training.no')}
            </Table.Td>
            {session.canManage ? (
              <Table.Td data-label={t('community.training.actions')}>
                <Group gap={4}>
                  {actions(r.status).map((action) => (
                    <Button key={action} size="xs" variant="light" onClick={() => act(r.id, action)}>
                      {t(`community.training.action.${action}`)}
                      <span className="sr-only"> {r.developer.displayName}</span>
                    </Button>
                  ))}
                </Group>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </ListTable>
      <Paper withBorder p="md">
        <LifecyclePanel
          lifecycle={trainingSessionLifecycle.name}
          view={session.lifecycles.find((view) => view.lifecycle === trainingSessionLifecycle.name)}
          transitions={session.transitions}
          version={session.version}
          subject={session.title}
          fire={(body) => fire.mutateAsync({ id: session.id, body })}
        />
      </Paper>
    </Stack>
  );
}
