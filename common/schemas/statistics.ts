import { z } from 'zod';
import { CALL_SCOPES, CALL_STATES } from '../calls/vocabulary.ts';
import { PROJECT_PHASES } from '../projects.ts';
import { PROJECT_TRACKS } from '../tracks.ts';
import { month } from './effort.ts';

/** The portal's own statistics for the DDO and the governance board (server/modules/statistics/). */

/** The figures of the dashboard: each is one chart, one table and one sheet of the export. */
export const STATISTICS_FIGURES = [
  'applications',
  'usages',
  'redundancies',
  'deployments',
  'projects',
  'calls',
  'durations',
  'support',
] as const;
export type StatisticsFigure = (typeof STATISTICS_FIGURES)[number];

/** The lifecycles whose time in each state is measured. */
export const MEASURED_LIFECYCLES = ['project', 'deploymentRequest', 'acceptanceCampaign'] as const;
export type MeasuredLifecycle = (typeof MEASURED_LIFECYCLES)[number];

/** Support's service target: a first answer within this many working days (Monday to Friday). */
export const SUPPORT_TARGET_WORKING_DAYS = 2;

// ——— Inputs ———

export const statisticsQuerySchema = z.object({
  /** The first and last months (AAAA-MM, Paris); by default the twelve months up to this one. */
  from: month('Le premier mois').optional(),
  to: month('Le dernier mois').optional(),
});
export type StatisticsQuery = z.infer<typeof statisticsQuerySchema>;

export const statisticsExportQuerySchema = statisticsQuerySchema.extend({
  /** One figure only (one sheet); all of them by default. */
  figure: z
    .enum(STATISTICS_FIGURES, {
      error: `La figure vaut ${STATISTICS_FIGURES.join(', ')}.`,
    })
    .optional(),
});
export type StatisticsExportQuery = z.infer<typeof statisticsExportQuerySchema>;

// ——— Outputs ———

const count = z.number().int();
const label = z.object({ fr: z.string(), en: z.string() });

export const statisticsSchema = z
  .object({
    months: z.array(z.string()),
    /** One line a month of the period (months without anything at 0). */
    monthly: z.array(
      z.object({
        month: z.string(),
        /** Sheets created in the catalogue that month. */
        applicationsDeclared: count,
        /** Offices' usage declarations made that month. */
        usageDeclarations: count,
        /** Sheets retired in favour of a shared application that month. */
        redundanciesResolved: count,
        /** Store deployment requests that became available that month. */
        storeDeployments: count,
      }),
    ),
    /** Projects today, by track and phase (not bound to the period). */
    projects: z.array(z.object({ track: z.enum(PROJECT_TRACKS), phase: z.enum(PROJECT_PHASES), count })),
    /** Calls whose proposals were due within the period: who could answer, who did. */
    calls: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        scope: z.enum(CALL_SCOPES),
        state: z.enum(CALL_STATES),
        proposalsUntil: z.string(),
        eligibleOffices: count,
        answeringOffices: count,
        proposals: count,
        selected: count,
        /** answeringOffices / eligibleOffices, in percent to the tenth; null without eligible offices. */
        answerRate: z.number().nullable(),
      }),
    ),
    /** Time spent in each state, over the stays that ended within the period (days, to the hundredth). */
    durations: z.array(
      z.object({
        lifecycle: z.enum(MEASURED_LIFECYCLES),
        lifecycleLabel: label,
        state: z.string(),
        stateLabel: label,
        stays: count,
        medianDays: z.number(),
        p90Days: z.number(),
      }),
    ),
    /** Support tickets opened each month: first answer within the target or not. */
    support: z.array(
      z.object({
        month: z.string(),
        opened: count,
        withinTarget: count,
        late: count,
        /** Not answered yet and still within the target. */
        pending: count,
        /** withinTarget / (withinTarget + late), in percent to the tenth; null when none is decided. */
        rate: z.number().nullable(),
      }),
    ),
    supportTargetWorkingDays: z.number().int(),
  })
  .meta({ id: 'Statistics' });
export type StatisticsDto = z.infer<typeof statisticsSchema>;
