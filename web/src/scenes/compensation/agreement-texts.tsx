import { Box, Button, Code, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffLines } from '../../../../common/compensation/text-diff.ts';
import type { AgreementDto } from '../../../../common/schemas/agreements.ts';
import { useAgreementWrite } from '../../api/compensation.ts';
import { formatDateTime } from '../../components/dates.ts';
import { useLanguage } from '../../i18n/index.ts';
import { ProblemList } from './problem-list.tsx';

const MARK = { same: ' ', added: '+', removed: '−' } as const;
// Darker than the palette's 9th shade: the code block's grey background needs them for AA contrast.

/** The versions of the text, the difference between two of them, the comments and the forms of the negotiation. */
export function AgreementTexts({ agreement }: { agreement: AgreementDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const write = useAgreementWrite(agreement.id);
  const numbers = agreement.texts.map((x) => String(x.number));
  const last = agreement.texts.at(-1);
  const [from, setFrom] = useState(numbers.at(-2) ?? numbers[0] ?? '1');
  const [to, setTo] = useState(numbers.at(-1) ?? '1');
  const [draft, setDraft] = useState(last?.body ?? '');
  const [comment, setComment] = useState('');
  const textOf = (n: string) => agreement.texts.find((x) => String(x.number) === n)?.body ?? '';
  const diff = diffLines(textOf(from), textOf(to));
  return (
    <section aria-labelledby="agreement-texts">
      <Stack gap="md">
        <Title order={2} id="agreement-texts">
          {t('agreements.texts')}
        </Title>
        {last ? (
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed" mb="xs">
              {t('agreements.versionBy', {
                number: last.number,
                author: last.author?.displayName ?? '—',
                date: formatDateTime(last.createdAt, language),
              })}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{last.body}</Text>
          </Paper>
        ) : null}
        {agreement.texts.length > 1 ? (
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="xs">
              {t('agreements.diff')}
            </Title>
            <Group mb="sm">
              <Select
                label={t('agreements.from')}
                data={numbers}
                value={from}
                onChange={(v) => v && setFrom(v)}
                w={140}
                allowDeselect={false}
              />
              <Select
                label={t('agreements.to')}
                data={numbers}
                value={to}
                onChange={(v) => v && setTo(v)}
                w={140}
                allowDeselect={false}
              />
            </Group>
            <Code block aria-label={t('agreements.diff')} tabIndex={0}>
              {diff.map((line, i) => (
                <Box
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines of a diff have no identity but their place
                  key={i}
                  component={line.kind === 'added' ? 'ins' : line.kind === 'removed' ? 'del' : 'span'}
                  display="block"
                  c={line.kind === 'added' ? '#14532d' : line.kind === 'removed' ? '#7f1d1d' : undefined}
                  title={
                    line.kind === 'added'
                      ? t('agreements.added')
                      : line.kind === 'removed'
                        ? t('agreements.removed')
                        : undefined
                  }
                >
                  {`${MARK[line.kind]} ${line.text}`}
                </Box>
              ))}
            </Code>
          </Paper>
        ) : null}
        <Title order={3} size="h4">
          {t('agreements.comments')}
        </Title>
        {agreement.comments.length === 0 ? <Text size="sm">{t('agreements.noComment')}</Text> : null}
        {agreement.comments.map((c) => (
          <Paper withBorder p="sm" key={c.id}>
            <Text size="sm" c="dimmed">
              {t('agreements.commentOn', { number: c.textNumber })} — {c.author?.displayName ?? '—'} (
              {c.office?.code ?? '—'}), {formatDateTime(c.createdAt, language)}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{c.body}</Text>
          </Paper>
        ))}
        {agreement.may.negotiate ? (
          <>
            <ProblemList error={write.comment.error} />
            {last ? (
              <Group align="flex-end">
                <Textarea
                  label={t('agreements.commentLabel')}
                  value={comment}
                  onChange={(e) => setComment(e.currentTarget.value)}
                  autosize
                  minRows={2}
                  style={{ flex: 1 }}
                />
                <Button
                  variant="default"
                  loading={write.comment.isPending}
                  onClick={() =>
                    write.comment.mutate(
                      { textNumber: last.number, body: comment },
                      { onSuccess: () => setComment('') },
                    )
                  }
                >
                  {t('agreements.submitComment')}
                </Button>
              </Group>
            ) : null}
            <ProblemList error={write.proposeText.error} />
            <Textarea
              label={t('agreements.textLabel')}
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              autosize
              minRows={5}
            />
            <Button
              w="fit-content"
              loading={write.proposeText.isPending}
              onClick={() => write.proposeText.mutate(draft)}
            >
              {t('agreements.submitText')}
            </Button>
          </>
        ) : null}
      </Stack>
    </section>
  );
}
