import type { SimilarQuery } from '../../../../common/schemas/usage.ts';
import type { Executor } from '../../../db/client.ts';
import { requireActor, type ServiceContext } from '../../../lib/context.ts';
import { TextCorpus } from '../../../lib/similarity.ts';
import { rankSimilar } from '../../../lib/similarity-ranking.ts';
import { frenchVocabulary } from '../../../lib/similarity-vocabulary.ts';
import { CHANGE_RETENTION_MS, readChangesSince, readSnapshot } from '../search/search.changes.ts';
import { type ApplicationTextRow, readLiveApplicationTexts } from './similar.queries.ts';

/** The live applications with their similarity profiles, as of a snapshot of the catalogue. */
export interface ApplicationTexts {
  /** The snapshot the rows are at least as recent as (search/search.changes.ts). */
  snapshot: string;
  /** When that snapshot was taken (milliseconds): past the change log's retention, read everything again. */
  takenMs: number;
  rows: ApplicationTextRow[];
  corpus: TextCorpus;
  /** Results derived from these rows (the redundancy clusters), computed once. */
  derived: Map<string, unknown>;
}

const cache = new WeakMap<object, ApplicationTexts>();

/**
 * The live applications' texts, read again only when a change to the catalogue committed since the
 * snapshot they were read after (the change log, search/search.changes.ts). The snapshot is taken first,
 * so the rows are at least that recent: a change committed in between only makes the next call read
 * again. Per database: the tests open many.
 */
export async function applicationTexts(db: Executor, now = Date.now()): Promise<ApplicationTexts> {
  const cached = cache.get(db);
  let snapshot: string;
  if (cached && now - cached.takenMs < CHANGE_RETENTION_MS) {
    const changes = await readChangesSince(db, cached.snapshot);
    if (changes.ids.length === 0 && !changes.reference) {
      // Nothing committed since: the same rows, as of a newer snapshot (the next look starts from there).
      cached.snapshot = changes.snapshot;
      cached.takenMs = now;
      return cached;
    }
    snapshot = changes.snapshot;
  } else {
    snapshot = await readSnapshot(db);
  }
  const rows = await readLiveApplicationTexts(db);
  await frenchVocabulary.prepare(
    db,
    rows.flatMap((row) => [row.name, row.summary]),
  );
  const corpus = new TextCorpus(rows, frenchVocabulary);
  const texts = { snapshot, takenMs: now, rows, corpus, derived: new Map() };
  cache.set(db, texts);
  return texts;
}

/** A result computed once per reading of the texts. */
export function derivedOnce<T>(texts: ApplicationTexts, key: string, compute: () => T): T {
  if (!texts.derived.has(key)) texts.derived.set(key, compute());
  return texts.derived.get(key) as T;
}

/**
 * From this likeness a sheet is worth showing to someone declaring a new one: a little below the
 * clusters' threshold, since a hint costs a glance.
 */
export const HINT_THRESHOLD = 0.25;
const HINT_COUNT = 5;
/** A name shorter than this says too little to compare. */
const HINT_MINIMUM_NAME = 4;

/** The live sheets most like a name and summary being typed, best first (at most five). */
export async function findSimilarApplications(ctx: ServiceContext, query: SimilarQuery) {
  requireActor(ctx);
  if (query.name.length < HINT_MINIMUM_NAME) return [];
  const texts = await applicationTexts(ctx.db);
  await frenchVocabulary.prepare(ctx.db, [query.name, query.summary]);
  const typed = texts.corpus.profile(query.name, query.summary);
  return rankSimilar(texts.corpus, typed, { minScore: HINT_THRESHOLD, limit: Number.POSITIVE_INFINITY })
    .map(({ index, score }) => ({
      row: texts.rows[index] as ApplicationTextRow,
      similarity: Math.floor(score * 100) / 100,
    }))
    .sort((a, b) => b.similarity - a.similarity || a.row.name.localeCompare(b.row.name, 'fr'))
    .slice(0, HINT_COUNT);
}
