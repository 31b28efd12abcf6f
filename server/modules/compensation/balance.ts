import type { EffortProfile } from '../../../common/compensation/vocabulary.ts';
import type { NetworkBalanceDto } from '../../../common/schemas/statements.ts';
import type { InstanceMonth } from '../hosting/hosting.costs.ts';
import type { EffortLine, ServedApplication, UsageOfOthers } from './balance.queries.ts';

/**
 * The network balance, pure (balance.test.ts holds its figures): per office, the confirmed effort it gave
 * month by month (person-days, valued at the rate table in force on each month's first day) against what
 * it used of others — declared users of applications other offices designed, and its share of their
 * shared AM Cloud instances; per application, the effort it received and the offices it serves; and the
 * savings estimate (SAVINGS_FORMULA, common/compensation/statements.ts):
 *
 *   saved = Σ applications [effort value × (offices served − 1)] + Σ months [dedicated instances − shared instance]
 */

export interface RateTableOn {
  effectiveFrom: string;
  rates: Record<EffortProfile, number>;
}

/** The rates in force on a month's first day; the earliest version for a month before every version. */
export function ratesOn(tables: readonly RateTableOn[], month: string) {
  const day = `${month}-01`;
  const sorted = [...tables].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let found = sorted[0] ?? null;
  for (const table of sorted) if (table.effectiveFrom <= day) found = table;
  return found?.rates ?? null;
}

interface Office {
  id: string;
  code: string;
  name: string;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export function buildNetworkBalance(input: {
  months: string[];
  effort: readonly EffortLine[];
  tables: readonly RateTableOn[];
  usages: readonly UsageOfOthers[];
  /** Every application named by the effort, the usages or the instances. */
  applications: readonly ServedApplication[];
  offices: readonly Office[];
  instances: readonly InstanceMonth[][];
}): Omit<NetworkBalanceDto, 'rules'> {
  const { months } = input;
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const apps = new Map(input.applications.map((a) => [a.id, a]));
  const zeros = () => new Array<number>(months.length).fill(0);
  const perOffice = new Map<
    string,
    {
      effortHundredths: number[];
      effortValueCents: number;
      users: number[];
      hosting: number[];
      apps: Set<string>;
    }
  >();
  const officeLine = (id: string) => {
    let line = perOffice.get(id);
    if (!line) {
      line = {
        effortHundredths: zeros(),
        effortValueCents: 0,
        users: zeros(),
        hosting: zeros(),
        apps: new Set(),
      };
      perOffice.set(id, line);
    }
    return line;
  };
  const perApplication = new Map<
    string,
    { hundredths: number; valueCents: number; contributors: Set<string> }
  >();

  for (const line of input.effort) {
    const index = monthIndex.get(line.month);
    if (index === undefined) continue;
    const rate = ratesOn(input.tables, line.month)?.[line.profile as EffortProfile] ?? 0;
    const valueCents = Math.round((line.hundredths * rate) / 100);
    const office = officeLine(line.organisationId);
    office.effortHundredths[index] = (office.effortHundredths[index] ?? 0) + line.hundredths;
    office.effortValueCents += valueCents;
    if (line.applicationId) {
      const app = perApplication.get(line.applicationId) ?? {
        hundredths: 0,
        valueCents: 0,
        contributors: new Set(),
      };
      app.hundredths += line.hundredths;
      app.valueCents += valueCents;
      app.contributors.add(line.organisationId);
      perApplication.set(line.applicationId, app);
    }
  }

  for (const usage of input.usages) {
    const office = officeLine(usage.organisationId);
    const began = usage.since?.slice(0, 7) ?? '';
    for (const [index, month] of months.entries())
      if (began <= month) {
        office.users[index] = (office.users[index] ?? 0) + (usage.userCount ?? 0);
        if (index === months.length - 1) office.apps.add(usage.applicationId);
      }
  }

  let hostingSavedCents = 0;
  for (const [index, instances] of input.instances.entries())
    for (const instance of instances) {
      hostingSavedCents += instance.standaloneCents - instance.costCents;
      const designer = apps.get(instance.applicationId)?.designerOrganisationId;
      for (const share of instance.shares)
        if (share.organisationId !== designer) {
          const office = officeLine(share.organisationId);
          office.hosting[index] = (office.hosting[index] ?? 0) + share.shareCents;
        }
    }

  const offices = new Map(input.offices.map((o) => [o.id, o]));
  const officeRef = (id: string) => {
    const o = offices.get(id);
    return { id, code: o?.code ?? '', name: o?.name ?? '' };
  };
  const applications = [...perApplication].map(([id, app]) => {
    const sheet = apps.get(id);
    const officesServed = sheet?.officesServed ?? 0;
    return {
      application: { id, code: sheet?.code ?? '', name: sheet?.name ?? '' },
      designer: officeRef(sheet?.designerOrganisationId ?? ''),
      effortDays: app.hundredths / 100,
      effortValueCents: app.valueCents,
      contributors: app.contributors.size,
      officesServed,
      savedCents: app.valueCents * Math.max(0, officesServed - 1),
    };
  });
  applications.sort(
    (a, b) => b.effortDays - a.effortDays || a.application.name.localeCompare(b.application.name, 'fr'),
  );
  const effortSavedCents = sum(applications.map((a) => a.savedCents));
  return {
    months,
    offices: [...perOffice]
      .map(([id, line]) => ({
        office: officeRef(id),
        effortDays: line.effortHundredths.map((h) => h / 100),
        effortValueCents: line.effortValueCents,
        usersOfOthers: line.users,
        applicationsOfOthers: line.apps.size,
        hostingShareCents: line.hosting,
        totalEffortDays: sum(line.effortHundredths) / 100,
        totalHostingShareCents: sum(line.hosting),
      }))
      .sort(
        (a, b) => b.totalEffortDays - a.totalEffortDays || a.office.name.localeCompare(b.office.name, 'fr'),
      ),
    applications,
    savings: { effortSavedCents, hostingSavedCents, totalSavedCents: effortSavedCents + hostingSavedCents },
  };
}
