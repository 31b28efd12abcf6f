import { STATEMENT_RULE } from '../../../common/compensation/statements.ts';
import type {
  AgreementStatementsDto,
  StatementDto,
  StatementSummaryDto,
} from '../../../common/schemas/statements.ts';
import { targetOf } from './agreements.presenter.ts';
import type { StatementRow } from './statements.queries.ts';
import type { agreementStatements, StatementView } from './statements.service.ts';

export const presentStatementSummary = (row: StatementRow): StatementSummaryDto => ({
  id: row.id,
  periodStart: row.periodStart,
  periodEnd: row.periodEnd,
  state: row.state,
  valuedCents: row.valuedCents,
  payableCents: row.payableCents,
  overCents: row.overCents,
  createdAt: row.createdAt.toISOString(),
});

export const presentAgreementStatements = (
  view: Awaited<ReturnType<typeof agreementStatements>>,
): AgreementStatementsDto => ({ ...view, items: view.items.map(presentStatementSummary) });

export function presentStatement(view: StatementView): StatementDto {
  const { statement: s, agreement: a } = view.detail;
  return {
    ...presentStatementSummary(s),
    agreement: {
      id: a.id,
      title: a.title,
      office: { id: a.organisationId, code: view.detail.officeCode, name: view.detail.officeName },
      target: targetOf(a, view.detail),
    },
    valuation: s.valuation,
    rateTableNumber: s.rateTableNumber,
    rates: s.rates,
    flatShareCents: s.flatShareCents,
    ceilingCents: s.ceilingCents,
    lines: s.lines.map((l) => ({
      profile: l.profile,
      days: l.hundredths / 100,
      rateCents: l.rateCents,
      amountCents: l.amountCents,
    })),
    confirmedDays: s.confirmedHundredths / 100,
    alreadyPaidCents: s.alreadyPaidCents,
    validatedAt: s.state === 'validated' ? s.updatedAt.toISOString() : null,
    rule: STATEMENT_RULE,
    version: s.version,
    transitions: view.transitions,
    lifecycles: view.lifecycles,
  };
}
