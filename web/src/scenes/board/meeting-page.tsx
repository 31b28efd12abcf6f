import { Anchor, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { BOARD_ITEM_KIND_LABELS } from '../../../../common/board/vocabulary.ts';
import { boardMeetingLifecycle } from '../../../../common/lifecycles/board-meeting.ts';
import { useFireMeetingTransition, useMeeting, useMeetingWrite } from '../../api/board.ts';
import { LifecyclePanel } from '../../components/lifecycle/lifecycle-panel.tsx';
import { MarkdownHtml } from '../../components/markdown.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { ListTable } from '../../components/tables.tsx';
import { useLabel } from '../../i18n/index.ts';
import { DecisionCard } from './board-labels.tsx';
import { DecisionForm, MinutesForm, ScheduleForm } from './meeting-editor.tsx';

export function MeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const query = useMeeting(id);
  const fire = useFireMeetingTransition(id);
  const write = useMeetingWrite(id);
  if (query.error) return <LoadFailure error={query.error} missing="page" />;
  const meeting = query.data;
  if (!meeting) return null;
  const decided = new Set(meeting.decisions.map((d) => d.item.id));
  return (
    <Stack gap="lg">
      <PageHeader
        title={meeting.title}
        intro={`${t('board.meetingPage.planned', { date: meeting.meetingOn })}${meeting.location ? ` ${t('board.meetingPage.place', { place: meeting.location })}` : ''}`}
      />
      <Paper withBorder p="md">
        <LifecyclePanel
          lifecycle={boardMeetingLifecycle.name}
          view={meeting.lifecycles.find((view) => view.lifecycle === boardMeetingLifecycle.name)}
          transitions={meeting.transitions}
          version={meeting.version}
          subject={meeting.title}
          fire={(body) => fire.mutateAsync({ id: meeting.id, body })}
          title={t('board.lifecycle')}
        />
      </Paper>
      <section aria-labelledby="meeting-agenda">
        <Title order={2} id="meeting-agenda" mb="sm">
          {t('board.items')}
        </Title>
        <ListTable
          caption={t('board.items')}
          columns={[t('board.item'), t('board.kind'), '']}
          minWidth={480}
          isEmpty={meeting.items.length === 0}
          stacked
        >
          {meeting.items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td data-label={t('board.item')}>
                <Anchor component={Link} to={`/instance/points/${item.id}`}>
                  {item.title}
                </Anchor>
              </Table.Td>
              <Table.Td data-label={t('board.kind')}>{label(BOARD_ITEM_KIND_LABELS[item.kind])}</Table.Td>
              <Table.Td>
                {meeting.may.manage && meeting.state === 'planned' ? (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => write.mutate({ unschedule: item.id })}
                    aria-label={`${t('board.unschedule')} : ${item.title}`}
                  >
                    {t('board.unschedule')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
        <ErrorAlert error={write.error} />
        {meeting.may.manage && meeting.state === 'planned' ? <ScheduleForm meeting={meeting} /> : null}
      </section>
      <section aria-labelledby="meeting-attendance">
        <Title order={2} id="meeting-attendance" mb="sm">
          {t('board.attendance')}
        </Title>
        {meeting.may.manage ? (
          <MinutesForm meeting={meeting} />
        ) : (
          <>
            <List size="sm">
              {meeting.attendance.map((person) => (
                <List.Item key={person}>{person}</List.Item>
              ))}
            </List>
            {meeting.minutes ? (
              <>
                <Title order={3} mt="md">
                  {t('board.minutes')}
                </Title>
                <MarkdownHtml html={meeting.minutesHtml} />
              </>
            ) : null}
          </>
        )}
      </section>
      <section aria-labelledby="meeting-decisions">
        <Title order={2} id="meeting-decisions" mb="sm">
          {t('board.decisions')}
        </Title>
        <Stack gap="sm">
          {meeting.decisions.length === 0 ? <Text size="sm">{t('board.noDecision')}</Text> : null}
          {meeting.decisions.map((decision) => (
            <Stack key={decision.id} gap={4}>
              <DecisionCard decision={decision} headingLevel={3} />
              {meeting.may.manage && meeting.state === 'held' ? (
                <Group>
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    onClick={() => write.mutate({ deleteDecision: decision.id })}
                  >
                    {t('board.removeDecision')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          ))}
          {meeting.may.manage && meeting.state === 'held'
            ? meeting.items
                .filter((item) => !decided.has(item.id))
                .map((item) => <DecisionForm key={item.id} meeting={meeting} item={item} />)
            : null}
        </Stack>
      </section>
    </Stack>
  );
}
