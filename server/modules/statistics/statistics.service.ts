import type { StatisticsExportQuery, StatisticsQuery } from '../../../common/schemas/statistics.ts';
import { SUPPORT_TARGET_WORKING_DAYS } from '../../../common/schemas/statistics.ts';
import { requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { currentMonth } from '../compensation/effort.service.ts';
import { writeGridWorkbook } from '../evaluation/grid-xlsx.files.ts';
import { monthsBetween } from '../hosting/hosting.costs.ts';
import {
  callFigures,
  monthlyCounts,
  type Period,
  projectsByTrackAndPhase,
  stateDurations,
  supportTargets,
} from './statistics.queries.ts';
import { buildStatistics, statisticsSheets } from './statistics.report.ts';

/** At most five years in one view: a month a line, each series computed over the whole period. */
const MAX_MONTHS = 60;

const invalid = (field: string, message: string) =>
  new AppError('badRequest', message, { errors: [{ field, message }] });

/** The period asked: both months given, or the twelve months up to `to` (this month by default). */
export function statisticsPeriod(query: StatisticsQuery, now: Date): Period {
  const to = query.to ?? currentMonth(now);
  const [year, month] = to.split('-').map(Number) as [number, number];
  const from = query.from ?? `${month === 12 ? year : year - 1}-${String((month % 12) + 1).padStart(2, '0')}`;
  if (from > to) throw invalid('from', 'Le premier mois vient après le dernier : inversez-les.');
  if (monthsBetween(from, to).length > MAX_MONTHS)
    throw invalid('from', `La période couvre ${MAX_MONTHS} mois au plus : rapprochez le premier mois.`);
  return { from, to };
}

/** The dashboard's figures over the period (the projects by track and phase: today's). */
export async function getStatistics(
  ctx: ServiceContext,
  authorizer: Authorizer,
  query: StatisticsQuery,
  now: Date,
) {
  authorizer.authorize(requireActor(ctx), 'statistics.read');
  const period = statisticsPeriod(query, now);
  const [monthly, projects, calls, durations, support] = await Promise.all([
    monthlyCounts(ctx.db, period),
    projectsByTrackAndPhase(ctx.db),
    callFigures(ctx.db, period),
    stateDurations(ctx.db, period),
    supportTargets(ctx.db, period, SUPPORT_TARGET_WORKING_DAYS, now),
  ]);
  return buildStatistics({
    months: monthsBetween(period.from, period.to),
    monthly,
    projects,
    calls,
    durations,
    support,
  });
}

/** The same figures as a workbook: one sheet a figure, or the one asked. */
export async function statisticsWorkbook(
  ctx: ServiceContext,
  authorizer: Authorizer,
  query: StatisticsExportQuery,
  now: Date,
) {
  const statistics = await getStatistics(ctx, authorizer, query, now);
  const sheets = statisticsSheets(statistics, query.figure);
  return { months: statistics.months, body: await writeGridWorkbook(sheets) };
}
