import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { CALL_SCOPE_LABELS, CALL_STATE_LABELS } from '../../../../common/calls/vocabulary.ts';
import { TRACK_LABELS } from '../../../../common/catalog/vocabulary.ts';
import { PROJECT_PHASE_LABELS, PROJECT_PHASES } from '../../../../common/projects.ts';
import type { StatisticsDto } from '../../../../common/schemas/statistics.ts';
import { PROJECT_TRACKS } from '../../../../common/tracks.ts';
import { useLabel } from '../../i18n/index.ts';
import { CHART_COLORS, Figure, FigureTable } from './statistics-figure.tsx';

/** The figures of the dashboard that are not a count a month: projects, calls, durations, support. */

const orNone = (value: number | null, none: string) => (value === null ? none : String(value));

export function ProjectsFigure({ statistics }: { statistics: StatisticsDto }) {
  const { t } = useTranslation();
  const label = useLabel();
  const phases = PROJECT_PHASES.filter((phase) => statistics.projects.some((p) => p.phase === phase));
  const data = PROJECT_TRACKS.map((track) => ({
    track: label(TRACK_LABELS[track]),
    ...Object.fromEntries(
      phases.map((phase) => [
        phase,
        statistics.projects.find((p) => p.track === track && p.phase === phase)?.count ?? 0,
      ]),
    ),
  }));
  return (
    <Figure
      figure="projects"
      title={t('statistics.projects')}
      help={t('statistics.projectsHelp')}
      months={statistics.months}
      chart={
        <BarChart
          h={240}
          data={data}
          dataKey="track"
          type="stacked"
          withLegend
          series={phases.map((phase, i) => ({
            name: phase,
            label: label(PROJECT_PHASE_LABELS[phase]),
            color: CHART_COLORS[i % CHART_COLORS.length] as string,
          }))}
        />
      }
    >
      <FigureTable
        caption={t('statistics.projects')}
        columns={[t('statistics.track'), t('statistics.phase'), t('statistics.projectCount')]}
        minWidth={320}
        rows={statistics.projects.map((p) => ({
          key: `${p.track}-${p.phase}`,
          cells: [label(TRACK_LABELS[p.track]), label(PROJECT_PHASE_LABELS[p.phase]), p.count],
        }))}
      />
    </Figure>
  );
}

export function CallsFigure({ statistics }: { statistics: StatisticsDto }) {
  const { t } = useTranslation();
  const label = useLabel();
  const columns = [
    t('statistics.call'),
    t('statistics.scope'),
    t('statistics.state'),
    t('statistics.proposalsUntil'),
    t('statistics.eligible'),
    t('statistics.answering'),
    t('statistics.answerRate'),
    t('statistics.proposals'),
    t('statistics.selected'),
  ];
  return (
    <Figure
      figure="calls"
      title={t('statistics.calls')}
      help={t('statistics.callsHelp')}
      months={statistics.months}
      chart={
        <BarChart
          h={240}
          data={statistics.calls.map((c) => ({ call: c.title, answerRate: c.answerRate ?? 0 }))}
          dataKey="call"
          series={[{ name: 'answerRate', label: t('statistics.answerRate'), color: 'teal.7' }]}
        />
      }
    >
      <FigureTable
        caption={t('statistics.calls')}
        columns={columns}
        minWidth={900}
        rows={statistics.calls.map((c) => ({
          key: c.id,
          cells: [
            c.title,
            label(CALL_SCOPE_LABELS[c.scope]),
            label(CALL_STATE_LABELS[c.state]),
            c.proposalsUntil,
            c.eligibleOffices,
            c.answeringOffices,
            orNone(c.answerRate, t('statistics.none')),
            c.proposals,
            c.selected,
          ],
        }))}
      />
    </Figure>
  );
}

export function DurationsFigure({ statistics }: { statistics: StatisticsDto }) {
  const { t } = useTranslation();
  const label = useLabel();
  const columns = [
    t('statistics.lifecycle'),
    t('statistics.state'),
    t('statistics.stays'),
    t('statistics.median'),
    t('statistics.p90'),
  ];
  return (
    <Figure
      figure="durations"
      title={t('statistics.durations')}
      help={t('statistics.durationsHelp')}
      months={statistics.months}
      chart={
        <BarChart
          h={280}
          data={statistics.durations.map((d) => ({
            state: `${label(d.lifecycleLabel)} — ${label(d.stateLabel)}`,
            median: d.medianDays,
            p90: d.p90Days,
          }))}
          dataKey="state"
          withLegend
          series={[
            { name: 'median', label: t('statistics.median'), color: 'blue.7' },
            { name: 'p90', label: t('statistics.p90'), color: 'orange.8' },
          ]}
        />
      }
    >
      <FigureTable
        caption={t('statistics.durations')}
        columns={columns}
        minWidth={640}
        rows={statistics.durations.map((d) => ({
          key: `${d.lifecycle}-${d.state}`,
          cells: [label(d.lifecycleLabel), label(d.stateLabel), d.stays, d.medianDays, d.p90Days],
        }))}
      />
    </Figure>
  );
}

export function SupportFigure({ statistics }: { statistics: StatisticsDto }) {
  const { t } = useTranslation();
  const columns = [
    t('statistics.month'),
    t('statistics.opened'),
    t('statistics.withinTarget'),
    t('statistics.late'),
    t('statistics.pending'),
    t('statistics.rate'),
  ];
  return (
    <Figure
      figure="support"
      title={t('statistics.support')}
      help={t('statistics.supportHelp', { days: statistics.supportTargetWorkingDays })}
      months={statistics.months}
      chart={
        <BarChart
          h={240}
          data={statistics.support}
          dataKey="month"
          type="stacked"
          withLegend
          series={[
            { name: 'withinTarget', label: t('statistics.withinTarget'), color: 'teal.7' },
            { name: 'late', label: t('statistics.late'), color: 'red.8' },
            { name: 'pending', label: t('statistics.pending'), color: 'gray.7' },
          ]}
        />
      }
    >
      <FigureTable
        caption={t('statistics.support')}
        columns={columns}
        minWidth={560}
        rows={statistics.support.map((m) => ({
          key: m.month,
          cells: [m.month, m.opened, m.withinTarget, m.late, m.pending, orNone(m.rate, t('statistics.none'))],
        }))}
      />
    </Figure>
  );
}
