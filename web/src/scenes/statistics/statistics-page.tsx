import { Anchor, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type StatisticsPeriod, statisticsWorkbookUrl, useStatistics } from '../../api/statistics.ts';
import { ErrorAlert, PageHeader } from '../../components/page.tsx';
import { MonthlyFigure } from './statistics-figure.tsx';
import { CallsFigure, DurationsFigure, ProjectsFigure, SupportFigure } from './statistics-tables.tsx';

/** The portal's own statistics for the DDO and the governance board: charts, their tables, exports. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<StatisticsPeriod>({});
  const statistics = useStatistics(period);
  const data = statistics.data;
  const months = data?.months ?? [];
  return (
    <Stack gap="xl">
      <PageHeader
        title={t('statistics.title')}
        intro={
          <>
            {t('statistics.intro')}{' '}
            {data ? t('statistics.period', { from: months[0], to: months.at(-1) }) : null}
          </>
        }
        actions={
          data ? (
            <Anchor href={statisticsWorkbookUrl(months)} download>
              {t('statistics.exportAll')}
            </Anchor>
          ) : null
        }
      />
      <Group component="fieldset" aria-label={t('statistics.periodLegend')} style={{ border: 0, padding: 0 }}>
        <TextInput
          type="month"
          label={t('statistics.from')}
          value={period.from ?? months[0] ?? ''}
          onChange={(event) => setPeriod({ ...period, from: event.currentTarget.value || undefined })}
        />
        <TextInput
          type="month"
          label={t('statistics.to')}
          value={period.to ?? months.at(-1) ?? ''}
          onChange={(event) => setPeriod({ ...period, to: event.currentTarget.value || undefined })}
        />
      </Group>
      <ErrorAlert error={statistics.error} />
      {data ? (
        <>
          <MonthlyFigure
            statistics={data}
            figure="applications"
            field="applicationsDeclared"
            color="blue.7"
          />
          <MonthlyFigure statistics={data} figure="usages" field="usageDeclarations" color="teal.7" />
          <MonthlyFigure
            statistics={data}
            figure="redundancies"
            field="redundanciesResolved"
            color="grape.7"
          />
          <MonthlyFigure statistics={data} figure="deployments" field="storeDeployments" color="indigo.7" />
          <ProjectsFigure statistics={data} />
          <CallsFigure statistics={data} />
          <DurationsFigure statistics={data} />
          <SupportFigure statistics={data} />
        </>
      ) : null}
    </Stack>
  );
}
