import { Button, Group, NumberInput, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DECISION_OUTCOME_LABELS,
  DECISION_OUTCOMES,
  VOTE_MODE_LABELS,
  VOTE_MODES,
} from '../../../../common/board/vocabulary.ts';
import type { BoardItemDto, MeetingDto } from '../../../../common/schemas/board.ts';
import { useAgenda, useMeetingWrite } from '../../api/board.ts';
import { ErrorAlert } from '../../components/page.tsx';
import { useLabel } from '../../i18n/index.ts';

/** The forms of whoever runs the board on a meeting's page: agenda, attendance and minutes, decisions. */

export function ScheduleForm({ meeting }: { meeting: MeetingDto }) {
  const { t } = useTranslation();
  const agenda = useAgenda();
  const write = useMeetingWrite(meeting.id);
  const [itemId, setItemId] = useState<string | null>(null);
  const waiting = (agenda.data?.items ?? []).filter((item) => item.state === 'waiting');
  return (
    <Group align="end" gap="sm" mt="sm">
      <Select
        label={t('board.scheduleLabel')}
        data={waiting.map((item) => ({ value: item.id, label: item.title }))}
        value={itemId}
        onChange={setItemId}
        searchable
      />
      <Button
        disabled={!itemId}
        loading={write.isPending}
        onClick={() => itemId && write.mutate({ schedule: itemId }, { onSuccess: () => setItemId(null) })}
      >
        {t('board.schedule')}
      </Button>
    </Group>
  );
}

export function MinutesForm({ meeting }: { meeting: MeetingDto }) {
  const { t } = useTranslation();
  const write = useMeetingWrite(meeting.id);
  const [attendance, setAttendance] = useState(meeting.attendance.join('\n'));
  const [minutes, setMinutes] = useState(meeting.minutes);
  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        write.mutate({
          patch: {
            version: meeting.version,
            attendance: attendance
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
            minutes,
          },
        });
      }}
    >
      <Textarea
        label={t('board.attendance')}
        description={t('board.attendanceHelp')}
        value={attendance}
        onChange={(e) => setAttendance(e.currentTarget.value)}
        autosize
        minRows={3}
      />
      <Textarea
        label={t('board.minutes')}
        description={t('board.minutesHelp')}
        value={minutes}
        onChange={(e) => setMinutes(e.currentTarget.value)}
        autosize
        minRows={5}
      />
      <Group>
        <Button type="submit" loading={write.isPending}>
          {t('board.save')}
        </Button>
      </Group>
      <ErrorAlert error={write.error} />
    </Stack>
  );
}

export function DecisionForm({ meeting, item }: { meeting: MeetingDto; item: BoardItemDto }) {
  const { t } = useTranslation();
  const label = useLabel();
  const write = useMeetingWrite(meeting.id);
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  const [outcome, setOutcome] = useState<string | null>('approved');
  const [statement, setStatement] = useState('');
  const [rationale, setRationale] = useState('');
  const [voteMode, setVoteMode] = useState<string | null>('consensus');
  const [votes, setVotes] = useState({ votesFor: 0, votesAgainst: 0, votesAbstain: 0 });
  const titleId = `decide-${item.id}`;
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        write.mutate({
          decision: {
            itemId: item.id,
            question,
            options: options
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
            outcome: outcome as MeetingDto['decisions'][number]['outcome'],
            statement,
            rationale,
            voteMode: voteMode as 'vote' | 'consensus',
            ...(voteMode === 'vote' ? votes : {}),
          },
        });
      }}
    >
      <Title order={3} size="h5" id={titleId} mb="sm">
        {t('board.decisionFor', { title: item.title })}
      </Title>
      <Stack gap="sm">
        <TextInput
          label={t('board.question')}
          value={question}
          onChange={(e) => setQuestion(e.currentTarget.value)}
          required
        />
        <Textarea
          label={t('board.options')}
          value={options}
          onChange={(e) => setOptions(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Select
          label={t('board.outcome')}
          data={DECISION_OUTCOMES.map((value) => ({ value, label: label(DECISION_OUTCOME_LABELS[value]) }))}
          value={outcome}
          onChange={setOutcome}
          allowDeselect={false}
        />
        <Textarea
          label={t('board.statement')}
          value={statement}
          onChange={(e) => setStatement(e.currentTarget.value)}
          required
          autosize
          minRows={2}
        />
        <Textarea
          label={t('board.rationale')}
          value={rationale}
          onChange={(e) => setRationale(e.currentTarget.value)}
          required
          autosize
          minRows={2}
        />
        <Select
          label={t('board.voteMode')}
          data={VOTE_MODES.map((value) => ({ value, label: label(VOTE_MODE_LABELS[value]) }))}
          value={voteMode}
          onChange={setVoteMode}
          allowDeselect={false}
        />
        {voteMode === 'vote' ? (
          <Group gap="sm">
            {(['votesFor', 'votesAgainst', 'votesAbstain'] as const).map((field) => (
              <NumberInput
                key={field}
                label={t(`board.${field}`)}
                min={0}
                max={500}
                value={votes[field]}
                onChange={(value) => setVotes({ ...votes, [field]: Number(value) || 0 })}
                w={110}
              />
            ))}
          </Group>
        ) : null}
        <Group>
          <Button type="submit" loading={write.isPending}>
            {t('board.decide')}
          </Button>
        </Group>
        <ErrorAlert error={write.error} />
      </Stack>
    </Paper>
  );
}
