import {
  flatShareCents,
  type StatementPeriod,
  statementPeriods,
} from '../../../common/compensation/statements.ts';
import { valueEffort } from '../../../common/compensation/valuation.ts';
import type { ComputeStatementInput } from '../../../common/schemas/statements.ts';
import type { Executor } from '../../db/client.ts';
import { recordAudit } from '../../lib/audit.ts';
import { inTransaction, requireActor, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { describeLifecycles, describeTransitions } from '../../lib/lifecycle.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { type AgreementRow, confirmedEffortByProfile, rateTableInForce } from './agreements.queries.ts';
import { accessOf, visibleAgreement } from './agreements.service.ts';
import { currentMonth } from './effort.service.ts';
import type { StatementBinding } from './statements.lifecycle.ts';
import {
  committedCents,
  earliestRateTable,
  findStatementDetail,
  insertStatement,
  statementsOf,
} from './statements.queries.ts';

/**
 * The periodic statements of an agreement (common/compensation/statements.ts for the schedule and the rule):
 * computed by the DDO once a period is over, from the office's confirmed effort and the valuation rule, their
 * figures and rates frozen on them; validated (or withdrawn while draft) through the statement lifecycle.
 */

/** The agreements whose statements may be computed: in force, or closed at their term. */
const STATEMENT_STATES: readonly AgreementRow['state'][] = ['active', 'closed'];

const periodError = (message: string) =>
  new AppError('unprocessable', message, { errors: [{ field: 'periodStart', message }] });

/**
 * The figures of the statement of the agreement's period `index`: the office's confirmed effort on the
 * object within the period, valued at the rate table in force on the period's first day (the earliest
 * version for a period older than all), or the flat amount's share of the period; capped by what the
 * ceiling leaves after the other live statements. The demo seed computes its statements with it too.
 */
export async function statementValues(db: Executor, agreement: AgreementRow, index: number) {
  const periods = statementPeriods(agreement);
  const period = periods[index] as StatementPeriod;
  const table =
    agreement.valuation === 'rateTable'
      ? ((await rateTableInForce(db, `${period.start}-01`)) ?? (await earliestRateTable(db)))
      : null;
  if (agreement.valuation === 'rateTable' && !table)
    throw periodError("Aucun barème journalier n'est publié : publiez-en une version d'abord.");
  const flatShare =
    agreement.valuation === 'flat'
      ? flatShareCents(agreement.flatAmountCents ?? 0, index, periods.length)
      : null;
  const [effort, alreadyPaidCents] = await Promise.all([
    confirmedEffortByProfile(db, agreement, period.start, period.end),
    committedCents(db, agreement.id),
  ]);
  const valuation = valueEffort({
    effort,
    rates: table?.rates ?? null,
    flatAmountCents: flatShare,
    ceilingCents: agreement.ceilingCents,
    alreadyPaidCents,
  });
  return {
    agreementId: agreement.id,
    periodStart: period.start,
    periodEnd: period.end,
    valuation: agreement.valuation,
    rateTableId: table?.id ?? null,
    rateTableNumber: table?.number ?? null,
    rates: table?.rates ?? null,
    flatShareCents: flatShare,
    ceilingCents: agreement.ceilingCents,
    lines: valuation.lines.map((line) => ({
      profile: line.profile,
      hundredths: Math.round(line.days * 100),
      rateCents: line.rateCents,
      amountCents: line.amountCents,
    })),
    confirmedHundredths: effort.reduce((sum, e) => sum + e.hundredths, 0),
    valuedCents: valuation.valuedCents,
    alreadyPaidCents,
    payableCents: valuation.payableCents,
    overCents: valuation.overCents,
  };
}

/** The agreement's statements and its schedule: which periods are over, which have their statement. */
export async function agreementStatements(ctx: ServiceContext, authorizer: Authorizer, agreementId: string) {
  const actor = requireActor(ctx);
  const agreement = await visibleAgreement(ctx, authorizer, agreementId);
  authorizer.authorize(actor, 'statement.read', accessOf(agreement));
  const items = await statementsOf(ctx.db, agreementId);
  const thisMonth = currentMonth();
  const byPeriod = new Map(items.map((s) => [s.periodStart, s.id]));
  return {
    items,
    periods: statementPeriods(agreement).map((p) => ({
      ...p,
      over: p.end < thisMonth,
      statementId: byPeriod.get(p.start) ?? null,
    })),
    committedCents: items.reduce((sum, s) => sum + s.payableCents, 0),
    ceilingCents: agreement.ceilingCents,
    mayCompute: authorizer.can(actor, 'statement.compute') && STATEMENT_STATES.includes(agreement.state),
  };
}

/**
 * Computes the statement of the period starting `periodStart` (statementValues), once the period is over.
 * The agreement row is locked meanwhile, so two statements cannot both take the same room.
 */
export async function computeStatement(
  ctx: ServiceContext,
  authorizer: Authorizer,
  agreementId: string,
  input: ComputeStatementInput,
) {
  const actor = requireActor(ctx);
  authorizer.authorize(actor, 'statement.compute');
  return inTransaction(ctx, async (tx) => {
    const agreement = await visibleAgreement(tx, authorizer, agreementId, { lock: true });
    if (!STATEMENT_STATES.includes(agreement.state))
      throw new AppError(
        'conflict',
        'Un relevé se calcule pour une convention en vigueur ou close à son terme.',
      );
    const periods = statementPeriods(agreement);
    const index = periods.findIndex((p) => p.start === input.periodStart);
    const period = periods[index];
    if (!period)
      throw periodError(
        `Le mois ${input.periodStart} n'ouvre pas une période de relevé de cette convention (${periods
          .slice(0, 4)
          .map((p) => p.start)
          .join(', ')}${periods.length > 4 ? '…' : ''}).`,
      );
    if (period.end >= currentMonth())
      throw periodError(
        `La période se termine en ${period.end} : son relevé se calcule une fois ce mois écoulé.`,
      );
    const row = await insertStatement(tx.db, {
      ...(await statementValues(tx.db, agreement, index)),
      computedBy: actor.userId,
    });
    await recordAudit(tx, {
      action: 'statement.compute',
      targetType: 'statement',
      targetId: row.id,
      after: {
        agreementId: agreement.id,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        rateTableNumber: row.rateTableNumber,
        valuedCents: row.valuedCents,
        payableCents: row.payableCents,
        overCents: row.overCents,
      },
    });
    return row.id;
  });
}

/** A statement the actor may read (that of an agreement of its office, or any for the national readers). */
export async function visibleStatement(ctx: ServiceContext, authorizer: Authorizer, id: string) {
  const actor = requireActor(ctx);
  const detail = await findStatementDetail(ctx.db, id);
  if (!detail) throw new AppError('notFound', 'Ce relevé est introuvable.');
  authorizer.authorize(actor, 'statement.read', { organisationId: detail.agreement.organisationId });
  return detail;
}

export async function getStatement(
  ctx: ServiceContext,
  authorizer: Authorizer,
  binding: StatementBinding,
  id: string,
) {
  const detail = await visibleStatement(ctx, authorizer, id);
  const row = detail.statement;
  const [transitions = []] = await describeTransitions(ctx, authorizer, [binding], [row]);
  const lifecycles = await describeLifecycles(ctx, [binding], row, row.createdAt);
  return { detail, transitions, lifecycles };
}
export type StatementView = Awaited<ReturnType<typeof getStatement>>;
