import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallDto } from '../../../../common/schemas/calls.ts';
import { useSimilar } from '../projects/use-similar.ts';
import type { ApplicationRef } from './applications-picker.tsx';

/**
 * What may already answer the call, found by its title and context (`POST /api/similar`): catalogue
 * applications — which the proposal can reuse in one click — and projects in progress.
 */
export function CallAnswers({
  call,
  reused,
  onReuse,
}: {
  call: CallDto;
  reused: readonly ApplicationRef[];
  onReuse: (application: ApplicationRef) => void;
}) {
  const { t } = useTranslation();
  const { items } = useSimilar(call.title, call.context, ['application', 'project']);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="call-answers" maw={960}>
      <Title order={2} size="h3" id="call-answers">
        {t('proposals.answers.title')}
      </Title>
      <Text size="sm" mb="sm">
        {items.length > 0 ? t('proposals.answers.intro') : t('proposals.answers.none')}
      </Text>
      <Stack component="ul" gap="sm" className="plain-list">
        {items.map((item) => {
          const taken = reused.some((a) => a.id === item.id);
          return (
            <li key={`${item.kind}-${item.id}`}>
              <Group gap="xs" wrap="wrap">
                <Anchor href={item.href} target="_blank" rel="noopener">
                  {item.title}
                </Anchor>
                <Text span size="sm" c="dimmed">
                  {t('similar.newTab')}
                </Text>
              </Group>
              <Text size="sm" c="dimmed">
                {t(`projectForm.similarKind.${item.kind}`)} — {item.office} ·{' '}
                {t('similar.likeness', { value: Math.round(item.score * 100) })}
              </Text>
              <Text size="sm">{item.summary}</Text>
              {item.kind === 'application' ? (
                <Button
                  size="compact-sm"
                  variant="default"
                  mt={4}
                  disabled={taken}
                  onClick={() => onReuse({ id: item.id, code: '', name: item.title })}
                >
                  {taken ? t('proposals.answers.reused') : t('proposals.answers.reuse')}
                  <span className="sr-only"> {item.title}</span>
                </Button>
              ) : null}
            </li>
          );
        })}
      </Stack>
    </Paper>
  );
}
