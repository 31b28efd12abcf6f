import { Alert, Anchor, Badge, Button, Group, Select, Table, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EMAIL_CADENCES,
  type EmailCadence,
  EVENT_KIND_LABELS,
  type EventKind,
} from '../../../../common/notifications.ts';
import type { FollowDto } from '../../../../common/schemas/notifications.ts';
import {
  useChangeFollow,
  useMyFollows,
  useNotificationPreferences,
  useSavePreferences,
} from '../../api/notifications.ts';
import { ErrorAlert, type Notice, PageHeader, StatusMessage } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLabel } from '../../i18n/index.ts';

/** E-mail cadence per kind of event, and what the reader follows or has muted. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const preferences = useNotificationPreferences();
  const save = useSavePreferences();
  const [choices, setChoices] = useState<Record<string, EmailCadence>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    if (preferences.data)
      setChoices(Object.fromEntries(preferences.data.items.map((item) => [item.kind, item.cadence])));
  }, [preferences.data]);
  // An e-mail links here anchored on its kind (#comment.added): the row is shown once the list has loaded.
  useEffect(() => {
    const kind = decodeURIComponent(window.location.hash.slice(1));
    if (preferences.data && kind) document.getElementById(kind)?.scrollIntoView({ block: 'center' });
  }, [preferences.data]);

  return (
    <>
      <PageHeader title={t('notificationPreferences.title')} intro={t('notificationPreferences.intro')} />
      {preferences.data && !preferences.data.emailDelivered ? (
        <Alert color="yellow" mb="md">
          {t('notificationPreferences.logOnly')}
        </Alert>
      ) : null}
      <StatusMessage notice={notice} onClose={() => setNotice(null)} />
      <ErrorAlert error={preferences.error ?? save.error} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(
            Object.entries(choices).map(([kind, cadence]) => ({ kind: kind as EventKind, cadence })),
            { onSuccess: () => setNotice({ text: t('notificationPreferences.saved') }) },
          );
        }}
      >
        <ListTable
          caption={t('notificationPreferences.caption')}
          columns={[t('notificationPreferences.kind'), t('notificationPreferences.cadence')]}
          minWidth={300}
          isEmpty={false}
        >
          {(preferences.data?.items ?? []).map((item) => {
            const kindLabel = label(EVENT_KIND_LABELS[item.kind]);
            return (
              <Table.Tr key={item.kind} id={item.kind}>
                <Table.Td>{kindLabel}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('notificationPreferences.cadenceLabel', { kind: kindLabel })}
                    data={EMAIL_CADENCES.map((cadence) => ({
                      value: cadence,
                      label: t(`notificationPreferences.cadences.${cadence}`),
                    }))}
                    value={choices[item.kind] ?? item.cadence}
                    allowDeselect={false}
                    onChange={(value) =>
                      value && setChoices((c) => ({ ...c, [item.kind]: value as EmailCadence }))
                    }
                    // On a phone the two columns share 390 px: the list narrows rather than overflows.
                    w={{ base: 150, sm: 220 }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </ListTable>
        <Group mt="md">
          <Button type="submit" loading={save.isPending}>
            {t('notificationPreferences.save')}
          </Button>
        </Group>
      </form>
      <Follows />
    </>
  );
}

function Follows() {
  const { t } = useTranslation();
  const follows = useMyFollows();
  const change = useChangeFollow();
  const items = follows.data?.items ?? [];
  const act = (follow: FollowDto, what: 'follows' | 'mutes', on: boolean) =>
    change.mutate({ what, on, targetType: follow.targetType, targetId: follow.targetId });
  return (
    <>
      <Title order={2} mt="xl" mb="xs">
        {t('notificationPreferences.follows')}
      </Title>
      <p>{t('notificationPreferences.followsIntro')}</p>
      <ErrorAlert error={follows.error ?? change.error} />
      <ListTable
        caption={t('notificationPreferences.follows')}
        columns={[t('notificationPreferences.target'), t('notificationPreferences.state'), '']}
        minWidth={560}
        isEmpty={follows.data !== undefined && items.length === 0}
        stacked
      >
        {items.map((follow) => (
          <Table.Tr key={`${follow.targetType}-${follow.targetId}`}>
            <Table.Td data-label={t('notificationPreferences.target')}>
              {t(`notificationPreferences.targetTypes.${follow.targetType}`)} ·{' '}
              <Anchor component={Link} to={follow.link}>
                {follow.label}
              </Anchor>
            </Table.Td>
            <Table.Td data-label={t('notificationPreferences.state')}>
              <Group gap={4}>
                {follow.following ? (
                  <Badge variant="light">
                    {follow.automatic
                      ? t('notificationPreferences.automatic')
                      : t('notificationPreferences.following')}
                  </Badge>
                ) : null}
                {follow.muted ? (
                  <Badge variant="light" color="gray">
                    {t('notificationPreferences.muted')}
                  </Badge>
                ) : null}
              </Group>
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="wrap">
                <Button
                  size="compact-sm"
                  variant="default"
                  aria-label={t(
                    follow.following
                      ? 'notificationPreferences.unfollowLabel'
                      : 'notificationPreferences.followLabel',
                    { label: follow.label },
                  )}
                  onClick={() => act(follow, 'follows', !follow.following)}
                >
                  {follow.following
                    ? t('notificationPreferences.unfollow')
                    : t('notificationPreferences.follow')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="default"
                  aria-label={t(
                    follow.muted
                      ? 'notificationPreferences.unmuteLabel'
                      : 'notificationPreferences.muteLabel',
                    {
                      label: follow.label,
                    },
                  )}
                  onClick={() => act(follow, 'mutes', !follow.muted)}
                >
                  {follow.muted ? t('notificationPreferences.unmute') : t('notificationPreferences.mute')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </>
  );
}
