import type { Executor } from '../../db/client.ts';
import type { SimilarSource } from '../similar/similar-source.ts';
import {
  type ProjectTextRow,
  readLiveProjectTexts,
  readProjectTextsStamp,
} from './projects-similar.queries.ts';

/**
 * The texts read last, per database (the tests open many), with the stamp they were read under: read
 * again only when a write to the projects moved it. The same array otherwise — its identity is the
 * version the search for similar items builds its corpus on (similar-source.ts).
 */
const read = new WeakMap<object, { stamp: string; rows: readonly ProjectTextRow[] }>();

async function liveProjects(db: Executor): Promise<readonly ProjectTextRow[]> {
  const stamp = await readProjectTextsStamp(db);
  const cached = read.get(db);
  if (cached && cached.stamp === stamp) return cached.rows;
  const rows = await readLiveProjectTexts(db);
  read.set(db, { stamp, rows });
  return rows;
}

/** Projects in progress as a kind of the search for similar items (POST /api/similar). */
export const projectSimilarSource: SimilarSource<ProjectTextRow> & { kind: 'project' } = {
  kind: 'project',
  live: liveProjects,
  text: (row) => ({ title: row.title, text: row.need }),
  present: (row) => ({
    id: row.id,
    code: null,
    title: row.title,
    summary: row.need,
    office: { code: row.holder_code, name: row.holder_name },
  }),
};
