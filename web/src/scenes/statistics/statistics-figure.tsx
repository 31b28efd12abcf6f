import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatisticsDto, StatisticsFigure } from '../../../../common/schemas/statistics.ts';
import { statisticsWorkbookUrl } from '../../api/statistics.ts';
import { ListTable } from '../../components/tables.tsx';

/** The palette of the charts (shades dark enough for AA contrast against white). */
export const CHART_COLORS = ['blue.7', 'teal.7', 'grape.7', 'orange.8', 'indigo.7', 'red.8', 'cyan.8'];

/**
 * One figure of the dashboard: its heading, what it counts, the chart, the table with the same figures
 * (the table is what a screen reader reads best), and its export.
 */
export function Figure({
  figure,
  title,
  help,
  months,
  chart,
  children,
}: {
  figure: StatisticsFigure;
  title: string;
  help: string;
  months: string[];
  chart: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const id = `figure-${figure}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      <Text size="sm">{help}</Text>
      {chart}
      {children}
      <Anchor href={statisticsWorkbookUrl(months, figure)} download size="sm">
        {t('statistics.exportFigure', { title })}
      </Anchor>
    </Stack>
  );
}

/** The table of a figure: a row per line, the first cell naming it (a card's title once stacked at 390 px). */
export function FigureTable({
  caption,
  columns,
  rows,
  minWidth,
}: {
  caption: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
  minWidth: number;
}) {
  return (
    <ListTable caption={caption} columns={columns} minWidth={minWidth} isEmpty={rows.length === 0} stacked>
      {rows.map((row) => (
        <Table.Tr key={row.key}>
          {row.cells.map((cell, i) => (
            <Table.Td key={columns[i]} data-label={i === 0 ? undefined : columns[i]}>
              {cell}
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </ListTable>
  );
}

type MonthlyField = Exclude<keyof StatisticsDto['monthly'][number], 'month'>;

/** A count month by month: a bar a month, and the table of the months. */
export function MonthlyFigure({
  statistics,
  figure,
  field,
  color,
}: {
  statistics: StatisticsDto;
  figure: StatisticsFigure;
  field: MonthlyField;
  color: string;
}) {
  const { t } = useTranslation();
  const title = t(`statistics.${figure}`);
  return (
    <Figure
      figure={figure}
      title={title}
      help={t(`statistics.${figure}Help`)}
      months={statistics.months}
      chart={
        <BarChart
          h={200}
          data={statistics.monthly}
          dataKey="month"
          series={[{ name: field, label: title, color }]}
        />
      }
    >
      <FigureTable
        caption={title}
        columns={[t('statistics.month'), t('statistics.count')]}
        minWidth={240}
        rows={statistics.monthly.map((m) => ({ key: m.month, cells: [m.month, m[field]] }))}
      />
    </Figure>
  );
}
