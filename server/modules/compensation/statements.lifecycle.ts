import { type StatementTransition, statementLifecycle } from '../../../common/lifecycles/statement.ts';
import type { LifecycleBinding } from '../../lib/lifecycle.ts';
import { type StatementRow, statementStore } from './statements.queries.ts';

export type StatementBinding = LifecycleBinding<
  StatementRow['state'],
  StatementTransition,
  Record<string, never>,
  StatementRow
>;

/** Statements: validated (or withdrawn while draft) by the DDO; no guard, the figures are frozen at computing. */
export const statementBinding: StatementBinding = {
  definition: statementLifecycle,
  notFoundLabel: 'Relevé',
  staleSubject: 'statement',
  store: statementStore,
  idOf: (row) => row.id,
  parties: () => ({}),
  facts: async (_ctx, rows) => rows.map(() => ({})),
  snapshot: (row) => ({
    state: row.state,
    version: row.version,
    periodStart: row.periodStart,
    payableCents: row.payableCents,
  }),
};
