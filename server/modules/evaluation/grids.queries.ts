import { and, asc, count, desc, eq, getTableColumns, inArray, ne, sql } from 'drizzle-orm';
import type { GridKind, GridVersionState } from '../../../common/evaluation/vocabulary.ts';
import type { GridContent } from '../../../common/schemas/evaluation-grid.ts';
import type { Executor, Transaction } from '../../db/client.ts';
import { evaluationGrids, evaluationGridVersions, evaluations } from '../../db/schema.ts';
import { versionedRowStore } from '../../lib/versioned-row.queries.ts';
import type { GridVersionScope } from './evaluation.policy.ts';

export type GridVersionRow = typeof evaluationGridVersions.$inferSelect;
export type GridVersionSubject = GridVersionRow & { kind: GridKind };

/** The grid versions' lifecycle store (draft → published): the shared versioned-row adapter. */
export const gridVersionStore = versionedRowStore<typeof evaluationGridVersions, GridVersionState>(
  evaluationGridVersions,
  { column: 'state' },
);

const summaryColumns = {
  id: evaluationGridVersions.id,
  gridId: evaluationGridVersions.gridId,
  number: evaluationGridVersions.number,
  state: evaluationGridVersions.state,
  note: evaluationGridVersions.note,
  createdAt: evaluationGridVersions.createdAt,
  publishedAt: evaluationGridVersions.publishedAt,
  version: evaluationGridVersions.version,
  requirementCount: sql<number>`(SELECT count(*)::int FROM jsonb_array_elements(${evaluationGridVersions.content}->'sections') s, jsonb_array_elements(s->'requirements'))`,
};
export type GridVersionSummaryRow = {
  [K in keyof typeof summaryColumns]: K extends 'requirementCount'
    ? number
    : GridVersionRow[K & keyof GridVersionRow];
};

const visible = (scope: GridVersionScope) =>
  scope.drafts ? undefined : ne(evaluationGridVersions.state, 'draft');

export type GridListRow = Awaited<ReturnType<typeof listGridRows>>[number];

/** Every grid and its versions the scope lets the actor see, newest version first. */
export async function listGridRows(db: Executor, scope: GridVersionScope) {
  const grids = await db
    .select()
    .from(evaluationGrids)
    .orderBy(asc(evaluationGrids.createdAt), asc(evaluationGrids.kind));
  const versions = (await db
    .select(summaryColumns)
    .from(evaluationGridVersions)
    .where(visible(scope))
    .orderBy(desc(evaluationGridVersions.number))) as GridVersionSummaryRow[];
  return grids.map((grid) => ({ ...grid, versions: versions.filter((v) => v.gridId === grid.id) }));
}

export async function findGridByKind(db: Executor, kind: GridKind) {
  const [row] = await db.select().from(evaluationGrids).where(eq(evaluationGrids.kind, kind));
  return row ?? null;
}

export async function findGridVersion(db: Executor, id: string, options: { lock?: boolean } = {}) {
  const query = db
    .select({
      ...getTableColumns(evaluationGridVersions),
      requirementCount: summaryColumns.requirementCount,
      kind: evaluationGrids.kind,
    })
    .from(evaluationGridVersions)
    .innerJoin(evaluationGrids, eq(evaluationGrids.id, evaluationGridVersions.gridId))
    .where(eq(evaluationGridVersions.id, id));
  const [row] = options.lock ? await query.for('no key update', { of: evaluationGridVersions }) : await query;
  return row ?? null;
}
export type GridVersionDetailRow = NonNullable<Awaited<ReturnType<typeof findGridVersion>>>;

/** The latest version of a grid (any state), the one a new draft is copied from. */
export async function latestGridVersion(db: Executor, gridId: string) {
  const [row] = await db
    .select()
    .from(evaluationGridVersions)
    .where(eq(evaluationGridVersions.gridId, gridId))
    .orderBy(desc(evaluationGridVersions.number))
    .limit(1);
  return row ?? null;
}

/** The published version of a grid, the one new evaluations start on. */
export async function publishedGridVersion(db: Executor, kind: GridKind) {
  const [row] = await db
    .select({
      id: evaluationGridVersions.id,
      number: evaluationGridVersions.number,
      content: evaluationGridVersions.content,
    })
    .from(evaluationGridVersions)
    .innerJoin(evaluationGrids, eq(evaluationGrids.id, evaluationGridVersions.gridId))
    .where(and(eq(evaluationGrids.kind, kind), eq(evaluationGridVersions.state, 'published')));
  return row ?? null;
}

export async function publishedNumbers(db: Executor, gridIds: string[]) {
  if (gridIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ gridId: evaluationGridVersions.gridId, number: evaluationGridVersions.number })
    .from(evaluationGridVersions)
    .where(
      and(inArray(evaluationGridVersions.gridId, gridIds), eq(evaluationGridVersions.state, 'published')),
    );
  return new Map(rows.map((r) => [r.gridId, r.number]));
}

export async function insertGridDraft(
  db: Transaction,
  values: { gridId: string; number: number; content: GridContent; note: string | null; createdBy: string },
) {
  const [row] = await db
    .insert(evaluationGridVersions)
    .values(values)
    .returning({ id: evaluationGridVersions.id });
  if (!row) throw new Error('grid draft insert returned nothing');
  return row.id;
}

/** A draft's new content and note at the version it was read at; null when it moved or left the draft state. */
export async function updateGridDraftAtVersion(
  db: Transaction,
  id: string,
  version: number,
  values: { content?: GridContent; note?: string | null },
) {
  const [row] = await db
    .update(evaluationGridVersions)
    .set({ ...values, version: sql`${evaluationGridVersions.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(evaluationGridVersions.id, id),
        eq(evaluationGridVersions.version, version),
        eq(evaluationGridVersions.state, 'draft'),
      ),
    )
    .returning({ id: evaluationGridVersions.id });
  return row ?? null;
}

/** Publishing supersedes the version published before (one published version per grid). */
export async function supersedePublished(db: Transaction, gridId: string, exceptId: string) {
  return db
    .update(evaluationGridVersions)
    .set({ state: 'superseded', version: sql`${evaluationGridVersions.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(evaluationGridVersions.gridId, gridId),
        eq(evaluationGridVersions.state, 'published'),
        ne(evaluationGridVersions.id, exceptId),
      ),
    )
    .returning({ id: evaluationGridVersions.id, number: evaluationGridVersions.number });
}

export async function markPublished(db: Transaction, id: string, note: string | undefined) {
  await db
    .update(evaluationGridVersions)
    .set({ publishedAt: sql`now()`, ...(note ? { note } : {}) })
    .where(eq(evaluationGridVersions.id, id));
}

export async function countEvaluationsOn(db: Executor, gridVersionId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(evaluations)
    .where(eq(evaluations.gridVersionId, gridVersionId));
  return row?.n ?? 0;
}
