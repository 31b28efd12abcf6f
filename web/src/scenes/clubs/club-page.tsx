import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClubDto } from '../../../../common/schemas/clubs.ts';
import { useClub, useClubWrite } from '../../api/clubs.ts';
import { useMe } from '../../api/queries.ts';
import { formatDateTime, formatDay } from '../../components/dates.ts';
import { FollowButton } from '../../components/follow-button.tsx';
import { MarkdownHtml } from '../../components/markdown.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { ErrorAlert, type Notice, PageHeader, StatusMessage } from '../../components/page.tsx';
import { useLanguage } from '../../i18n/index.ts';
import { MeetingForm, MinutesForm, PostForm } from './club-forms.tsx';
import { Wishes } from './club-wishes.tsx';

type Done = (message: string) => void;

function Members({ club, onDone }: { club: ClubDto; onDone: Done }) {
  const { t } = useTranslation();
  const write = useClubWrite(club.application.id);
  return (
    <Stack gap="sm" component="section" aria-labelledby="members-title">
      <Title order={2} size="h4" id="members-title">
        {t('clubs.members')}
      </Title>
      {club.members.length === 0 ? <Text c="dimmed">{t('clubs.noMember')}</Text> : null}
      <List spacing="xs">
        {club.members.map((member) => (
          <List.Item key={member.office.id}>
            <Group gap="xs">
              <Text fw={600}>{member.office.name}</Text>
              <Text size="sm">
                {t('clubs.contacts')} : {member.contacts.map((c) => c.displayName).join(', ') || '—'}
              </Text>
              {club.can.publish ? (
                <Button
                  size="xs"
                  variant="subtle"
                  color="red.9"
                  onClick={() =>
                    write.mutate(
                      { kind: 'leave', organisationId: member.office.id },
                      { onSuccess: () => onDone(t('clubs.memberRemoved', { office: member.office.name })) },
                    )
                  }
                >
                  {t('clubs.removeMember', { office: member.office.name })}
                </Button>
              ) : null}
            </Group>
          </List.Item>
        ))}
      </List>
      <ErrorAlert error={write.error} />
    </Stack>
  );
}

function News({ club, onDone }: { club: ClubDto; onDone: Done }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="sm" component="section" aria-labelledby="news-title">
      <Title order={2} size="h4" id="news-title">
        {t('clubs.news')}
      </Title>
      {club.can.publish ? <PostForm applicationId={club.application.id} onDone={onDone} /> : null}
      {club.posts.length === 0 ? <Text c="dimmed">{t('clubs.noNews')}</Text> : null}
      {club.posts.map((post) => (
        <Paper key={post.id} withBorder p="md" component="article" aria-labelledby={`post-${post.id}`}>
          <Title order={3} size="h5" id={`post-${post.id}`}>
            {post.title}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('clubs.postedBy', {
              author: post.author.displayName,
              date: formatDateTime(post.publishedAt, language),
            })}
          </Text>
          <MarkdownHtml html={post.html} />
        </Paper>
      ))}
    </Stack>
  );
}

function Meetings({ club, onDone }: { club: ClubDto; onDone: Done }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="sm" component="section" aria-labelledby="meetings-title">
      <Title order={2} size="h4" id="meetings-title">
        {t('clubs.meetings')}
      </Title>
      {club.can.publish ? <MeetingForm applicationId={club.application.id} onDone={onDone} /> : null}
      {club.meetings.length === 0 ? <Text c="dimmed">{t('clubs.noMeeting')}</Text> : null}
      {club.meetings.map((meeting) => (
        <Paper
          key={meeting.id}
          withBorder
          p="md"
          component="article"
          aria-labelledby={`meeting-${meeting.id}`}
        >
          <Title order={3} size="h5" id={`meeting-${meeting.id}`}>
            {meeting.title} — {formatDay(meeting.heldOn, language)}
          </Title>
          <MarkdownHtml html={meeting.agendaHtml} />
          <Text fw={600} mt="xs">
            {t('clubs.minutes')}
          </Text>
          {meeting.minutesHtml ? (
            <MarkdownHtml html={meeting.minutesHtml} />
          ) : (
            <Text c="dimmed">{t('clubs.noMinutes')}</Text>
          )}
          {club.can.publish ? (
            <MinutesForm
              key={meeting.version}
              applicationId={club.application.id}
              meeting={meeting}
              onDone={onDone}
            />
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}

/** The user club of an application (letter §2.2.1): members, wishes and votes, news, meetings. */
export function ClubPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useClub(id);
  const me = useMe().data;
  const write = useClubWrite(id);
  const [notice, setNotice] = useState<Notice | null>(null);
  const club = query.data;
  if (!club)
    return query.error ? (
      <LoadFailure error={query.error} missing="application" />
    ) : (
      <Text>{t('common.loading')}</Text>
    );
  const done = (text: string) => setNotice({ text });
  return (
    <Stack gap="xl">
      <div>
        <Anchor component={Link} to={`/catalogue/${id}`} size="sm">
          ← {t('clubs.back')}
        </Anchor>
        <PageHeader
          title={t('clubs.title', { name: club.application.name })}
          intro={t('clubs.intro', { designer: club.designerOffice.name })}
          actions={
            <Group gap="xs">
              {club.can.join ? (
                <Button
                  loading={write.isPending}
                  onClick={() => write.mutate({ kind: 'join' }, { onSuccess: () => done(t('clubs.joined')) })}
                >
                  {club.membership.member ? t('clubs.becomeContact') : t('clubs.join')}
                </Button>
              ) : null}
              {club.can.leave && me ? (
                <Button
                  variant="outline"
                  color="red.9"
                  onClick={() =>
                    write.mutate(
                      { kind: 'leave', organisationId: me.organisation.id },
                      { onSuccess: () => done(t('clubs.left')) },
                    )
                  }
                >
                  {t('clubs.leave')}
                </Button>
              ) : null}
              <FollowButton targetType="club" targetId={id} />
            </Group>
          }
        />
        <StatusMessage notice={notice} onClose={() => setNotice(null)} />
        <ErrorAlert error={write.error} />
        {club.application.archived ? <Alert color="gray">{t('clubs.archived')}</Alert> : null}
      </div>
      <Members club={club} onDone={done} />
      <Wishes club={club} onDone={done} />
      <News club={club} onDone={done} />
      <Meetings club={club} onDone={done} />
    </Stack>
  );
}
