import { sql } from 'drizzle-orm';
import type { CheckCase } from './checks.evaluation-cases.ts';

/** The refusal cases of the CHECKs of compensation's tables (checks.test.ts): effort, rate tables, agreements. */
export function compensationCheckCases(ids: () => { applicationId: string }): CheckCase[] {
  /** An effort line of the CPAM du Rhône with some columns changed from a valid entry. */
  const entry = (change: Record<string, string | null>) => {
    const v: Record<string, string | null> = {
      month: '2025-01',
      activity: 'maintenance',
      profile: 'developer',
      target_kind: 'nationalDevelopment',
      national_label: 'Projet national',
      person_days: '1',
      kind: 'entry',
      reason: null,
      source: 'form',
      ...change,
    };
    return sql`INSERT INTO effort_entries (organisation_id, month, activity, profile, target_kind, national_label,
        application_id, person_days, kind, reason, source)
      SELECT id, ${v.month}, ${v.activity}, ${v.profile}, ${v.target_kind}, ${v.national_label},
        ${v.application_id ?? null}::uuid, ${v.person_days}::numeric, ${v.kind}, ${v.reason}, ${v.source}
      FROM organisations WHERE code = 'CPAM-69'`;
  };
  /** An agreement with the CPAM du Rhône with some columns changed from a valid draft. */
  const agreement = (change: Record<string, string | number | null>) => {
    const v: Record<string, string | number | null> = {
      target_kind: 'nationalDevelopment',
      national_label: 'Projet national',
      period_start: '2025-01',
      period_end: '2025-12',
      valuation: 'rateTable',
      flat_amount_cents: null,
      ceiling_cents: 100000,
      commitments: '{maintenance}',
      statement_frequency: 'quarterly',
      state: 'draft',
      amendment_number: 0,
      ...change,
    };
    return sql`INSERT INTO agreements (title, organisation_id, target_kind, national_label, office_signatory,
        ddo_signatory, period_start, period_end, valuation, flat_amount_cents, ceiling_cents, commitments,
        statement_frequency, state, amendment_number)
      SELECT 'Convention', id, ${v.target_kind}, ${v.national_label}, 'A', 'B', ${v.period_start}, ${v.period_end},
        ${v.valuation}, ${v.flat_amount_cents}::int, ${v.ceiling_cents}::int, ${v.commitments}::text[],
        ${v.statement_frequency}, ${v.state}, ${v.amendment_number}::int
      FROM organisations WHERE code = 'CPAM-69'`;
  };
  /** A statement of a new agreement, with some columns changed from a valid draft at the rate table. */
  const statement = (change: Record<string, string | number | null>) => {
    const v: Record<string, string | number | null> = {
      period_start: '2025-01',
      period_end: '2025-03',
      state: 'draft',
      valuation: 'rateTable',
      rate_table_number: 1,
      rates: '{"developer": 52000}',
      flat_share_cents: null,
      ceiling_cents: 100000,
      valued_cents: 52000,
      payable_cents: 52000,
      over_cents: 0,
      ...change,
    };
    return sql`WITH a AS (${agreement({})} RETURNING id)
      INSERT INTO agreement_statements (agreement_id, period_start, period_end, state, valuation, rate_table_number,
        rates, flat_share_cents, ceiling_cents, confirmed_hundredths, valued_cents, already_paid_cents,
        payable_cents, over_cents)
      SELECT a.id, ${v.period_start}, ${v.period_end}, ${v.state}, ${v.valuation}, ${v.rate_table_number}::int,
        ${v.rates}::jsonb, ${v.flat_share_cents}::int, ${v.ceiling_cents}::int, 100, ${v.valued_cents}::int, 0,
        ${v.payable_cents}::int, ${v.over_cents}::int
      FROM a`;
  };
  const confirmation = (month: string) => sql`INSERT INTO effort_confirmations (organisation_id, month)
    SELECT id, ${month} FROM organisations WHERE code = 'CPAM-69' ON CONFLICT DO NOTHING`;
  const rateTable = (number: number) => sql`INSERT INTO daily_rate_tables (number, effective_from, rates)
    VALUES (${number}, '2030-01-01', '{}'::jsonb) ON CONFLICT DO NOTHING`;
  const cases: [string, () => ReturnType<typeof sql>, () => ReturnType<typeof sql>][] = [
    ['effort_entries_month_check', () => entry({ month: '2025-13' }), () => entry({ month: '2025-12' })],
    [
      'effort_entries_activity_check',
      () => entry({ activity: 'jardinage' }),
      () => entry({ activity: 'training' }),
    ],
    [
      'effort_entries_profile_check',
      () => entry({ profile: 'stagiaire' }),
      () => entry({ profile: 'tester' }),
    ],
    [
      'effort_entries_target_kind_check',
      () => entry({ target_kind: 'club', national_label: null }),
      () => entry({ target_kind: 'nationalDevelopment' }),
    ],
    [
      'effort_entries_target_check',
      () => entry({ national_label: null }),
      () => entry({ target_kind: 'application', national_label: null, application_id: ids().applicationId }),
    ],
    ['effort_entries_kind_check', () => entry({ kind: 'edit' }), () => entry({ kind: 'entry' })],
    ['effort_entries_source_check', () => entry({ source: 'mail' }), () => entry({ source: 'import' })],
    [
      'effort_entries_person_days_check',
      () => entry({ person_days: '0' }),
      () => entry({ person_days: '0.5' }),
    ],
    ['effort_confirmations_month_check', () => confirmation('2025-1'), () => confirmation('2025-01')],
    ['daily_rate_tables_number_check', () => rateTable(0), () => rateTable(99)],
    ['agreements_state_check', () => agreement({ state: 'signed' }), () => agreement({ state: 'active' })],
    ['agreements_valuation_check', () => agreement({ valuation: 'hourly' }), () => agreement({})],
    [
      'agreements_target_kind_check',
      () => agreement({ target_kind: 'club', national_label: null }),
      () => agreement({ target_kind: 'nationalDevelopment' }),
    ],
    ['agreements_target_check', () => agreement({ target_kind: 'project' }), () => agreement({})],
    [
      'agreements_commitments_check',
      () => agreement({ commitments: '{hosting}' }),
      () => agreement({ commitments: '{support,club}' }),
    ],
    [
      'agreements_statement_frequency_check',
      () => agreement({ statement_frequency: 'weekly' }),
      () => agreement({ statement_frequency: 'annual' }),
    ],
    [
      'agreements_period_check',
      () => agreement({ period_end: '2024-12' }),
      () => agreement({ period_end: '2025-01' }),
    ],
    [
      'agreements_flat_amount_cents_check',
      () => agreement({ valuation: 'flat' }),
      () => agreement({ valuation: 'flat', flat_amount_cents: 500000 }),
    ],
    [
      'agreements_ceiling_cents_check',
      () => agreement({ ceiling_cents: -1 }),
      () => agreement({ ceiling_cents: 0 }),
    ],
    ['agreements_amendment_number_check', () => agreement({ amendment_number: 1 }), () => agreement({})],
    [
      'agreement_statements_state_check',
      () => statement({ state: 'paid' }),
      () => statement({ state: 'validated' }),
    ],
    [
      'agreement_statements_valuation_check',
      () => statement({ valuation: 'hourly', rates: null, rate_table_number: null }),
      () => statement({}),
    ],
    [
      'agreement_statements_period_check',
      () => statement({ period_end: '2024-12' }),
      () => statement({ period_end: '2025-01' }),
    ],
    [
      'agreement_statements_rule_check',
      () => statement({ valuation: 'flat' }),
      () => statement({ valuation: 'flat', rates: null, rate_table_number: null, flat_share_cents: 52000 }),
    ],
    [
      'agreement_statements_amounts_check',
      () => statement({ over_cents: 1 }),
      () => statement({ ceiling_cents: 30000, payable_cents: 30000, over_cents: 22000 }),
    ],
  ];
  return cases.map(([constraint, refused, accepted]) => ({ constraint, refused, accepted }));
}
