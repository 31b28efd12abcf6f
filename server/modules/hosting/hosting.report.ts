import { REGION_LABELS, type Region } from '../../../common/organisations.ts';
import type { BudgetDto, CostReportDto } from '../../../common/schemas/hosting.ts';
import {
  ALLOCATION_RULE,
  BUDGET_THRESHOLDS,
  type PriceList,
  SAVINGS_RULE,
} from '../../../common/store/hosting.ts';
import { ENVIRONMENT_LABELS } from '../../../common/store/vocabulary.ts';
import type { SheetData } from '../evaluation/grid-xlsx.ts';
import { type CostTenant, instanceMonths, percentOf, sharePercent } from './hosting.costs.ts';
import type { BudgetRow } from './hosting.queries.ts';

/** The cost report's shape (costReportSchema) from the computed instances, and its XLSX sheets. */

export function presentBudget(row: BudgetRow, consumed: Map<string, number>): BudgetDto {
  const consumedCents = consumed.get(row.organisationId) ?? 0;
  return {
    id: row.id,
    organisation: { id: row.organisationId, code: row.officeCode, name: row.officeName },
    year: row.year,
    amountCents: row.amountCents,
    consumedCents,
    percent: percentOf(row.amountCents, consumedCents),
    alerts: row.alerts,
    version: row.version,
  };
}

interface Named {
  id: string;
  code: string;
  name: string;
}

/** Adds `cents` to the line `key` for month `index`. */
function add(
  lines: Map<string, { label: string; monthsCents: number[] }>,
  key: string,
  label: string,
  index: number,
  cents: number,
  months: number,
) {
  const line = lines.get(key) ?? { label, monthsCents: new Array<number>(months).fill(0) };
  line.monthsCents[index] = (line.monthsCents[index] ?? 0) + cents;
  lines.set(key, line);
}

const series = (lines: Map<string, { label: string; monthsCents: number[] }>) =>
  [...lines]
    .map(([key, l]) => ({
      key,
      label: l.label,
      monthsCents: l.monthsCents,
      totalCents: l.monthsCents.reduce((a, b) => a + b, 0),
    }))
    .sort((a, b) => b.totalCents - a.totalCents || a.label.localeCompare(b.label, 'fr'));

export function buildCostReport(input: {
  months: string[];
  lists: PriceList[];
  tenants: CostTenant[];
  apps: Named[];
  offices: (Named & { region: string })[];
  budgets: BudgetDto[];
}): CostReportDto {
  const { months } = input;
  const apps = new Map(input.apps.map((a) => [a.id, a]));
  const offices = new Map(input.offices.map((o) => [o.id, o]));
  const byApplication = new Map<string, { label: string; monthsCents: number[] }>();
  const byOffice = new Map<string, { label: string; monthsCents: number[] }>();
  const byRegion = new Map<string, { label: string; monthsCents: number[] }>();
  const totals = new Array<number>(months.length).fill(0);
  const standalone = new Array<number>(months.length).fill(0);
  let last: ReturnType<typeof instanceMonths> = [];
  for (const [index, month] of months.entries()) {
    const instances = instanceMonths(input.lists, input.tenants, month);
    if (index === months.length - 1) last = instances;
    for (const instance of instances) {
      totals[index] = (totals[index] ?? 0) + instance.costCents;
      standalone[index] = (standalone[index] ?? 0) + instance.standaloneCents;
      const app = apps.get(instance.applicationId);
      add(byApplication, instance.applicationId, app?.name ?? '', index, instance.costCents, months.length);
      for (const share of instance.shares) {
        const office = offices.get(share.organisationId);
        const region = office?.region ?? '';
        add(byOffice, share.organisationId, office?.name ?? '', index, share.shareCents, months.length);
        add(
          byRegion,
          region,
          REGION_LABELS[region as Region] ?? region,
          index,
          share.shareCents,
          months.length,
        );
      }
    }
  }
  const saved = standalone.map((s, i) => s - (totals[i] ?? 0));
  return {
    months,
    rules: { allocation: ALLOCATION_RULE, savings: SAVINGS_RULE },
    totals: { monthsCents: totals, totalCents: totals.reduce((a, b) => a + b, 0) },
    byApplication: series(byApplication),
    byOffice: series(byOffice).map((s) => ({ ...s, region: offices.get(s.key)?.region ?? '' })),
    byRegion: series(byRegion),
    savings: {
      standaloneMonthsCents: standalone,
      savedMonthsCents: saved,
      totalSavedCents: saved.reduce((a, b) => a + b, 0),
    },
    instances: last.map((instance) => {
      const app = apps.get(instance.applicationId);
      return {
        application: { id: instance.applicationId, code: app?.code ?? '', name: app?.name ?? '' },
        month: instance.month,
        priceListVersion: instance.priceListVersion,
        users: instance.users,
        environments: instance.environments,
        resources: instance.resources,
        costCents: instance.costCents,
        standaloneCents: instance.standaloneCents,
        shares: instance.shares.map((s) => ({
          tenantId: s.tenantId,
          organisation: { id: s.organisationId, name: offices.get(s.organisationId)?.name ?? '' },
          users: s.users,
          percent: sharePercent(s.users, instance.users),
          shareCents: s.shareCents,
          standaloneCents: s.standaloneCents,
        })),
      };
    }),
    budgets: input.budgets,
    thresholds: [...BUDGET_THRESHOLDS],
  };
}

