import { GRID_KIND_LABELS } from '../../../common/evaluation/vocabulary.ts';
import type { GridDto, GridVersionDto } from '../../../common/schemas/evaluation-grid.ts';
import type { LifecycleViewDto, TransitionDto } from '../../../common/schemas/lifecycle.ts';
import type { GridListRow, GridVersionDetailRow, GridVersionSummaryRow } from './grids.queries.ts';

const iso = (date: Date | null) => date?.toISOString() ?? null;

const presentSummary = (row: Omit<GridVersionSummaryRow, 'gridId'>) => ({
  id: row.id,
  number: row.number,
  state: row.state,
  note: row.note,
  requirementCount: row.requirementCount,
  createdAt: row.createdAt.toISOString(),
  publishedAt: iso(row.publishedAt),
  version: row.version,
});

export function presentGrids(rows: GridListRow[]): GridDto[] {
  return rows.map((grid) => ({
    id: grid.id,
    kind: grid.kind,
    title: GRID_KIND_LABELS[grid.kind],
    versions: grid.versions.map(presentSummary),
  }));
}

export function presentGridVersion(described: {
  row: GridVersionDetailRow;
  evaluationCount: number;
  referentialPages: { slug: string; title: string }[];
  transitions: TransitionDto[];
  lifecycle: LifecycleViewDto;
  canEdit: boolean;
}): GridVersionDto {
  const { row } = described;
  return {
    ...presentSummary(row),
    gridId: row.gridId,
    kind: row.kind,
    content: row.content,
    evaluationCount: described.evaluationCount,
    referentialPages: described.referentialPages,
    lifecycle: described.lifecycle,
    transitions: described.transitions,
    can: { edit: described.canEdit },
  };
}
