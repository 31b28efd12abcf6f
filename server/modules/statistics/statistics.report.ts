import { CALL_SCOPE_LABELS, CALL_STATE_LABELS } from '../../../common/calls/vocabulary.ts';
import type { Label } from '../../../common/lifecycle.ts';
import { acceptanceCampaignLifecycle } from '../../../common/lifecycles/acceptance-campaign.ts';
import { deploymentRequestLifecycle } from '../../../common/lifecycles/deployment-request.ts';
import { projectLifecycle } from '../../../common/lifecycles/project.ts';
import { PROJECT_PHASE_LABELS } from '../../../common/projects.ts';
import {
  type MeasuredLifecycle,
  type StatisticsDto,
  type StatisticsFigure,
  SUPPORT_TARGET_WORKING_DAYS,
} from '../../../common/schemas/statistics.ts';
import { TRACK_DEFINITIONS } from '../../../common/tracks.ts';
import { toNumber } from '../../lib/rows.ts';
import type { SheetData } from '../evaluation/grid-xlsx.ts';
import type {
  CallFigures,
  MonthlyCounts,
  ProjectCount,
  StateDuration,
  SupportMonth,
} from './statistics.queries.ts';

/** The statistics' shape (statisticsSchema) from the rows PostgreSQL computed, and its workbook. */

/** The measured lifecycles' states, in their drawing order, with their labels. */
const STATES: Record<MeasuredLifecycle, Record<string, { label: Label }>> = {
  project: projectLifecycle.states,
  deploymentRequest: deploymentRequestLifecycle.states,
  acceptanceCampaign: acceptanceCampaignLifecycle.states,
};
const LIFECYCLE_ORDER = Object.keys(STATES) as MeasuredLifecycle[];
const LIFECYCLE_LABELS: Record<MeasuredLifecycle, Label> = {
  project: projectLifecycle.label,
  deploymentRequest: deploymentRequestLifecycle.label,
  acceptanceCampaign: acceptanceCampaignLifecycle.label,
};

/** a / b in percent to the tenth; null without a denominator. */
export const percent = (a: number, b: number) => (b === 0 ? null : Math.round((a * 1000) / b) / 10);

export function buildStatistics(input: {
  months: string[];
  monthly: MonthlyCounts[];
  projects: ProjectCount[];
  calls: CallFigures[];
  durations: StateDuration[];
  support: SupportMonth[];
}): StatisticsDto {
  const stateRank = (lifecycle: MeasuredLifecycle, state: string) =>
    Object.keys(STATES[lifecycle]).indexOf(state);
  return {
    months: input.months,
    monthly: input.monthly.map((m) => ({
      month: m.month,
      applicationsDeclared: toNumber(m.applications),
      usageDeclarations: toNumber(m.usages),
      redundanciesResolved: toNumber(m.redundancies),
      storeDeployments: toNumber(m.deployments),
    })),
    projects: input.projects.map((p) => ({
      track: p.track as StatisticsDto['projects'][number]['track'],
      phase: p.phase as StatisticsDto['projects'][number]['phase'],
      count: toNumber(p.count),
    })),
    calls: input.calls.map((c) => ({
      id: c.id,
      title: c.title,
      scope: c.scope as StatisticsDto['calls'][number]['scope'],
      state: c.state as StatisticsDto['calls'][number]['state'],
      proposalsUntil: c.proposalsUntil,
      eligibleOffices: toNumber(c.eligible),
      answeringOffices: toNumber(c.answering),
      proposals: toNumber(c.proposals),
      selected: toNumber(c.selected),
      answerRate: percent(toNumber(c.answering), toNumber(c.eligible)),
    })),
    durations: input.durations
      .map((d) => ({
        lifecycle: d.lifecycle as MeasuredLifecycle,
        lifecycleLabel: LIFECYCLE_LABELS[d.lifecycle as MeasuredLifecycle],
        state: d.state,
        stateLabel: STATES[d.lifecycle as MeasuredLifecycle][d.state]?.label ?? { fr: d.state, en: d.state },
        stays: toNumber(d.stays),
        medianDays: toNumber(d.median),
        p90Days: toNumber(d.p90),
      }))
      .sort(
        (a, b) =>
          LIFECYCLE_ORDER.indexOf(a.lifecycle) - LIFECYCLE_ORDER.indexOf(b.lifecycle) ||
          stateRank(a.lifecycle, a.state) - stateRank(b.lifecycle, b.state),
      ),
    support: input.support.map((s) => {
      const within = toNumber(s.within);
      const late = toNumber(s.late);
      return {
        month: s.month,
        opened: toNumber(s.opened),
        withinTarget: within,
        late,
        pending: toNumber(s.pending),
        rate: percent(within, within + late),
      };
    }),
    supportTargetWorkingDays: SUPPORT_TARGET_WORKING_DAYS,
  };
}

