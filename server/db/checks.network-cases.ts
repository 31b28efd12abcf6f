import { type SQL, sql } from 'drizzle-orm';
import type { CheckCase } from './checks.evaluation-cases.ts';

/**
 * The refusal cases of the CHECKs of the network's tables (checks.test.ts): the software factory's
 * snapshots, the Store, the developer community and the calls for projects. `ids` gives the user and the
 * sheet the test file created, once they exist.
 */
export function networkCheckCases(ids: () => { userId: string; applicationId: string }): CheckCase[] {
  let requestCount = 0;
  /** A deployment request of the CPAM du Rhône for the sheet, with one value under test. */
  const deploymentRequest = (values: { state?: string; environments?: string; expectedUsers?: number }) => {
    requestCount += 1;
    return sql`INSERT INTO deployment_requests (reference, application_id, organisation_id, requested_by, state,
        expected_users, wanted_on, environments, data_protection)
      SELECT ${`DMD-CHECK-${requestCount}`}, ${ids().applicationId}, id, ${ids().userId}, ${values.state ?? 'draft'},
        ${values.expectedUsers ?? 10}, '2027-01-01', ${values.environments ?? '{production}'}::text[], '{}'::jsonb
      FROM organisations WHERE code = 'CPAM-69'`;
  };
  /** The tenant of the latest request (one per request: a second insert does nothing). */
  const tenant = (values: { status?: string; environments?: string }) => sql`
    INSERT INTO tenants (request_id, application_id, organisation_id, environments, declared_users, status, idempotency_key)
    SELECT id, application_id, organisation_id, ${values.environments ?? '{production}'}::text[], 10,
      ${values.status ?? 'requested'}, 'tenant-' || id
    FROM deployment_requests ORDER BY created_at DESC LIMIT 1
    ON CONFLICT DO NOTHING`;
  /** A tenant of the latest request with a pending operation (its CHECK is met before the conflict). */
  const pendingTenant = (operation: string) => sql`
    INSERT INTO tenants (request_id, application_id, organisation_id, environments, declared_users, idempotency_key, pending_operation)
    SELECT id, application_id, organisation_id, '{production}'::text[], 10, 'tenant-' || id, ${operation}
    FROM deployment_requests ORDER BY created_at DESC LIMIT 1
    ON CONFLICT DO NOTHING`;
  /** Hosting: a price list version, a budget of the CPAM du Rhône for a year, an alert of that budget. */
  let budgetYear = 2040;
  const budget = (amount: number, year?: number) => {
    budgetYear += 1;
    return sql`INSERT INTO hosting_budgets (organisation_id, year, amount_cents)
      SELECT id, ${year ?? budgetYear}, ${amount} FROM organisations WHERE code = 'CPAM-69'`;
  };
  const budgetAlert = (threshold: number) => sql`WITH b AS (${budget(100)} RETURNING id)
    INSERT INTO hosting_budget_alerts (budget_id, threshold, consumed_cents) SELECT id, ${threshold}, 100 FROM b`;
  const priceList = (vcpuCents: number) => {
    budgetYear += 1;
    return sql`INSERT INTO hosting_price_lists (version, effective_from, label, vcpu_cents, memory_gb_cents, storage_gb_cents, sizing)
      VALUES (${budgetYear}, ${`${budgetYear}-01-01`}, 'Grille', ${vcpuCents}, 1, 1, '{}'::jsonb)`;
  };
  const review = (rating: number) => sql`
    INSERT INTO store_reviews (application_id, organisation_id, author_id, rating)
    SELECT ${ids().applicationId}, id, ${ids().userId}, ${rating} FROM organisations WHERE code = 'CPAM-69'
    ON CONFLICT DO NOTHING`;

  /** A training session starting on 2027-01-01, and a training request (the community's tables). */
  const session = (region: SQL, mode: SQL, state: SQL, capacity: number, endsOn: SQL) =>
    sql`INSERT INTO training_sessions (region, title, mode, starts_on, ends_on, capacity, trainer_organisation_id, state)
      SELECT ${region}, 'S', ${mode}, '2027-01-01', ${endsOn}, ${capacity}, id, ${state} FROM organisations WHERE code = 'CPAM-14'`;
  const registration = (region: SQL, status: SQL) =>
    sql`INSERT INTO training_registrations (region, developer_user_id, status, prerequisites)
      VALUES (${region}, ${ids().userId}, ${status}, '{}'::jsonb)`;
  /** A file of a call made in the same statement. */
  const callAttachment = (kind: string) => sql`WITH c AS (${call({})} RETURNING id)
    INSERT INTO call_attachments (call_id, kind, file_name, media_type, size, sha256)
    SELECT id, ${kind}, 'a.pdf', 'application/pdf', 1, 'c' FROM c`;
  /** A call for projects with one column changed from a valid row. */
  const call = (change: Record<string, string | number>) => {
    const values: Record<string, string | number> = {
      scope: 'national',
      region: 'grand-est',
      state: 'draft',
      effort_days: 10,
      budget_euros: 1000,
      questions_until: '2099-01-10',
      proposals_until: '2099-01-15',
      ...change,
    };
    return sql`INSERT INTO calls (title, context, issuer_organisation_id, domain_code, selection_by, scope, region,
        state, effort_days, budget_euros, questions_until, proposals_until)
      SELECT 'Appel', 'Contexte', id, 'relation-client', '2099-02-01', ${values.scope}, ${values.region},
        ${values.state}, ${values.effort_days}, ${values.budget_euros}, ${values.questions_until}::date,
        ${values.proposals_until}::date
      FROM organisations WHERE code = 'CPAM-69'`;
  };

  return [
    ...(['system', 'source', 'subject'] as const).map((column) => {
      const snapshot = (values: { system?: string; source?: string; subject?: string }) => sql`
        INSERT INTO integration_snapshots (system, source, subject)
        VALUES (${values.system ?? 'gitlab'}, ${values.source ?? 'live'}, ${values.subject ?? `check/${column}`})
        ON CONFLICT DO NOTHING`;
      const bad = { system: { system: 'svn' }, source: { source: 'guess' }, subject: { subject: '' } }[
        column
      ];
      return {
        constraint: `integration_snapshots_${column}_check`,
        refused: () => snapshot(bad),
        accepted: () => snapshot({}),
      };
    }),
    {
      constraint: 'deployment_requests_state_check',
      refused: () => deploymentRequest({ state: 'shipped' }),
      accepted: () => deploymentRequest({ state: 'submitted' }),
    },
    {
      constraint: 'deployment_requests_environments_check',
      refused: () => deploymentRequest({ environments: '{production,staging}' }),
      accepted: () => deploymentRequest({ environments: '{production,training}' }),
    },
    {
      constraint: 'deployment_requests_expected_users_check',
      refused: () => deploymentRequest({ expectedUsers: 0 }),
      accepted: () => deploymentRequest({ expectedUsers: 1 }),
    },
    {
      constraint: 'tenants_status_check',
      refused: () => tenant({ status: 'deleted' }),
      accepted: () => tenant({ status: 'live' }),
    },
    {
      constraint: 'tenants_pending_operation_check',
      refused: () => pendingTenant('explode'),
      accepted: () => pendingTenant('remove'),
    },
    {
      constraint: 'hosting_price_lists_prices_check',
      refused: () => priceList(-1),
      accepted: () => priceList(0),
    },
    {
      constraint: 'hosting_budgets_amount_cents_check',
      refused: () => budget(-1),
      accepted: () => budget(0),
    },
    {
      constraint: 'hosting_budgets_year_check',
      refused: () => budget(0, 1999),
      accepted: () => budget(0, 2000),
    },
    {
      constraint: 'hosting_budget_alerts_threshold_check',
      refused: () => budgetAlert(90),
      accepted: () => budgetAlert(100),
    },
    {
      constraint: 'tenants_environments_check',
      refused: () => tenant({ environments: '{staging}' }),
      accepted: () => tenant({ environments: '{preproduction}' }),
    },
    {
      constraint: 'store_reviews_rating_check',
      refused: () => review(6),
      accepted: () => review(5),
    },
    {
      constraint: 'regional_referents_region_check',
      refused: () => sql`INSERT INTO regional_referents (organisation_id, region)
        SELECT id, 'national' FROM organisations WHERE code = 'CPAM-14'`,
      accepted: () => sql`INSERT INTO regional_referents (organisation_id, region)
        SELECT id, 'normandie' FROM organisations WHERE code = 'CPAM-14'`,
    },
    {
      constraint: 'referent_applications_region_check',
      refused: () => sql`INSERT INTO referent_applications (organisation_id, region, motivation)
        SELECT id, 'atlantide', 'M' FROM organisations WHERE code = 'CPAM-14'`,
      accepted: () => sql`INSERT INTO referent_applications (organisation_id, region, motivation)
        SELECT id, 'corse', 'M' FROM organisations WHERE code = 'CPAM-14'`,
    },
    {
      constraint: 'referent_applications_state_check',
      refused: () => sql`INSERT INTO referent_applications (organisation_id, region, motivation, state)
        SELECT id, 'corse', 'M', 'maybe' FROM organisations WHERE code = 'CPAM-14'`,
      accepted: () => sql`INSERT INTO referent_applications (organisation_id, region, motivation, state)
        SELECT id, 'corse', 'M', 'refused' FROM organisations WHERE code = 'CPAM-14'`,
    },
    {
      constraint: 'training_sessions_region_check',
      refused: () => session(sql`'national'`, sql`'remote'`, sql`'published'`, 5, sql`'2027-01-03'`),
      accepted: () => session(sql`'normandie'`, sql`'remote'`, sql`'published'`, 5, sql`'2027-01-03'`),
    },
    {
      constraint: 'training_sessions_mode_check',
      refused: () => session(sql`'normandie'`, sql`'hybrid'`, sql`'published'`, 5, sql`'2027-01-03'`),
      accepted: () => session(sql`'normandie'`, sql`'onSite'`, sql`'published'`, 5, sql`'2027-01-03'`),
    },
    {
      constraint: 'training_sessions_state_check',
      refused: () => session(sql`'normandie'`, sql`'remote'`, sql`'draft'`, 5, sql`'2027-01-03'`),
      accepted: () => session(sql`'normandie'`, sql`'remote'`, sql`'cancelled'`, 5, sql`'2027-01-03'`),
    },
    {
      constraint: 'training_sessions_capacity_check',
      refused: () => session(sql`'normandie'`, sql`'remote'`, sql`'published'`, 0, sql`'2027-01-03'`),
      accepted: () => session(sql`'normandie'`, sql`'remote'`, sql`'published'`, 1, sql`'2027-01-03'`),
    },
    {
      constraint: 'training_sessions_dates_check',
      refused: () => session(sql`'normandie'`, sql`'remote'`, sql`'published'`, 5, sql`'2026-12-31'`),
      accepted: () => session(sql`'normandie'`, sql`'remote'`, sql`'published'`, 5, sql`'2027-01-01'`),
    },
    {
      constraint: 'training_registrations_region_check',
      refused: () => registration(sql`'national'`, sql`'demand'`),
      accepted: () => registration(sql`'corse'`, sql`'refused'`),
    },
    {
      constraint: 'training_registrations_status_check',
      refused: () => registration(sql`'corse'`, sql`'maybe'`),
      accepted: () => registration(sql`'corse'`, sql`'cancelled'`),
    },
    {
      constraint: 'calls_state_check',
      refused: () => call({ state: 'open' }),
      accepted: () => call({ state: 'closed' }),
    },
    {
      constraint: 'calls_scope_check',
      refused: () => call({ scope: 'europe' }),
      accepted: () => call({ scope: 'local' }),
    },
    {
      constraint: 'calls_region_check',
      refused: () => call({ region: 'Bavière' }),
      accepted: () => call({ region: 'corse' }),
    },
    {
      constraint: 'calls_effort_days_check',
      refused: () => call({ effort_days: -1 }),
      accepted: () => call({ effort_days: 0 }),
    },
    {
      constraint: 'calls_budget_euros_check',
      refused: () => call({ budget_euros: -1 }),
      accepted: () => call({ budget_euros: 0 }),
    },
    {
      constraint: 'call_attachments_kind_check',
      refused: () => callAttachment('video'),
      accepted: () => callAttachment('document'),
    },
    {
      constraint: 'calls_timeline_check',
      refused: () => call({ questions_until: '2099-01-20' }),
      accepted: () => call({ questions_until: '2099-01-15' }),
    },
  ];
}
