import { SIMILAR_KINDS, type SimilarKind, type SimilarRequest } from '../../../common/schemas/similar.ts';
import type { Executor } from '../../db/client.ts';
import { requireActor, type ServiceContext } from '../../lib/context.ts';
import { TextCorpus, type TextProfile } from '../../lib/similarity.ts';
import { rankSimilar } from '../../lib/similarity-ranking.ts';
import { frenchVocabulary } from '../../lib/similarity-vocabulary.ts';
import type { AnySimilarSource, SimilarHead } from './similar-source.ts';
import { SIMILAR_SOURCES } from './similar-sources.ts';

/**
 * Items of every kind like a title and a need being typed (POST /api/similar), by the measure of the
 * redundancy clusters and the duplicate hint (server/lib/similarity.ts) over one corpus of all the kinds'
 * live items — a word's rarity is counted across kinds, so a word every project uses weighs little
 * against the sheets too. The corpus is built again when a source's rows change (their identity,
 * similar-source.ts); a request then stems its own words (cached) and scores only the items that share a
 * term with it (similarity-ranking.ts).
 */

/** Below this a match shares a common word or two, not a need (the scores of the quality test start at 0.07). */
export const SIMILAR_MIN_SCORE = 0.05;
const MAX_SHARED_TERMS = 8;

interface Entry {
  source: AnySimilarSource;
  row: unknown;
  title: string;
  text: string;
}

interface Combined {
  parts: readonly (readonly unknown[])[];
  entries: Entry[];
  corpus: TextCorpus;
  /** The answers given on this corpus, by request: the form asks again for what is being typed. */
  answers: Map<string, SimilarItem[]>;
  /** The words of the items recently shown (title first), for their shared terms: the same items come back. */
  words: Map<Entry, ItemWord[]>;
}

/** A word of an item: its term, as the item writes it, and that in lower case. */
interface ItemWord {
  term: string;
  written: string;
  key: string;
}

/** The answers kept per corpus: the most recent requests (a map keeps its insertion order). */
const KEPT_ANSWERS = 500;
/** The items whose words are kept per corpus, the most recently shown. */
const KEPT_ITEM_WORDS = 1_000;

const combined = new WeakMap<object, Combined>();
const building = new WeakMap<object, { parts: readonly (readonly unknown[])[]; done: Promise<Combined> }>();

const sameParts = (a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]) =>
  a.length === b.length && a.every((part, k) => part === b[k]);

async function build(db: Executor, sources: AnySimilarSource[], parts: readonly (readonly unknown[])[]) {
  const entries: Entry[] = [];
  sources.forEach((source, k) => {
    for (const row of parts[k] ?? []) entries.push({ source, row, ...source.text(row) });
  });
  await frenchVocabulary.prepare(
    db,
    entries.flatMap((entry) => [entry.title, entry.text]),
  );
  const corpus = new TextCorpus(
    entries.map((entry) => ({ name: entry.title, summary: entry.text })),
    frenchVocabulary,
  );
  const result = { parts, entries, corpus, answers: new Map(), words: new Map() };
  combined.set(db, result);
  return result;
}

/** The corpus of every kind's live items, built again only when one of them changed. */
async function combinedCorpus(db: Executor): Promise<Combined> {
  const sources: AnySimilarSource[] = Object.values(SIMILAR_SOURCES);
  const parts: (readonly unknown[])[] = [];
  for (const source of sources) parts.push(await source.live(db));
  const cached = combined.get(db);
  if (cached && sameParts(cached.parts, parts)) return cached;
  // Callers that find the same rows being read share one build.
  const pending = building.get(db);
  if (pending && sameParts(pending.parts, parts)) return pending.done;
  const done = build(db, sources, parts);
  building.set(db, { parts, done });
  try {
    return await done;
  } finally {
    if (building.get(db)?.done === done) building.delete(db);
  }
}

/** The words of an item, title first, read once while it keeps being shown. */
function itemWords(combined: Combined, entry: Entry) {
  const kept = combined.words.get(entry);
  if (kept) return kept;
  const words: ItemWord[] = [];
  for (const text of [entry.title, entry.text]) {
    for (const span of combined.corpus.vocabulary.spans(text)) {
      const written = text.slice(span.start, span.end);
      words.push({ term: span.term, written, key: written.toLocaleLowerCase('fr') });
    }
  }
  if (combined.words.size >= KEPT_ITEM_WORDS)
    combined.words.delete(combined.words.keys().next().value as Entry);
  combined.words.set(entry, words);
  return words;
}

/** The item's words that the query shares, as the item writes them (title first), each once. */
function sharedTerms(combined: Combined, query: TextProfile, entry: Entry) {
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const { term, written, key } of itemWords(combined, entry)) {
    if (!query.words.has(term)) continue;
    if (seen.has(key) || seen.has(term)) continue;
    seen.add(key);
    seen.add(term);
    terms.push(written);
    if (terms.length === MAX_SHARED_TERMS) return terms;
  }
  return terms;
}

/** The items most like the title and text, best first, of the kinds asked (all by default). */
export async function findSimilarItems(ctx: ServiceContext, request: SimilarRequest): Promise<SimilarItem[]> {
  requireActor(ctx);
  const kinds = new Set<SimilarKind>(request.kinds ?? SIMILAR_KINDS);
  const combined = await combinedCorpus(ctx.db);
  // The same question on the same corpus has the same answer (every kind's items unchanged).
  const key = JSON.stringify([request.title, request.text, [...kinds].sort(), request.limit]);
  const kept = combined.answers.get(key);
  if (kept) {
    combined.answers.delete(key);
    combined.answers.set(key, kept);
    return kept;
  }
  const answer = await rank(ctx.db, combined, request, kinds);
  combined.answers.set(key, answer);
  if (combined.answers.size > KEPT_ANSWERS)
    combined.answers.delete(combined.answers.keys().next().value as string);
  return answer;
}

async function rank(db: Executor, combined: Combined, request: SimilarRequest, kinds: Set<SimilarKind>) {
  const { entries, corpus } = combined;
  await frenchVocabulary.prepare(db, [request.title, request.text]);
  const query = corpus.profile(request.title, request.text);
  const ranked = rankSimilar(corpus, query, {
    minScore: SIMILAR_MIN_SCORE,
    limit: request.limit,
    accept: (i) => kinds.has((entries[i] as Entry).source.kind),
  });
  return ranked.map(({ index, score }) => {
    const entry = entries[index] as Entry;
    return {
      kind: entry.source.kind,
      ...(entry.source.present(entry.row) as SimilarHead),
      score: Math.floor(score * 100) / 100,
      sharedTerms: sharedTerms(combined, query, entry),
    };
  });
}
export interface SimilarItem extends SimilarHead {
  kind: SimilarKind;
  score: number;
  sharedTerms: string[];
}