const column = (title: string, width = 16) => ({ title, width });
const monthly = (
  s: StatisticsDto,
  name: string,
  title: string,
  field: keyof StatisticsDto['monthly'][number],
): SheetData => ({
  name,
  headers: [column('Mois', 10), column(title, 24)],
  rows: s.monthly.map((m) => [m.month, m[field]]),
});
const orEmpty = (value: number | null) => value ?? '';

/** The workbook's sheets, one a figure, in French (the export of the dashboard). */
export function statisticsSheets(s: StatisticsDto, only?: StatisticsFigure): SheetData[] {
  const sheets: Record<StatisticsFigure, () => SheetData> = {
    applications: () =>
      monthly(s, 'Applications déclarées', 'Applications déclarées', 'applicationsDeclared'),
    usages: () => monthly(s, "Déclarations d'utilisation", "Déclarations d'utilisation", 'usageDeclarations'),
    redundancies: () => monthly(s, 'Redondances résolues', 'Applications retirées', 'redundanciesResolved'),
    deployments: () => monthly(s, 'Déploiements Store', 'Mises à disposition', 'storeDeployments'),
    projects: () => ({
      name: 'Projets',
      headers: [column('Filière', 30), column('Phase', 24), column('Projets', 10)],
      rows: s.projects.map((p) => [
        TRACK_DEFINITIONS[p.track].label.fr,
        PROJECT_PHASE_LABELS[p.phase].fr,
        p.count,
      ]),
    }),
    calls: () => ({
      name: 'Appels à projets',
      headers: [
        column('Appel', 40),
        column('Portée', 12),
        column('État', 16),
        column('Propositions jusqu’au', 14),
        column('Organismes éligibles', 12),
        column('Organismes ayant répondu', 12),
        column('Taux de réponse (%)', 12),
        column('Propositions', 12),
        column('Retenues', 10),
      ],
      rows: s.calls.map((c) => [
        c.title,
        CALL_SCOPE_LABELS[c.scope].fr,
        CALL_STATE_LABELS[c.state].fr,
        c.proposalsUntil,
        c.eligibleOffices,
        c.answeringOffices,
        orEmpty(c.answerRate),
        c.proposals,
        c.selected,
      ]),
    }),
    durations: () => ({
      name: 'Durées par état',
      headers: [
        column('Processus', 30),
        column('État', 30),
        column('Séjours terminés', 12),
        column('Médiane (jours)', 12),
        column('90e centile (jours)', 12),
      ],
      rows: s.durations.map((d) => [d.lifecycleLabel.fr, d.stateLabel.fr, d.stays, d.medianDays, d.p90Days]),
    }),
    support: () => ({
      name: 'Support',
      headers: [
        column('Mois', 10),
        column('Tickets ouverts', 12),
        column(`Première réponse en ${s.supportTargetWorkingDays} jours ouvrés`, 18),
        column('En retard', 10),
        column('En attente', 10),
        column('Objectif tenu (%)', 12),
      ],
      rows: s.support.map((m) => [m.month, m.opened, m.withinTarget, m.late, m.pending, orEmpty(m.rate)]),
    }),
  };
  return only ? [sheets[only]()] : Object.values(sheets).map((sheet) => sheet());
}
