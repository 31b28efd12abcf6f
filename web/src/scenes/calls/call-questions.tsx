import { Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDto, CallQuestionDto } from '../../../../common/schemas/calls.ts';
import { useCallQuestion } from '../../api/calls.ts';
import { ApiError } from '../../api/client.ts';
import { formatDateTime } from '../../components/dates.ts';
import { useLanguage } from '../../i18n/index.ts';

function AnswerForm({ call, question }: { call: CallDto; question: CallQuestionDto }) {
  const { t } = useTranslation();
  const write = useCallQuestion(call.id);
  const [answer, setAnswer] = useState(question.answer ?? '');
  const problem = write.error instanceof ApiError ? write.error : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        write.mutate({ questionId: question.id, version: question.version, answer });
      }}
    >
      <Stack gap="xs" align="flex-start">
        <Textarea
          label={t('calls.answerLabel', { name: question.askedBy ?? question.office ?? '' })}
          value={answer}
          onChange={(e) => setAnswer(e.currentTarget.value)}
          error={problem?.fieldError('answer') ?? (problem ? problem.problem.detail : undefined)}
          autosize
          minRows={2}
          w="100%"
        />
        <Button type="submit" size="xs" loading={write.isPending}>
          {t('calls.saveAnswer')}
        </Button>
      </Stack>
    </form>
  );
}

/** The public questions of a call and their answers; offices ask while open, the issuer answers. */
export function CallQuestions({ call }: { call: CallDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ask = useCallQuestion(call.id);
  const [question, setQuestion] = useState('');
  const problem = ask.error instanceof ApiError ? ask.error : null;
  return (
    <section aria-labelledby="call-questions">
      <Title order={2} id="call-questions">
        {t('calls.questions')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('calls.questionsIntro')}
      </Text>
      <Stack gap="sm">
        {call.questions.length === 0 ? <Text>{t('calls.noQuestion')}</Text> : null}
        {call.questions.map((q) => (
          <Paper key={q.id} withBorder p="sm" component="article">
            <Text size="xs" c="dimmed">
              {t('calls.askedBy', {
                name: q.askedBy ?? '—',
                office: q.office ?? '—',
                date: formatDateTime(q.askedAt, language),
              })}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{q.question}</Text>
            {q.answer ? (
              <Paper bg="gray.0" p="xs" mt="xs">
                <Text size="sm" fw={600}>
                  {t('calls.answer')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {q.answer}
                </Text>
              </Paper>
            ) : (
              <Text size="sm" c="dimmed" mt="xs">
                {t('calls.notAnswered')}
              </Text>
            )}
            {call.may.answer ? <AnswerForm call={call} question={q} /> : null}
          </Paper>
        ))}
        {call.may.ask ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              ask.mutate({ question }, { onSuccess: () => setQuestion('') });
            }}
          >
            <Stack gap="xs" align="flex-start">
              <Textarea
                label={t('calls.question')}
                value={question}
                onChange={(e) => setQuestion(e.currentTarget.value)}
                error={problem?.fieldError('question') ?? (problem ? problem.problem.detail : undefined)}
                autosize
                minRows={2}
                w="100%"
              />
              <Button type="submit" loading={ask.isPending}>
                {t('calls.send')}
              </Button>
            </Stack>
          </form>
        ) : call.state === 'published' ? (
          <Text size="sm" c="dimmed">
            {t('calls.questionsClosed')}
          </Text>
        ) : null}
      </Stack>
    </section>
  );
}