const euros = (cents: number) => Math.round(cents) / 100;
const column = (title: string, width = 16) => ({ title, width });

/** The governance workbook: costs per application, office and region (€ per month), allocation, savings, budgets. */
export function costSheets(report: CostReportDto): SheetData[] {
  const monthColumns = report.months.map((m) => column(m, 12));
  const lines = (name: string, first: string, rows: CostReportDto['byApplication']): SheetData => ({
    name,
    headers: [column(first, 44), ...monthColumns, column('Total (€)', 14)],
    rows: [
      ...rows.map((r) => [r.label, ...r.monthsCents.map(euros), euros(r.totalCents)]),
      ['Total', ...report.totals.monthsCents.map(euros), euros(report.totals.totalCents)],
    ],
  });
  return [
    lines('Par application', 'Application', report.byApplication),
    lines('Par organisme', 'Organisme', report.byOffice),
    lines('Par région', 'Région', report.byRegion),
    {
      name: 'Répartition',
      headers: [
        column('Application', 40),
        column('Mois', 10),
        column('Grille', 8),
        column('Environnements', 36),
        column('vCPU', 8),
        column('Mémoire (Go)', 14),
        column('Stockage (Go)', 14),
        column('Organisme', 40),
        column('Utilisateurs déclarés', 12),
        column('Part (%)', 10),
        column('Part (€)', 12),
        column('Instance dédiée (€)', 14),
      ],
      rows: [
        ...report.instances.flatMap((i) =>
          i.shares.map((s) => [
            i.application.name,
            i.month,
            i.priceListVersion,
            i.environments.map((e) => ENVIRONMENT_LABELS[e].fr).join(', '),
            i.resources.vcpu,
            i.resources.memoryGb,
            i.resources.storageGb,
            s.organisation.name,
            s.users,
            s.percent,
            euros(s.shareCents),
            euros(s.standaloneCents),
          ]),
        ),
        [report.rules.allocation.fr],
      ],
    },
    {
      name: 'Économies',
      headers: [
        column('Mois', 10),
        column('Instances dédiées (€)', 18),
        column('Instances partagées (€)', 18),
        column('Économie (€)', 14),
      ],
      rows: [
        ...report.months.map((m, i) => [
          m,
          euros(report.savings.standaloneMonthsCents[i] ?? 0),
          euros(report.totals.monthsCents[i] ?? 0),
          euros(report.savings.savedMonthsCents[i] ?? 0),
        ]),
        [report.rules.savings.fr],
      ],
    },
    {
      name: 'Budgets',
      headers: [
        column('Organisme', 40),
        column('Année', 8),
        column('Budget (€)', 14),
        column('Consommé (€)', 14),
        column('Consommé (%)', 12),
        column('Seuils atteints', 30),
      ],
      rows: report.budgets.map((b) => [
        b.organisation.name,
        b.year,
        euros(b.amountCents),
        euros(b.consumedCents),
        b.percent,
        b.alerts.map((a) => `${a.threshold} % le ${a.reachedAt.slice(0, 10)}`).join(', '),
      ]),
    },
  ];
}
