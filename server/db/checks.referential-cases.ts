import { sql } from 'drizzle-orm';
import type { CheckCase } from './checks.evaluation-cases.ts';

/**
 * The refusal cases of the CHECKs of the good-practice referential (checks.test.ts): a page, a proposal and
 * a vote, each written in one statement. `ids` gives the user the test file created.
 */
export function referentialCheckCases(ids: () => { userId: string }): CheckCase[] {
  let pages = 0;
  const page = (category: string) => {
    pages += 1;
    return sql`INSERT INTO referential_pages (slug, category, title) VALUES (${`check-${pages}`}, ${category}, 'Page')`;
  };
  const proposal = (values: { state?: string; category?: string }) =>
    sql`INSERT INTO referential_proposals (category, title, body, rationale, state, author_id)
      VALUES (${values.category ?? 'psram'}, 'P', 'Corps', 'Pourquoi', ${values.state ?? 'open'}, ${ids().userId})`;
  const vote = (values: { value?: string; comment?: string }) =>
    sql`WITH p AS (${proposal({})} RETURNING id)
      INSERT INTO referential_votes (proposal_id, user_id, value, comment)
      SELECT id, ${ids().userId}, ${values.value ?? 'up'}, ${values.comment ?? ''} FROM p`;
  return [
    {
      constraint: 'referential_pages_category_check',
      refused: () => page('wiki'),
      accepted: () => page('cnil'),
    },
    {
      constraint: 'referential_proposals_state_check',
      refused: () => proposal({ state: 'merged' }),
      accepted: () => proposal({ state: 'declined' }),
    },
    {
      constraint: 'referential_proposals_category_check',
      refused: () => proposal({ category: 'misc' }),
      accepted: () => proposal({ category: 'hosting' }),
    },
    {
      constraint: 'referential_votes_value_check',
      refused: () => vote({ value: 'abstain' }),
      accepted: () => vote({ value: 'down' }),
    },
    {
      constraint: 'referential_votes_comment_check',
      refused: () => vote({ comment: 'x'.repeat(2001) }),
      accepted: () => vote({ comment: 'x'.repeat(2000) }),
    },
  ];
}
