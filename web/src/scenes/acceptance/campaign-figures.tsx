import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportFigures } from '../../../../common/schemas/acceptance.ts';

/** Coverage and pass rate as two labelled bars, with the anomalies by severity. */
export function CampaignFigures({ figures, compact = false }: { figures: ReportFigures; compact?: boolean }) {
  const { t } = useTranslation();
  const bar = (label: string, value: number, text: string, color: string) => (
    <Stack gap={2}>
      <Text size="sm">
        {label} : {text}
      </Text>
      <Progress value={value} color={color} size={compact ? 'sm' : 'lg'} aria-label={`${label} : ${text}`} />
    </Stack>
  );
  return (
    <Stack gap="xs">
      {bar(
        t('acceptance.coverage'),
        figures.coverage,
        t('acceptance.coverageValue', {
          executed: figures.executed,
          cases: figures.cases,
          value: figures.coverage,
        }),
        'blue.8',
      )}
      {bar(
        t('acceptance.passRate'),
        figures.passRate,
        t('acceptance.passRateValue', {
          passed: figures.passed,
          executed: figures.executed,
          value: figures.passRate,
        }),
        'green.9',
      )}
      {compact ? null : <Text size="sm">{t('acceptance.anomaliesCount', figures.anomalies)}</Text>}
    </Stack>
  );
}
