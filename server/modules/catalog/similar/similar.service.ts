import type { SimilarQuery } from '../../../../common/schemas/usage.ts';
import type { Executor } from '../../../db/client.ts';
import { requireActor, type ServiceContext } from '../../../lib/context.ts';
import { TextCorpus } from '../../../lib/similarity.ts';
import {
  type ApplicationTextRow,
  readCatalogueVersion,
  readLiveApplicationTexts,
} from './similar.queries.ts';

/** The live applications with their similarity profiles, for one catalogue version. */
export interface ApplicationTexts {
  version: number;
  rows: ApplicationTextRow[];
  corpus: TextCorpus;
  /** Results derived from this version (the redundancy clusters), computed once. */
  derived: Map<string, unknown>;
}

const cache = new WeakMap<object, ApplicationTexts>();

/**
 * The live applications' texts, read again only when the catalogue version moved (a statement trigger
 * moves it in every transaction that writes applications). The version is read first, so the rows are at
 * least that recent: a change committed in between only makes the next call read again. Per database:
 * the tests open many.
 */
export async function applicationTexts(db: Executor): Promise<ApplicationTexts> {
  const cached = cache.get(db);
  const version = await readCatalogueVersion(db);
  if (cached && cached.version === version) return cached;
  const rows = await readLiveApplicationTexts(db);
  const texts = {
    version,
    rows,
    corpus: new TextCorpus(rows),
    derived: new Map(),
  };
  cache.set(db, texts);
  return texts;
}

/** A result computed once per catalogue version. */
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
  const typed = texts.corpus.profile(query.name, query.summary);
  return texts.corpus.profiles
    .map((profile, i) => ({
      row: texts.rows[i] as ApplicationTextRow,
      similarity: Math.floor(texts.corpus.similarity(typed, profile) * 100) / 100,
    }))
    .filter((match) => match.similarity >= HINT_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity || a.row.name.localeCompare(b.row.name, 'fr'))
    .slice(0, HINT_COUNT);
}
