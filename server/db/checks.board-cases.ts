import { sql } from 'drizzle-orm';
import type { CheckCase } from './checks.evaluation-cases.ts';

/** The refusal cases of the CHECKs of the governance board's tables (checks.test.ts). */

const meeting = (state: string) =>
  sql`INSERT INTO board_meetings (title, meeting_on, state) VALUES ('Séance', '2031-01-01', ${state})`;
/** An item of the CPAM du Rhône with the values under test (kind, state, evolution target). */
const item = (values: { kind?: string; state?: string; target?: string | null }) => sql`
  INSERT INTO board_items (kind, title, reason, evolution_target, state, submitting_organisation_id)
  SELECT ${values.kind ?? 'evolution'}, 'Point', 'Motif', ${values.target === undefined ? 'portal' : values.target},
    ${values.state ?? 'waiting'}, id FROM organisations WHERE code = 'CPAM-69'`;
/** A decision on a new item of a new meeting, made in the same statement. */
const decision = (values: {
  outcome?: string;
  mode?: string;
  votes?: number | null;
  number?: number | null;
}) => sql`
  WITH m AS (INSERT INTO board_meetings (title, meeting_on) VALUES ('Séance', '2031-01-01') RETURNING id),
       i AS (INSERT INTO board_items (kind, title, reason, submitting_organisation_id)
             SELECT 'compensation', 'Point', 'Motif', id FROM organisations WHERE code = 'CPAM-69' RETURNING id)
  INSERT INTO board_decisions (meeting_id, item_id, question, outcome, statement, rationale, vote_mode,
    votes_for, votes_against, votes_abstain, year, number, published_at)
  SELECT m.id, i.id, 'Q', ${values.outcome ?? 'approved'}, 'D', 'M', ${values.mode ?? 'vote'},
    ${values.votes === undefined ? 3 : values.votes}::int, 0, 0,
    ${values.number ? 2098 : null}::int, ${values.number ?? null}::int,
    ${values.number ? sql`now()` : null}::timestamptz
  FROM m, i`;

export const boardCheckCases: CheckCase[] = [
  {
    constraint: 'board_meetings_state_check',
    refused: () => meeting('postponed'),
    accepted: () => meeting('minutesPublished'),
  },
  {
    constraint: 'board_items_kind_check',
    refused: () => item({ kind: 'budget', target: null }),
    accepted: () => item({ kind: 'compensation', target: null }),
  },
  {
    constraint: 'board_items_state_check',
    refused: () => item({ state: 'open' }),
    accepted: () => item({ state: 'withdrawn' }),
  },
  {
    constraint: 'board_items_evolution_target_check',
    refused: () => item({ target: 'intranet' }),
    accepted: () => item({ target: 'amCloud' }),
  },
  {
    constraint: 'board_items_references_check',
    refused: () => item({ target: null }),
    accepted: () => item({ kind: 'arbitration', target: null }),
  },
  {
    constraint: 'board_decisions_outcome_check',
    refused: () => decision({ outcome: 'maybe' }),
    accepted: () => decision({ outcome: 'postponed' }),
  },
  {
    constraint: 'board_decisions_vote_mode_check',
    refused: () => decision({ mode: 'lot', votes: null }),
    accepted: () => decision({ mode: 'vote' }),
  },
  {
    constraint: 'board_decisions_vote_check',
    refused: () => decision({ votes: -1 }),
    accepted: () => decision({ votes: 0 }),
  },
  {
    constraint: 'board_decisions_number_check',
    refused: () => sql`UPDATE board_decisions SET number = 999 WHERE published_at IS NULL`,
    accepted: () => decision({ number: 1 }),
  },
];
