import { BUDGET_THRESHOLDS, type PriceList, type Resources } from '../../../common/store/hosting.ts';
import type { Environment } from '../../../common/store/vocabulary.ts';

/**
 * The arithmetic of hosting costs, pure (hosting.test.ts holds its figures): the sizing of an instance,
 * its monthly cost from the price list in force, the allocation between the offices that share it, what
 * an instance of their own would have cost each, and the thresholds a budget reached. Cents throughout.
 */

/** `YYYY-MM` of every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = to.split('-').map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
  return months;
}

/** The first instant of a month (UTC) and of the next one. */
export function monthBounds(month: string) {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return { start: new Date(Date.UTC(year, m - 1, 1)), end: new Date(Date.UTC(year, m, 1)) };
}

/** The version in force on the month's first day: the latest whose date is on or before it. */
export function priceListOn(lists: PriceList[], month: string): PriceList | null {
  const day = `${month}-01`;
  let found: PriceList | null = null;
  for (const list of lists)
    if (list.effectiveFrom <= day && (!found || list.effectiveFrom > found.effectiveFrom)) found = list;
  return found;
}

/** Production resources for so many users: the base, and one block per started `block.users` users. */
export function sizeInstance(list: PriceList, users: number): Resources {
  const { base, block } = list.sizing;
  const blocks = Math.ceil(Math.max(0, users) / block.users);
  return {
    vcpu: base.vcpu + blocks * block.vcpu,
    memoryGb: base.memoryGb + blocks * block.memoryGb,
    storageGb: base.storageGb + blocks * block.storageGb,
  };
}

/** The monthly cost of an instance: production's resources at the list's prices, times its environments' shares. */
export function instanceCostCents(list: PriceList, users: number, environments: readonly Environment[]) {
  const r = sizeInstance(list, users);
  const production =
    r.vcpu * list.vcpuCents + r.memoryGb * list.memoryGbCents + r.storageGb * list.storageGbCents;
  const percent = [...new Set(environments)].reduce((sum, e) => sum + list.sizing.environmentPercent[e], 0);
  return Math.round((production * percent) / 100);
}

/**
 * Splits `totalCents` in proportion to `weights` (declared users), so that the shares add up to the total
 * exactly: each gets the floor of its share, and the cents left go to the largest remainders (the first
 * listed on a tie).
 */
export function allocate(totalCents: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (totalCents * w) / sum);
  const shares = exact.map(Math.floor);
  let left = totalCents - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] as number) + 1;
    left -= 1;
  }
  return shares;
}

/** An office's share of an instance's users, in percent to two decimals. */
export const sharePercent = (users: number, instanceUsers: number) =>
  instanceUsers === 0 ? 0 : Math.round((users * 10_000) / instanceUsers) / 100;

/** A tenant as the costs see it. */
export interface CostTenant {
  tenantId: string;
  applicationId: string;
  organisationId: string;
  declaredUsers: number;
  environments: Environment[];
  liveAt: Date;
  /** When the platform confirmed its removal; it is due for that month still. */
  removedAt: Date | null;
}

/** Whether a tenant is billed for a month: live before the month ends, not removed before it starts. */
export const billedIn = (tenant: CostTenant, month: string) => {
  const { start, end } = monthBounds(month);
  return tenant.liveAt < end && (!tenant.removedAt || tenant.removedAt >= start);
};

export interface InstanceMonth {
  month: string;
  applicationId: string;
  priceListVersion: number;
  users: number;
  environments: Environment[];
  resources: Resources;
  costCents: number;
  /** What an instance of its own would have cost each office, summed. */
  standaloneCents: number;
  shares: {
    tenantId: string;
    organisationId: string;
    users: number;
    shareCents: number;
    standaloneCents: number;
  }[];
}

/** Every application's shared instance for a month: its size, its cost and each office's share. */
export function instanceMonths(lists: PriceList[], tenants: CostTenant[], month: string): InstanceMonth[] {
  const list = priceListOn(lists, month);
  if (!list) return [];
  const byApplication = new Map<string, CostTenant[]>();
  for (const tenant of tenants.filter((t) => billedIn(t, month)))
    byApplication.set(tenant.applicationId, [...(byApplication.get(tenant.applicationId) ?? []), tenant]);
  return [...byApplication].map(([applicationId, members]) => {
    const users = members.reduce((sum, t) => sum + t.declaredUsers, 0);
    const environments = [...new Set(members.flatMap((t) => t.environments))];
    const costCents = instanceCostCents(list, users, environments);
    const shares = allocate(
      costCents,
      members.map((t) => t.declaredUsers),
    );
    const rows = members.map((t, i) => ({
      tenantId: t.tenantId,
      organisationId: t.organisationId,
      users: t.declaredUsers,
      shareCents: shares[i] as number,
      standaloneCents: instanceCostCents(list, t.declaredUsers, t.environments),
    }));
    return {
      month,
      applicationId,
      priceListVersion: list.version,
      users,
      environments,
      resources: sizeInstance(list, users),
      costCents,
      standaloneCents: rows.reduce((sum, r) => sum + r.standaloneCents, 0),
      shares: rows,
    };
  });
}

/** What each office was allocated over these months, summed. */
export function allocatedByOffice(lists: PriceList[], tenants: CostTenant[], months: string[]) {
  const totals = new Map<string, number>();
  for (const month of months)
    for (const instance of instanceMonths(lists, tenants, month))
      for (const share of instance.shares)
        totals.set(share.organisationId, (totals.get(share.organisationId) ?? 0) + share.shareCents);
  return totals;
}

/** The thresholds (80, 100) a budget has reached with this consumption; none for a budget of zero. */
export function reachedThresholds(amountCents: number, consumedCents: number) {
  if (amountCents <= 0) return [];
  return BUDGET_THRESHOLDS.filter((threshold) => consumedCents * 100 >= amountCents * threshold);
}

/** The consumption in whole percent of the budget (rounded down, so that 79.9 % reads 79 %). */
export const percentOf = (amountCents: number, consumedCents: number) =>
  amountCents <= 0 ? 0 : Math.floor((consumedCents * 100) / amountCents);
