import type { Executor } from '../../db/client.ts';
import type { SimilarSource } from '../similar/similar-source.ts';
import type { ProjectSnapshotRow } from './projects-snapshot.queries.ts';
import { projectSnapshot } from './projects-snapshot.ts';

/**
 * The live projects of each copy of the projects (projects-snapshot.ts): the same array while the copy
 * holds — its identity is the version the search for similar items builds its corpus on
 * (similar-source.ts) — and a new one once a write to the projects committed.
 */
const live = new WeakMap<readonly ProjectSnapshotRow[], readonly ProjectSnapshotRow[]>();

async function liveProjects(db: Executor): Promise<readonly ProjectSnapshotRow[]> {
  const { rows } = await projectSnapshot(db);
  let kept = live.get(rows);
  if (!kept) {
    // An abandoned project answers no need; a delivered one still does.
    kept = rows.filter((row) => row.phase !== 'abandoned');
    live.set(rows, kept);
  }
  return kept;
}

/** Projects in progress as a kind of the search for similar items (POST /api/similar). */
export const projectSimilarSource: SimilarSource<ProjectSnapshotRow> & { kind: 'project' } = {
  kind: 'project',
  live: liveProjects,
  text: (row) => ({ title: row.title, text: row.need }),
  present: (row) => ({
    id: row.id,
    code: null,
    title: row.title,
    summary: row.need,
    office: { code: row.officeCode, name: row.officeName },
  }),
};
