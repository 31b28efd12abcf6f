import {
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BOARD_ITEM_KIND_LABELS,
  BOARD_REQUEST_KINDS,
  type BoardRequestKind,
  EVOLUTION_TARGET_LABELS,
  EVOLUTION_TARGETS,
  type EvolutionTarget,
} from '../../../../common/board/vocabulary.ts';
import { useBoardItem, useSubmitRequest } from '../../api/board.ts';
import { ApiError } from '../../api/client.ts';
import { FollowButton } from '../../components/follow-button.tsx';
import { LoadFailure } from '../../components/not-found.tsx';
import { OfficesMultiSelect } from '../../components/office-select.tsx';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { FactTable } from '../../components/tables.tsx';
import { useLabel } from '../../i18n/index.ts';
import { DecisionCard, ItemStateBadge } from './board-labels.tsx';

/** Anyone asks the board for an evolution or an arbitration between offices, with a reason. */
export function RequestPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const navigate = useNavigate();
  const submit = useSubmitRequest();
  const [kind, setKind] = useState<BoardRequestKind>('evolution');
  const [title, setTitle] = useState('');
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState<EvolutionTarget | null>('portal');
  const [officeIds, setOfficeIds] = useState<string[]>([]);
  const fieldError = (field: string) =>
    submit.error instanceof ApiError
      ? submit.error.problem.errors?.find((e) => e.field === field)?.message
      : undefined;
  return (
    <Stack gap="lg">
      <PageHeader title={t('board.request.title')} intro={t('board.request.intro')} />
      <Paper
        withBorder
        p="md"
        component="form"
        aria-label={t('board.request.title')}
        onSubmit={(event) => {
          event.preventDefault();
          submit.mutate(
            {
              kind,
              title,
              reason,
              evolutionTarget: kind === 'evolution' ? target : null,
              officeIds: kind === 'arbitration' ? officeIds : [],
            },
            { onSuccess: (item) => void navigate({ to: `/instance/points/${item.id}` }) },
          );
        }}
      >
        <Stack gap="sm">
          <Text size="sm" fw={500} id="request-kind">
            {t('board.request.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="request-kind"
            value={kind}
            onChange={(value) => setKind(value as BoardRequestKind)}
            data={BOARD_REQUEST_KINDS.map((value) => ({
              value,
              label: label(BOARD_ITEM_KIND_LABELS[value]),
            }))}
          />
          <TextInput
            label={t('board.request.subject')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            error={fieldError('title')}
          />
          {kind === 'evolution' ? (
            <Select
              label={t('board.evolutionTarget')}
              data={EVOLUTION_TARGETS.map((value) => ({
                value,
                label: label(EVOLUTION_TARGET_LABELS[value]),
              }))}
              value={target}
              onChange={(value) => setTarget(value as EvolutionTarget | null)}
              error={fieldError('evolutionTarget')}
            />
          ) : (
            <OfficesMultiSelect
              label={t('board.request.offices')}
              value={officeIds}
              onChange={setOfficeIds}
              error={fieldError('officeIds')}
            />
          )}
          <Textarea
            label={t('board.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={4}
            error={fieldError('reason')}
          />
          <Group>
            <Button type="submit" loading={submit.isPending}>
              {t('board.request.send')}
            </Button>
          </Group>
          <ErrorAlert error={submit.error} />
        </Stack>
      </Paper>
    </Stack>
  );
}

/** An item submitted to the board: what it is about, where it stands, its decisions; followed from here. */
export function BoardItemPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const query = useBoardItem(id);
  if (query.error) return <LoadFailure error={query.error} missing="page" />;
  const item = query.data;
  if (!item) return null;
  const rows: [string, ReactNode][] = [
    [t('board.kind'), label(BOARD_ITEM_KIND_LABELS[item.kind])],
    [t('board.state'), <ItemStateBadge key="state" state={item.state} />],
    [t('board.submittedBy'), item.submittedBy ? `${item.submittedBy} (${item.office})` : item.office],
  ];
  if (item.evolutionTarget)
    rows.push([t('board.evolutionTarget'), label(EVOLUTION_TARGET_LABELS[item.evolutionTarget])]);
  if (item.offices.length > 0) rows.push([t('board.offices'), item.offices.join(', ')]);
  if (item.project) rows.push([t('board.project'), item.project.title]);
  if (item.directorate) rows.push([t('board.directorate'), item.directorate]);
  if (item.call) rows.push([t('board.call'), item.call.title]);
  if (item.agreement)
    rows.push([
      t('board.agreement'),
      <Anchor key="agreement" component={Link} to={`/conventions/${item.agreement.id}`}>
        {item.agreement.title}
      </Anchor>,
    ]);
  if (item.meeting) rows.push([t('board.meeting'), `${item.meeting.title} (${item.meeting.meetingOn})`]);
  return (
    <Stack gap="lg">
      <PageHeader title={item.title} actions={<FollowButton targetType="boardItem" targetId={item.id} />} />
      <Paper withBorder p="md">
        <FactTable rows={rows} />
      </Paper>
      <section aria-labelledby="item-reason">
        <Title order={2} id="item-reason">
          {t('board.reason')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{item.reason}</Text>
      </section>
      <section aria-labelledby="item-decisions">
        <Title order={2} id="item-decisions" mb="sm">
          {t('board.decisions')}
        </Title>
        {item.decisions.length === 0 ? <Text size="sm">{t('board.noDecision')}</Text> : null}
        <Stack gap="sm">
          {item.decisions.map((decision) => (
            <DecisionCard key={decision.id} decision={decision} headingLevel={3} />
          ))}
        </Stack>
      </section>
    </Stack>
  );
}
