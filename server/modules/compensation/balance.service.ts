import { SAVINGS_FORMULA, USAGE_RULE } from '../../../common/compensation/statements.ts';
import type { CostsQuery } from '../../../common/schemas/hosting.ts';
import { ALLOCATION_RULE } from '../../../common/store/hosting.ts';
import { requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { instanceMonths, monthsBetween } from '../hosting/hosting.costs.ts';
import { billedTenants, listPriceLists, officeNames } from '../hosting/hosting.queries.ts';
import { rateTables } from './agreements.queries.ts';
import { applicationsServed, confirmedEffortLines, usagesOfOthers } from './balance.queries.ts';
import { buildNetworkBalance } from './balance.ts';
import { currentMonth } from './effort.service.ts';

/** The twelve months before this one, unless the query names its own period (36 months at most). */
export function balancePeriod(query: CostsQuery, now: Date) {
  const [year, month] = currentMonth(now).split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
  const to = query.to ?? last;
  const from = query.from ?? new Date(Date.UTC(year, month - 13, 1)).toISOString().slice(0, 7);
  const months = monthsBetween(from, to);
  if (months.length === 0 || months.length > 36) {
    const message = 'La période du bilan couvre de 1 à 36 mois.';
    throw new AppError('unprocessable', message, { errors: [{ field: 'from', message }] });
  }
  return months;
}

/** The network balance of a period: who gives, who uses, what mutualisation saved (balance.ts). */
export async function networkBalance(
  ctx: ServiceContext,
  authorizer: Authorizer,
  query: CostsQuery,
  now: Date,
) {
  authorizer.authorize(requireActor(ctx), 'networkBalance.read');
  const months = balancePeriod(query, now);
  const [effort, tables, usages, lists, tenants] = await Promise.all([
    confirmedEffortLines(ctx.db, months[0] as string, months.at(-1) as string),
    rateTables(ctx.db),
    usagesOfOthers(ctx.db),
    listPriceLists(ctx.db),
    billedTenants(ctx.db, now),
  ]);
  const instances = months.map((month) => instanceMonths(lists, tenants, month));
  const applicationIds = new Set([
    ...effort.flatMap((e) => (e.applicationId ? [e.applicationId] : [])),
    ...tenants.map((t) => t.applicationId),
  ]);
  const applications = await applicationsServed(ctx.db, [...applicationIds]);
  const officeIds = new Set([
    ...effort.map((e) => e.organisationId),
    ...usages.map((u) => u.organisationId),
    ...tenants.map((t) => t.organisationId),
    ...applications.map((a) => a.designerOrganisationId),
  ]);
  const offices = await officeNames(ctx.db, [...officeIds]);
  return {
    rules: { usage: USAGE_RULE, savings: SAVINGS_FORMULA, allocation: ALLOCATION_RULE },
    ...buildNetworkBalance({ months, effort, tables, usages, applications, offices, instances }),
  };
}
