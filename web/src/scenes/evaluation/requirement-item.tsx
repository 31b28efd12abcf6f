import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANSWER_STATUSES,
  REVIEWER_LABELS,
  VERIFICATION_LABELS,
} from '../../../../common/evaluation/vocabulary.ts';
import type { EvaluationDto } from '../../../../common/schemas/evaluation.ts';
import { ApiError } from '../../api/client.ts';
import { useAnswer, useEvidence, useReview } from '../../api/evaluations.ts';
import { formatDateTime } from '../../components/dates.ts';
import { ErrorAlert, type Notice } from '../../components/page.tsx';
import { useLabel, useLanguage } from '../../i18n/index.ts';

type SectionDto = EvaluationDto['sections'][number];
type RequirementDto = SectionDto['requirements'][number];
const REVIEW_COLOR = { pending: 'yellow', validated: 'green', returned: 'red' } as const;

/** The answer form: a status, a comment (required when not applicable), links; an existing answer is edited at its version. */
function AnswerForm({
  evaluationId,
  requirement,
  onDone,
  onCancel,
}: {
  evaluationId: string;
  requirement: RequirementDto;
  onDone: (notice: Notice) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useAnswer();
  const current = requirement.answer;
  const [status, setStatus] = useState(current?.status ?? '');
  const [reason, setReason] = useState(current?.reason ?? '');
  const [links, setLinks] = useState((current?.links ?? []).join('\n'));
  const problem = save.error instanceof ApiError ? save.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        id: evaluationId,
        code: requirement.code,
        answer: {
          status,
          reason: reason.trim() || null,
          links: links
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
          version: current?.version,
        },
      },
      { onSuccess: () => onDone({ text: t('evaluation.answered', { code: requirement.code }) }) },
    );
  };
  const linkError = problem?.problem.errors?.find((e) => e.field.startsWith('links'))?.message;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {problem && !problem.problem.errors ? <ErrorAlert error={problem} /> : null}
        <Radio.Group
          label={t('evaluation.answerLegend', { code: requirement.code })}
          value={status}
          onChange={setStatus}
          error={problem?.fieldError('status')}
          required
        >
          <Group mt="xs" gap="md">
            {ANSWER_STATUSES.map((value) => (
              <Radio key={value} value={value} label={t(`evaluation.statuses.${value}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('evaluation.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={problem?.fieldError('reason')}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('evaluation.links')}
          value={links}
          onChange={(e) => setLinks(e.currentTarget.value)}
          error={linkError}
          autosize
          minRows={1}
        />
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!status}>
            {t('evaluation.saveAnswer')}
            <span className="sr-only"> {requirement.code}</span>
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('grids.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The section's reviewer validates, or returns with a comment. */
function ReviewActions({
  evaluationId,
  requirement,
  onDone,
}: {
  evaluationId: string;
  requirement: RequirementDto;
  onDone: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const review = useReview();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const answer = requirement.answer;
  if (!answer) return null;
  const decide = (decision: 'validate' | 'return') =>
    review.mutate(
      { id: evaluationId, code: requirement.code, version: answer.version, decision, comment },
      {
        onSuccess: () => {
          setReturning(false);
          onDone({
            text: t(decision === 'validate' ? 'evaluation.validated' : 'evaluation.returnedDone', {
              code: requirement.code,
            }),
          });
        },
      },
    );
  const problem = review.error instanceof ApiError ? review.error : null;
  return (
    <Stack gap="xs">
      {problem && !problem.problem.errors ? <ErrorAlert error={problem} /> : null}
      {returning ? (
        <>
          <Textarea
            label={t('evaluation.returnComment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={problem?.fieldError('comment')}
            autosize
            minRows={2}
            required
          />
          <Group>
            <Button
              color="red.9"
              variant="outline"
              onClick={() => decide('return')}
              loading={review.isPending}
            >
              {t('evaluation.confirmReturn')}
              <span className="sr-only"> {requirement.code}</span>
            </Button>
            <Button variant="default" onClick={() => setReturning(false)}>
              {t('grids.cancel')}
            </Button>
          </Group>
        </>
      ) : (
        <Group>
          {answer.review !== 'validated' ? (
            <Button size="xs" onClick={() => decide('validate')} loading={review.isPending}>
              {t('evaluation.validate')}
              <span className="sr-only"> {requirement.code}</span>
            </Button>
          ) : null}
          {answer.review !== 'returned' ? (
            <Button size="xs" variant="outline" color="red.9" onClick={() => setReturning(true)}>
              {t('evaluation.return')}
              <span className="sr-only"> {requirement.code}</span>
            </Button>
          ) : null}
        </Group>
      )}
    </Stack>
  );
}

/** Evidence files of an answer: listed for everyone, added and removed by its answerers. */
function Evidence({
  evaluationId,
  requirement,
  mayEdit,
}: {
  evaluationId: string;
  requirement: RequirementDto;
  mayEdit: boolean;
}) {
  const { t } = useTranslation();
  const evidence = useEvidence(evaluationId, requirement.code);
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const files = requirement.answer?.evidence ?? [];
  const problem = evidence.upload.error instanceof ApiError ? evidence.upload.error : null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('evaluation.evidence')}
      </Text>
      {files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('evaluation.noEvidence')}
        </Text>
      ) : null}
      {files.map((f) => (
        <Group key={f.id} gap="xs">
          <Anchor size="sm" href={evidence.urlOf(f.id)}>
            {f.fileName} ({Math.ceil(f.size / 1024)} Ko)
          </Anchor>
          {mayEdit ? (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red.9"
              onClick={() => evidence.remove.mutate(f.id)}
            >
              {t('sheet.remove')}
              <span className="sr-only"> {f.fileName}</span>
            </Button>
          ) : null}
        </Group>
      ))}
      {mayEdit && requirement.answer ? (
        <Group align="flex-end" wrap="wrap">
          <TextInput
            key={inputKey}
            label={t('sheet.file')}
            description={t('sheet.fileHelp')}
            type="file"
            accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,image/*"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            error={problem?.fieldError('file') ?? (problem ? problem.problem.detail : undefined)}
          />
          <Button
            variant="light"
            disabled={!file}
            loading={evidence.upload.isPending}
            onClick={() =>
              file &&
              evidence.upload.mutate(
                { kind: 'document', file },
                {
                  onSuccess: () => {
                    setFile(null);
                    setInputKey((k) => k + 1);
                  },
                },
              )
            }
          >
            {t('sheet.upload')}
            <span className="sr-only"> {requirement.code}</span>
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** One requirement of the checklist: what it asks, the answer and its review, and what the reader may do. */
export function RequirementItem({
  evaluation,
  section,
  requirement,
  onDone,
}: {
  evaluation: EvaluationDto;
  section: SectionDto;
  requirement: RequirementDto;
  onDone: (notice: Notice) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const language = useLanguage();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const answer = requirement.answer;
  const mayAnswer = evaluation.can.answer;
  const done = (notice: Notice) => {
    setEditing(false);
    onDone(notice);
  };
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Title order={3} size="h5" id={headingId}>
            {requirement.code}
          </Title>
          <Group gap={4}>
            <Badge variant="outline" color={requirement.level === 'mandatory' ? 'dark' : 'gray'}>
              {t(`evaluation.level.${requirement.level}`)}
            </Badge>
            {answer ? (
              <Badge variant="light" color={REVIEW_COLOR[answer.review]}>
                {t(`evaluation.review.${answer.review}`)}
              </Badge>
            ) : null}
          </Group>
        </Group>
        <Text size="sm">{requirement.text}</Text>
        <Text size="sm" c="dimmed">
          {t('evaluation.evidenceExpected', { text: requirement.evidence })} ·{' '}
          {t('evaluation.verification', { method: label(VERIFICATION_LABELS[requirement.verification]) })}
        </Text>
        {answer && !editing ? (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t(`evaluation.statuses.${answer.status}`)}
            </Text>
            {answer.reason ? (
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {answer.reason}
              </Text>
            ) : null}
            {answer.links.map((link) => (
              <Anchor key={link} size="sm" href={link} rel="noopener noreferrer">
                {link}
              </Anchor>
            ))}
            <Text size="xs" c="dimmed">
              {t('evaluation.answeredBy', {
                name: answer.answeredBy ?? '—',
                date: formatDateTime(answer.answeredAt, language),
              })}
            </Text>
            {answer.reviewedAt ? (
              <Text size="xs" c="dimmed">
                {t('evaluation.reviewedBy', {
                  state: t(`evaluation.review.${answer.review}`),
                  name: answer.reviewedBy ?? label(REVIEWER_LABELS[section.reviewer]),
                  date: formatDateTime(answer.reviewedAt, language),
                })}
              </Text>
            ) : null}
            {answer.reviewComment ? (
              <Text size="sm" c={answer.review === 'returned' ? 'red.9' : undefined}>
                « {answer.reviewComment} »
              </Text>
            ) : null}
          </Stack>
        ) : null}
        {!answer && !editing ? (
          <Text size="sm" c="dimmed">
            {t('evaluation.unanswered')}
          </Text>
        ) : null}
        {mayAnswer && editing ? (
          <AnswerForm
            evaluationId={evaluation.id}
            requirement={requirement}
            onDone={done}
            onCancel={() => setEditing(false)}
          />
        ) : null}
        {mayAnswer && !editing ? (
          <Button
            size="xs"
            variant={answer ? 'default' : 'light'}
            w="fit-content"
            onClick={() => setEditing(true)}
          >
            {t(answer ? 'evaluation.editAnswer' : 'evaluation.answer')}
            <span className="sr-only"> {requirement.code}</span>
          </Button>
        ) : null}
        {section.canReview && answer && !editing ? (
          <ReviewActions evaluationId={evaluation.id} requirement={requirement} onDone={onDone} />
        ) : null}
        {answer ? (
          <Evidence evaluationId={evaluation.id} requirement={requirement} mayEdit={mayAnswer} />
        ) : null}
      </Stack>
    </Paper>
  );
}
