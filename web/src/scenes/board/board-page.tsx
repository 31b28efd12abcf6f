import { Anchor, Button, Group, Paper, Stack, Table, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOARD_ITEM_KIND_LABELS, MEETING_STATE_LABELS } from '../../../../common/board/vocabulary.ts';
import { useAgenda, useCreateMeeting, useMeetings } from '../../api/board.ts';
import { can, useMe } from '../../api/queries.ts';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLabel } from '../../i18n/index.ts';
import { ItemStateBadge } from './board-labels.tsx';

/** The board's meetings can be planned from here by whoever runs it. */
function NewMeeting() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const [title, setTitle] = useState('');
  const [meetingOn, setMeetingOn] = useState('');
  const [location, setLocation] = useState('');
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      aria-labelledby="new-meeting"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          { title, meetingOn, ...(location ? { location } : {}) },
          { onSuccess: (meeting) => void navigate({ to: `/instance/seances/${meeting.id}` }) },
        );
      }}
    >
      <Title order={2} size="h4" id="new-meeting" mb="sm">
        {t('board.newMeeting')}
      </Title>
      <Group align="end" gap="sm" wrap="wrap">
        <TextInput
          label={t('board.meetingTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
        />
        <TextInput
          type="date"
          label={t('board.meetingOn')}
          value={meetingOn}
          onChange={(e) => setMeetingOn(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t('board.location')}
          value={location}
          onChange={(e) => setLocation(e.currentTarget.value)}
        />
        <Button type="submit" loading={create.isPending}>
          {t('board.plan')}
        </Button>
      </Group>
      <ErrorAlert error={create.error} />
    </Paper>
  );
}

export function BoardPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const { data: me } = useMe();
  const agenda = useAgenda();
  const meetings = useMeetings();
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('board.title')}
        intro={t('board.intro')}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/instance/demande">
              {t('board.submit')}
            </Button>
            <Button component={Link} to="/instance/decisions" variant="default">
              {t('board.navLog')}
            </Button>
          </Group>
        }
      />
      <section aria-labelledby="board-agenda">
        <Title order={2} id="board-agenda" mb="sm">
          {t('board.agenda')}
        </Title>
        <ErrorAlert error={agenda.error} />
        <ListTable
          caption={t('board.agenda')}
          columns={[t('board.item'), t('board.kind'), t('board.state'), t('board.submittedBy')]}
          minWidth={640}
          isEmpty={agenda.data?.items.length === 0}
          stacked
        >
          {agenda.data?.items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td data-label={t('board.item')}>
                <Anchor component={Link} to={`/instance/points/${item.id}`}>
                  {item.title}
                </Anchor>
              </Table.Td>
              <Table.Td data-label={t('board.kind')}>{label(BOARD_ITEM_KIND_LABELS[item.kind])}</Table.Td>
              <Table.Td data-label={t('board.state')}>
                <ItemStateBadge state={item.state} />
                {item.meeting ? ` ${item.meeting.title}` : ''}
              </Table.Td>
              <Table.Td data-label={t('board.submittedBy')}>
                {item.submittedBy ? `${item.submittedBy} (${item.office})` : item.office}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </section>
      <section aria-labelledby="board-meetings">
        <Title order={2} id="board-meetings" mb="sm">
          {t('board.meetings')}
        </Title>
        <ErrorAlert error={meetings.error} />
        <ListTable
          caption={t('board.meetings')}
          columns={[t('board.meeting'), t('board.meetingOn'), t('board.state'), t('board.items')]}
          minWidth={560}
          isEmpty={meetings.data?.items.length === 0}
          stacked
        >
          {meetings.data?.items.map((meeting) => (
            <Table.Tr key={meeting.id}>
              <Table.Td data-label={t('board.meeting')}>
                <Anchor component={Link} to={`/instance/seances/${meeting.id}`}>
                  {meeting.title}
                </Anchor>
              </Table.Td>
              <Table.Td data-label={t('board.meetingOn')}>{meeting.meetingOn}</Table.Td>
              <Table.Td data-label={t('board.state')}>{label(MEETING_STATE_LABELS[meeting.state])}</Table.Td>
              <Table.Td data-label={t('board.items')}>
                {t('board.itemCount', { count: meeting.itemCount })}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </section>
      {can(me, 'board.manage') ? <NewMeeting /> : null}
    </Stack>
  );
}
