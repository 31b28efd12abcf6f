import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CRITICALITY_LABELS } from '../../../../common/catalog/vocabulary.ts';
import type { EvaluationSummaryDto } from '../../../../common/schemas/evaluation.ts';
import { useLabel } from '../../i18n/index.ts';

/** What an evaluation stands at: grid version, progress, blocking items, maturity and criticality. */
export function EvaluationFigures({ evaluation }: { evaluation: EvaluationSummaryDto }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { progress, maturity, criticality } = evaluation;
  const validatedShare = progress.total === 0 ? 0 : Math.round((progress.validated / progress.total) * 100);
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('evaluation.grid', { grid: label(evaluation.grid.title), number: evaluation.grid.number })}
      </Text>
      {evaluation.grid.newerPublishedNumber ? (
        <Alert color="blue" p="xs">
          {t('evaluation.newerVersion', {
            number: evaluation.grid.newerPublishedNumber,
            current: evaluation.grid.number,
          })}
        </Alert>
      ) : null}
      <Text size="sm">{t('evaluation.progress', progress)}</Text>
      <Progress value={validatedShare} aria-label={t('evaluation.progressLabel')} size="lg" />
      <Text
        fw={600}
        c={evaluation.blockingItems.length > 0 ? 'red.9' : 'var(--mantine-color-green-light-color)'}
      >
        {t('evaluation.blocking', { count: evaluation.blockingItems.length })}
      </Text>
      <Group gap="lg">
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {t('evaluation.maturity', { level: maturity.level })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('evaluation.maturityShares', {
              mandatory: maturity.mandatoryMet,
              recommended: maturity.recommendedMet,
            })}
          </Text>
        </Stack>
        <Text size="sm" fw={600}>
          {criticality.class
            ? t('evaluation.criticality', { class: label(CRITICALITY_LABELS[criticality.class]) })
            : t('evaluation.criticalityPending')}
        </Text>
      </Group>
    </Stack>
  );
}
