import type { BudgetBody, CostsQuery, TenantHostingDto } from '../../../common/schemas/hosting.ts';
import { ALLOCATION_RULE } from '../../../common/store/hosting.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, type ServiceContext } from '../../lib/context.ts';
import { AppError, staleVersion } from '../../lib/errors.ts';
import { writeGridWorkbook } from '../evaluation/grid-xlsx.files.ts';
import { emitEvent } from '../notifications/events.ts';
import { findOrganisation, findOrganisationByCode } from '../organisations/organisations.queries.ts';
import {
  allocatedByOffice,
  instanceMonths,
  monthsBetween,
  percentOf,
  priceListOn,
  reachedThresholds,
  sharePercent,
} from './hosting.costs.ts';
import {
  applicationNames,
  type BudgetRow,
  billedTenants,
  budgetsOfYear,
  findBudget,
  insertBudget,
  listPriceLists,
  officeNames,
  recordBudgetAlert,
  updateBudget,
} from './hosting.queries.ts';
import { buildCostReport, costSheets, presentBudget } from './hosting.report.ts';

/** The office of the DDSI, which sets the budgets and hears of every alert. */
const DDSI_CODE = 'CNAM-DDSI';

const monthOf = (date: Date) => date.toISOString().slice(0, 7);

/** The six months up to the current one, unless the query names its own period. */
export function reportPeriod(query: CostsQuery, now: Date) {
  const to = query.to ?? monthOf(now);
  if (query.from) return monthsBetween(query.from, to);
  const [year, month] = to.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 6, 1));
  return monthsBetween(monthOf(start), to);
}

/** What each office consumed of a year's budget: the months of that year up to the current one. */
export async function consumedInYear(ctx: ServiceContext, year: number, now: Date) {
  const current = monthOf(now);
  const last = `${year}-12` < current ? `${year}-12` : current;
  if (`${year}-01` > last) return new Map<string, number>();
  const [lists, tenants] = await Promise.all([listPriceLists(ctx.db), billedTenants(ctx.db, now)]);
  return allocatedByOffice(lists, tenants, monthsBetween(`${year}-01`, last));
}

/** Costs month by month per application, office and region, the last month's allocation, savings, budgets. */
export async function costReport(ctx: ServiceContext, query: CostsQuery, now: Date) {
  const months = reportPeriod(query, now);
  const until = new Date(
    Math.min(now.getTime(), Date.parse(`${months.at(-1)}-01T00:00:00Z`) + 32 * 86_400_000),
  );
  const [lists, tenants] = await Promise.all([listPriceLists(ctx.db), billedTenants(ctx.db, until)]);
  const [apps, offices] = await Promise.all([
    applicationNames(ctx.db, [...new Set(tenants.map((t) => t.applicationId))]),
    officeNames(ctx.db, [...new Set(tenants.map((t) => t.organisationId))]),
  ]);
  const year = now.getUTCFullYear();
  const [budgets, consumed] = await Promise.all([
    budgetsOfYear(ctx.db, year),
    consumedInYear(ctx, year, now),
  ]);
  return buildCostReport({
    months,
    lists,
    tenants,
    apps,
    offices,
    budgets: budgets.map((b) => presentBudget(b, consumed)),
  });
}

/** The same report as an XLSX workbook for governance (written in a worker thread). */
export async function costWorkbook(ctx: ServiceContext, query: CostsQuery, now: Date) {
  const report = await costReport(ctx, query, now);
  return { months: report.months, body: await writeGridWorkbook(costSheets(report)) };
}

/**
 * What a tenant costs in the current month: its application's shared instance, priced by the list in force,
 * and the share allocated to its office; null while it is not billed (not live yet, or removed before).
 */
export async function tenantHosting(
  ctx: ServiceContext,
  tenant: { id: string; applicationId: string },
  now: Date,
): Promise<TenantHostingDto | null> {
  const month = monthOf(now);
  const [lists, members] = await Promise.all([
    listPriceLists(ctx.db),
    billedTenants(ctx.db, now, tenant.applicationId),
  ]);
  const list = priceListOn(lists, month);
  const [instance] = instanceMonths(lists, members, month);
  const share = instance?.shares.find((s) => s.tenantId === tenant.id);
  if (!list || !instance || !share) return null;
  return {
    month,
    priceList: { version: list.version, label: list.label },
    instance: {
      tenants: instance.shares.length,
      users: instance.users,
      environments: instance.environments,
      resources: instance.resources,
      costCents: instance.costCents,
    },
    share: {
      users: share.users,
      percent: sharePercent(share.users, instance.users),
      shareCents: share.shareCents,
      standaloneCents: share.standaloneCents,
    },
    rule: ALLOCATION_RULE,
  };
}

