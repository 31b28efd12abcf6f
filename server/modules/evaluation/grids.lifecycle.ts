import type { GridVersionState } from '../../../common/evaluation/vocabulary.ts';
import { type GridVersionFacts, gridVersionLifecycle } from '../../../common/lifecycles/evaluation-grid.ts';
import type { LifecycleBinding, SubjectStore } from '../../lib/lifecycle.ts';
import { type GridVersionRow, gridVersionStore, markPublished, supersedePublished } from './grids.queries.ts';

const requirementCount = (row: GridVersionRow) =>
  row.content.sections.reduce((n, section) => n + section.requirements.length, 0);

/**
 * The shared adapter, with one step before the state moves: the version published until now is
 * superseded first (a grid has one published version at a time; the database holds it).
 */
const store: SubjectStore<GridVersionState, GridVersionRow> = {
  ...gridVersionStore,
  async apply(db, row, to) {
    if (to === 'published') await supersedePublished(db, row.gridId, row.id);
    return gridVersionStore.apply(db, row, to);
  },
};

/** Publication of a grid version, by the grids' owners; an evaluation keeps the version it started on. */
export const gridVersionBinding: LifecycleBinding<
  GridVersionState,
  'publish',
  GridVersionFacts,
  GridVersionRow
> = {
  definition: gridVersionLifecycle,
  notFoundLabel: 'Version de grille',
  staleSubject: 'grid',
  store,
  idOf: (row) => row.id,
  parties: () => ({}),
  facts: async (_ctx, rows) => rows.map((row) => ({ requirementCount: requirementCount(row) })),
  snapshot: (row) => ({ gridId: row.gridId, number: row.number, state: row.state, version: row.version }),
  async effects(ctx, change) {
    await markPublished(ctx.db, change.after.id, (change.input as { note?: string } | undefined)?.note);
  },
};
