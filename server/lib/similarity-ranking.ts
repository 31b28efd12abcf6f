import {
  combinedSimilarity,
  nameSimilarity,
  sameWord,
  type TextCorpus,
  type TextProfile,
} from './similarity.ts';

/**
 * The texts of a corpus most like one profile (a need being typed), without comparing it with every
 * text: a text that shares no term with the profile and has no name word like one of the profile's
 * (sameWord) scores 0, so only the texts found through two inverted lists are scored — the terms' list
 * (which also sums the shared rarity, the costly part of the measure) and the name words' list, grouped
 * by first letter since two name words only match when it is the same. The scores are those of
 * `TextCorpus.similarity`; similarity-ranking.test.ts compares them with the full comparison.
 */

interface Postings {
  /** Per term, the texts that hold it. */
  terms: Map<string, number[]>;
  /** Per first letter, per name term, the texts whose name holds it. */
  names: Map<string, Map<string, number[]>>;
  /** Scratch, reused by every ranking (a ranking never waits, so never overlaps another). */
  shared: Int32Array;
  sharedWeight: Float64Array;
  stamp: Int32Array;
  nameStamp: Int32Array;
  epoch: number;
}

const postingsOf = new WeakMap<TextCorpus, Postings>();

function push<K>(map: Map<K, number[]>, key: K, i: number) {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

function postings(corpus: TextCorpus): Postings {
  let found = postingsOf.get(corpus);
  if (found) return found;
  const count = corpus.profiles.length;
  found = {
    terms: new Map(),
    names: new Map(),
    shared: new Int32Array(count),
    sharedWeight: new Float64Array(count),
    stamp: new Int32Array(count),
    nameStamp: new Int32Array(count),
    epoch: 0,
  };
  const { terms, names } = found;
  corpus.profiles.forEach((profile, i) => {
    for (const term of profile.words) push(terms, term, i);
    for (const term of profile.nameWords) {
      const first = term[0] ?? '';
      const byTerm = names.get(first) ?? new Map<string, number[]>();
      names.set(first, byTerm);
      push(byTerm, term, i);
    }
  });
  postingsOf.set(corpus, found);
  return found;
}

export interface RankedText {
  index: number;
  score: number;
}

/**
 * The texts of the corpus scoring at least `minScore` against `query`, best first (then by index), at
 * most `limit`, among those `accept` keeps.
 */
export function rankSimilar(
  corpus: TextCorpus,
  query: TextProfile,
  options: { minScore: number; limit: number; accept?: (index: number) => boolean },
): RankedText[] {
  const p = postings(corpus);
  p.epoch += 1;
  const { epoch, shared, sharedWeight, stamp, nameStamp } = p;
  const candidates: number[] = [];
  const touch = (i: number) => {
    if (stamp[i] === epoch || nameStamp[i] === epoch) return;
    candidates.push(i);
  };
  for (const term of query.words) {
    const list = p.terms.get(term);
    if (!list) continue;
    const rarity = corpus.rarity(term);
    for (const i of list) {
      if (stamp[i] !== epoch) {
        touch(i);
        stamp[i] = epoch;
        shared[i] = 0;
        sharedWeight[i] = 0;
      }
      shared[i] = (shared[i] as number) + 1;
      sharedWeight[i] = (sharedWeight[i] as number) + rarity;
    }
  }
  for (const word of query.nameWords) {
    const byTerm = p.names.get(word[0] ?? '');
    if (!byTerm) continue;
    for (const [term, list] of byTerm) {
      if (!sameWord(word, term)) continue;
      for (const i of list) {
        touch(i);
        nameStamp[i] = epoch;
      }
    }
  }
  // The best `limit` so far, best first: a text whose best possible score cannot enter is not compared
  // by name (the costly part). Its names' likeness is at most the share of the shorter name's words.
  const best: RankedText[] = [];
  const floor = () =>
    best.length === options.limit
      ? Math.max(options.minScore, (best.at(-1) as RankedText).score)
      : options.minScore;
  for (const i of candidates) {
    if (options.accept && !options.accept(i)) continue;
    const profile = corpus.profiles[i] as TextProfile;
    const inTerms = stamp[i] === epoch;
    const sharedCount = inTerms ? (shared[i] as number) : 0;
    const weight = inTerms ? (sharedWeight[i] as number) : 0;
    let score = combinedSimilarity(query, profile, sharedCount, weight, 0);
    if (nameStamp[i] === epoch) {
      const shorter = Math.min(query.nameWords.length, profile.nameWords.length);
      const longer = Math.max(query.nameWords.length, profile.nameWords.length);
      if (combinedSimilarity(query, profile, sharedCount, weight, shorter / longer) >= floor())
        score = combinedSimilarity(query, profile, sharedCount, weight, nameSimilarity(query, profile));
    }
    if (score < floor()) continue;
    const match = { index: i, score };
    let at = best.length;
    while (at > 0 && isBefore(match, best[at - 1] as RankedText)) at -= 1;
    if (best.length === options.limit) {
      if (at === best.length) continue;
      best.pop();
    }
    best.splice(at, 0, match);
  }
  return best;
}

const isBefore = (a: RankedText, b: RankedText) =>
  a.score > b.score || (a.score === b.score && a.index < b.index);