export async function priceLists(ctx: ServiceContext) {
  return { items: await listPriceLists(ctx.db) };
}

/**
 * Tells an office's director and the DDSI of each threshold its budget reached, once per threshold: the
 * alert is a row (budget, threshold), and the event is emitted only by the transaction that wrote it.
 */
async function alertBudget(ctx: ServiceContext, budget: BudgetRow, consumedCents: number, now: Date) {
  let alerted = 0;
  for (const threshold of reachedThresholds(budget.amountCents, consumedCents)) {
    const fresh = await recordBudgetAlert(ctx.db, {
      budgetId: budget.id,
      threshold,
      consumedCents,
      reachedAt: now,
    });
    if (!fresh) continue;
    alerted += 1;
    const ddsi = await findOrganisationByCode(ctx.db, DDSI_CODE);
    const euros = (cents: number) =>
      `${(cents / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2 })} €`;
    await emitEvent(ctx, {
      kind: 'hostingBudget.thresholdReached',
      actorId: null,
      target: {
        type: 'hostingBudget',
        id: budget.id,
        label: `Budget AM Cloud ${budget.year} — ${budget.officeName}`,
      },
      params: {
        threshold: String(threshold),
        percent: String(percentOf(budget.amountCents, consumedCents)),
        consumed: euros(consumedCents),
        amount: euros(budget.amountCents),
      },
      parties: {
        organisationIds: [budget.organisationId, ...(ddsi ? [ddsi.id] : [])],
        roles: ['officeDirector', 'itDirectorate'],
      },
    });
  }
  return alerted;
}

/** The budgets job: every budget of the current year against what its office consumed so far. */
export async function checkBudgets(ctx: ServiceContext, now: Date) {
  const year = now.getUTCFullYear();
  return inTransaction(ctx, async (tx) => {
    const consumed = await consumedInYear(tx, year, now);
    let alerted = 0;
    for (const budget of await budgetsOfYear(tx.db, year))
      alerted += await alertBudget(tx, budget, consumed.get(budget.organisationId) ?? 0, now);
    return { alerted };
  });
}

/** Sets an office's budget for a year (the DDSI): created, or changed with the version read (409 when stale). */
export async function setBudget(ctx: ServiceContext, body: BudgetBody, now: Date) {
  const amountCents = Math.round(body.amountEuros * 100);
  return inTransaction(ctx, async (tx) => {
    if (!(await findOrganisation(tx.db, body.organisationId)))
      throw new AppError('unprocessable', "Cet organisme n'existe pas.", {
        errors: [{ field: 'organisationId', message: "Cet organisme n'existe pas." }],
      });
    const existing = await findBudget(tx.db, body.organisationId, body.year);
    let id: string;
    if (existing) {
      if (body.version === undefined)
        throw new AppError('conflict', 'Ce budget existe déjà : donnez la version lue pour le modifier.', {
          errors: [{ field: 'version', message: 'La version lue est obligatoire pour modifier un budget.' }],
        });
      const updated = await updateBudget(tx.db, existing.id, body.version, amountCents);
      if (!updated) throw staleVersion('hostingBudget');
      id = updated.id;
    } else
      id = (await insertBudget(tx.db, { organisationId: body.organisationId, year: body.year, amountCents }))
        .id;
    await recordAudit(tx, {
      action: 'hostingBudget.set',
      targetType: 'hostingBudget',
      targetId: id,
      before: existing ? { amountCents: existing.amountCents, year: existing.year } : null,
      after: { amountCents, year: body.year, organisationId: body.organisationId },
    });
    const [row] = await budgetsOfYear(tx.db, body.year, id);
    const consumed = await consumedInYear(tx, body.year, now);
    const budget = row as BudgetRow;
    if (body.year === now.getUTCFullYear())
      await alertBudget(tx, budget, consumed.get(budget.organisationId) ?? 0, now);
    const [fresh] = await budgetsOfYear(tx.db, body.year, id);
    return { created: !existing, budget: presentBudget(fresh as BudgetRow, consumed) };
  });
}
