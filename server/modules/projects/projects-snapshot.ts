import type { Executor } from '../../db/client.ts';
import { CHANGE_RETENTION_MS } from '../catalog/search/search.changes.ts';
import {
  type ProjectSnapshotRow,
  readProjectChangesSince,
  readProjectSnapshotRows,
  readProjectTextMatches,
} from './projects-snapshot.queries.ts';

/**
 * A per-process copy of the projects (what the project search filters, counts and orders, and what the
 * search for similar items compares), per database (the tests open many). Each use asks the change log
 * whether anything committed since the copy's snapshot — one indexed statement — and reads every project
 * again only then (10,000 projects: one statement of 0.3–0.5 s on the bench machine, after a write). Until then the
 * rows are the same array: its identity is the version (similar-source.ts).
 *
 * The text matches of a query (ids and ranks) are kept with the copy, for as long as it holds: a broad word
 * matches thousands of projects, which PostgreSQL ranks in milliseconds at every search otherwise.
 */
export interface ProjectSnapshot {
  rows: readonly ProjectSnapshotRow[];
  /** Ids and ranks of the projects matching a prefix query (projects-search.ts), kept per copy. */
  textMatches(text: string): Promise<ReadonlyMap<string, number>>;
}

/** The text matches kept per copy: the most recent queries (a map keeps its insertion order). */
const KEPT_TEXT_MATCHES = 200;

interface Copy {
  snapshot: string;
  /** When the snapshot was taken: older than the log's retention, the log may miss changes. */
  takenAt: number;
  rows: readonly ProjectSnapshotRow[];
  matches: Map<string, Promise<ReadonlyMap<string, number>>>;
}

const copies = new WeakMap<object, Copy>();
const reading = new WeakMap<object, { snapshot: string; done: Promise<Copy> }>();

async function readCopy(db: Executor, snapshot: string): Promise<Copy> {
  const rows = await readProjectSnapshotRows(db);
  const copy: Copy = { snapshot, takenAt: Date.now(), rows, matches: new Map() };
  copies.set(db, copy);
  return copy;
}

async function currentCopy(db: Executor): Promise<Copy> {
  const held = copies.get(db);
  const fresh = held && Date.now() - held.takenAt < CHANGE_RETENTION_MS ? held : undefined;
  const { snapshot, changed } = await readProjectChangesSince(db, fresh?.snapshot ?? null);
  if (fresh && !changed) {
    // Nothing committed in between: the copy is as of the new snapshot too.
    fresh.snapshot = snapshot;
    fresh.takenAt = Date.now();
    return fresh;
  }
  // Requests share a read that sees every change they see: its snapshot is theirs, or nothing changed
  // since it (a read that began before a commit this request sees would miss it: a write, then the list
  // that must show it). Without that, each request arriving after a write would read everything again.
  const pending = reading.get(db);
  if (
    pending &&
    (pending.snapshot === snapshot || !(await readProjectChangesSince(db, pending.snapshot)).changed)
  )
    return pending.done;
  const done = readCopy(db, snapshot);
  reading.set(db, { snapshot, done });
  try {
    return await done;
  } finally {
    if (reading.get(db)?.done === done) reading.delete(db);
  }
}

function textMatchesOf(db: Executor, copy: Copy) {
  return (text: string) => {
    let found = copy.matches.get(text);
    if (found) {
      copy.matches.delete(text);
    } else {
      found = readProjectTextMatches(db, text);
      found.catch(() => copy.matches.delete(text));
    }
    copy.matches.set(text, found);
    if (copy.matches.size > KEPT_TEXT_MATCHES)
      copy.matches.delete(copy.matches.keys().next().value as string);
    return found;
  };
}

/** The projects as of the latest committed change. */
export async function projectSnapshot(db: Executor): Promise<ProjectSnapshot> {
  const copy = await currentCopy(db);
  return { rows: copy.rows, textMatches: textMatchesOf(db, copy) };
}
