import { sql } from 'drizzle-orm';
import type { CheckCase } from './checks.evaluation-cases.ts';

/**
 * The refusal cases of the CHECKs of proposals, their scores and the selections (checks.test.ts).
 * `ids` gives the user the test file created, once it exists.
 */
export function proposalCheckCases(ids: () => { userId: string }): CheckCase[] {
  const call = sql`INSERT INTO calls (title, context, issuer_organisation_id, domain_code, scope, questions_until,
      proposals_until, selection_by)
    SELECT 'Appel', 'Contexte', id, 'relation-client', 'national', '2099-01-10', '2099-01-15', '2099-02-01'
    FROM organisations WHERE code = 'CPAM-69' RETURNING id`;
  /** A proposal (and its call) with one column changed from a valid row. */
  const proposal = (values: { state?: string; effortDays?: number; end?: string }) => sql`
    WITH c AS (${call})
    INSERT INTO call_proposals (call_id, organisation_id, title, approach, state, effort_days, planned_start, planned_end)
    SELECT c.id, o.id, 'P', 'A', ${values.state ?? 'draft'}, ${values.effortDays ?? 10}, '2099-03-01',
      ${values.end ?? '2099-06-30'}::date
    FROM c, organisations o WHERE o.code = 'CPAM-69'`;
  const score = (criterion: number, value: number) => sql`
    WITH c AS (${call}),
      p AS (INSERT INTO call_proposals (call_id, organisation_id, title, approach)
        SELECT c.id, o.id, 'P', 'A' FROM c, organisations o WHERE o.code = 'CPAM-69' RETURNING id)
    INSERT INTO proposal_scores (proposal_id, evaluator_id, criterion, score)
    SELECT p.id, ${ids().userId}, ${criterion}, ${value} FROM p`;
  const selection = (state: string) => sql`
    WITH c AS (${call})
    INSERT INTO call_selections (call_id, state, rationale, choices) SELECT c.id, ${state}, 'R', '[]'::jsonb FROM c`;
  return [
    {
      constraint: 'call_proposals_state_check',
      refused: () => proposal({ state: 'approved' }),
      accepted: () => proposal({ state: 'notSelected' }),
    },
    {
      constraint: 'call_proposals_effort_days_check',
      refused: () => proposal({ effortDays: -1 }),
      accepted: () => proposal({ effortDays: 0 }),
    },
    {
      constraint: 'call_proposals_planned_dates_check',
      refused: () => proposal({ end: '2099-02-28' }),
      accepted: () => proposal({ end: '2099-03-01' }),
    },
    {
      constraint: 'proposal_scores_criterion_check',
      refused: () => score(-1, 3),
      accepted: () => score(0, 3),
    },
    { constraint: 'proposal_scores_score_check', refused: () => score(0, 6), accepted: () => score(0, 5) },
    {
      constraint: 'call_selections_state_check',
      refused: () => selection('proposed'),
      accepted: () => selection('awaitingBoard'),
    },
  ];
}
