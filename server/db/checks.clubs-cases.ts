import { sql } from 'drizzle-orm';
import type { CheckCase } from './checks.evaluation-cases.ts';

/**
 * The refusal cases of the CHECKs of user clubs (checks.test.ts): a wish of the test's application, and a
 * vote on a wish made in the same statement. `ids` gives the user and the application the test file created.
 */
export function clubCheckCases(ids: () => { userId: string; applicationId: string }): CheckCase[] {
  const wish = (state: string) =>
    sql`INSERT INTO club_wishes (application_id, title, description, state, author_id, author_organisation_id)
      SELECT ${ids().applicationId}, 'Évolution', 'Une évolution souhaitée.', ${state}, ${ids().userId}, id
      FROM organisations WHERE code = 'CPAM-69'`;
  const vote = (value: string) => sql`WITH w AS (${wish('open')} RETURNING id, author_organisation_id)
    INSERT INTO club_wish_votes (wish_id, organisation_id, user_id, value)
    SELECT id, author_organisation_id, ${ids().userId}, ${value} FROM w`;
  return [
    {
      constraint: 'club_wishes_state_check',
      refused: () => wish('done'),
      accepted: () => wish('planned'),
    },
    {
      constraint: 'club_wish_votes_value_check',
      refused: () => vote('abstain'),
      accepted: () => vote('against'),
    },
  ];
}
