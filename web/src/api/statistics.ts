import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StatisticsDto, StatisticsFigure } from '../../../common/schemas/statistics.ts';
import { api } from './client.ts';

export interface StatisticsPeriod {
  from?: string | undefined;
  to?: string | undefined;
}

const periodQuery = (period: StatisticsPeriod) =>
  new URLSearchParams(Object.entries(period).filter((entry): entry is [string, string] => Boolean(entry[1])));

/** The portal's statistics over a period (the last twelve months by default). */
export function useStatistics(period: StatisticsPeriod) {
  return useQuery({
    queryKey: ['statistics', period.from ?? '', period.to ?? ''],
    queryFn: () => api<StatisticsDto>('GET', `/api/statistics?${periodQuery(period)}`),
    placeholderData: keepPreviousData,
  });
}

/** Where the workbook of the same period is downloaded: every figure, or one. */
export function statisticsWorkbookUrl(months: string[], figure?: StatisticsFigure) {
  const query = periodQuery({ from: months[0], to: months.at(-1) });
  if (figure) query.set('figure', figure);
  return `/api/statistics.xlsx?${query}`;
}
