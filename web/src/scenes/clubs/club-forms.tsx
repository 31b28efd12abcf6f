import { Button, Group, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClubMeetingDto } from '../../../../common/schemas/clubs.ts';
import { ApiError } from '../../api/client.ts';
import { useClubWrite } from '../../api/clubs.ts';
import { ErrorAlert } from '../../components/page.tsx';

export const fieldError = (error: unknown, field: string) =>
  error instanceof ApiError ? error.fieldError(field) : undefined;

type Done = (message: string) => void;

/** The designer office publishes a news post (Markdown). */
export function PostForm({ applicationId, onDone }: { applicationId: string; onDone: Done }) {
  const { t } = useTranslation();
  const write = useClubWrite(applicationId);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const send = (event: FormEvent) => {
    event.preventDefault();
    write.mutate(
      { kind: 'post', body: { title, body } },
      {
        onSuccess: () => {
          setTitle('');
          setBody('');
          onDone(t('clubs.published'));
        },
      },
    );
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={send} noValidate aria-labelledby="new-post-title">
        <Stack gap="xs">
          <Title order={3} size="h5" id="new-post-title">
            {t('clubs.newPost')}
          </Title>
          <TextInput
            label={t('clubs.postTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError(write.error, 'title')}
          />
          <Textarea
            label={t('clubs.postBody')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            autosize
            minRows={3}
            error={fieldError(write.error, 'body')}
          />
          <Group>
            <Button type="submit" loading={write.isPending}>
              {t('clubs.publish')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The designer office schedules a meeting: its date and agenda. */
export function MeetingForm({ applicationId, onDone }: { applicationId: string; onDone: Done }) {
  const { t } = useTranslation();
  const write = useClubWrite(applicationId);
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [agenda, setAgenda] = useState('');
  const send = (event: FormEvent) => {
    event.preventDefault();
    write.mutate(
      { kind: 'meeting', body: { title, heldOn, agenda } },
      {
        onSuccess: () => {
          setTitle('');
          setHeldOn('');
          setAgenda('');
          onDone(t('clubs.scheduled'));
        },
      },
    );
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={send} noValidate aria-labelledby="new-meeting-title">
        <Stack gap="xs">
          <Title order={3} size="h5" id="new-meeting-title">
            {t('clubs.newMeeting')}
          </Title>
          <TextInput
            label={t('clubs.meetingTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError(write.error, 'title')}
          />
          <TextInput
            type="date"
            label={t('clubs.meetingDate')}
            value={heldOn}
            onChange={(e) => setHeldOn(e.currentTarget.value)}
            error={fieldError(write.error, 'heldOn')}
          />
          <Textarea
            label={t('clubs.agenda')}
            value={agenda}
            onChange={(e) => setAgenda(e.currentTarget.value)}
            autosize
            minRows={3}
            error={fieldError(write.error, 'agenda')}
          />
          <Group>
            <Button type="submit" loading={write.isPending}>
              {t('clubs.schedule')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The minutes of a meeting, written (or rewritten) by the designer office at the version read. */
export function MinutesForm({
  applicationId,
  meeting,
  onDone,
}: {
  applicationId: string;
  meeting: ClubMeetingDto;
  onDone: Done;
}) {
  const { t } = useTranslation();
  const write = useClubWrite(applicationId);
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const send = (event: FormEvent) => {
    event.preventDefault();
    write.mutate(
      { kind: 'minutes', meetingId: meeting.id, minutes, version: meeting.version },
      { onSuccess: () => onDone(t('clubs.minutesSaved')) },
    );
  };
  return (
    <form onSubmit={send} noValidate>
      <Stack gap="xs">
        <Textarea
          label={`${t('clubs.writeMinutes')} — ${meeting.title}`}
          value={minutes}
          onChange={(e) => setMinutes(e.currentTarget.value)}
          autosize
          minRows={2}
          error={fieldError(write.error, 'minutes')}
        />
        <Group>
          <Button type="submit" size="xs" variant="light" loading={write.isPending}>
            {t('clubs.saveMinutes')}
          </Button>
        </Group>
        <ErrorAlert error={write.isError && !fieldError(write.error, 'minutes') ? write.error : null} />
      </Stack>
    </form>
  );
}
