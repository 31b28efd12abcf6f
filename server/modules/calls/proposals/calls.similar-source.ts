import { excerpt } from '../../../../common/notifications.ts';
import type { Executor } from '../../../db/client.ts';
import type { SimilarSource } from '../../similar/similar-source.ts';
import { type SimilarCallRow, similarRows } from './proposals.queries.ts';

/**
 * Calls for projects (published to decided) and proposals (once submitted) as kinds of the search for
 * similar items: a proposal form shows what may already answer the call, and a project form the calls
 * and proposals on the same need. The rows are read again only when a call or a proposal changed (count
 * and latest change of each table): until then the same arrays, whose identity is the version
 * (similar-source.ts).
 */
interface Copy {
  fingerprint: string;
  rows: { calls: readonly SimilarCallRow[]; proposals: readonly SimilarCallRow[] };
}
const copies = new WeakMap<object, Copy>();

async function current(db: Executor) {
  const { fingerprint, read } = await similarRows(db);
  const held = copies.get(db);
  if (held?.fingerprint === fingerprint) return held.rows;
  const rows = await read();
  copies.set(db, { fingerprint, rows });
  return rows;
}

const present = (row: SimilarCallRow) => ({
  id: row.id,
  code: null,
  title: row.title,
  summary: excerpt(row.text, 300),
  office: { code: row.officeCode, name: row.officeName },
});

export const callSimilarSource: SimilarSource<SimilarCallRow> & { kind: 'call' } = {
  kind: 'call',
  live: async (db) => (await current(db)).calls,
  text: (row) => ({ title: row.title, text: row.text }),
  present,
};

export const proposalSimilarSource: SimilarSource<SimilarCallRow> & { kind: 'proposal' } = {
  kind: 'proposal',
  live: async (db) => (await current(db)).proposals,
  text: (row) => ({ title: row.title, text: row.text }),
  present,
};
