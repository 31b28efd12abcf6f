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
  const ranked: RankedText[] = [];
  for (const i of candidates) {
    if (options.accept && !options.accept(i)) continue;
    const profile = corpus.profiles[i] as TextProfile;
    const inTerms = stamp[i] === epoch;
    const score = combinedSimilarity(
      query,
      profile,
      inTerms ? (shared[i] as number) : 0,
      inTerms ? (sharedWeight[i] as number) : 0,
      nameStamp[i] === epoch ? nameSimilarity(query, profile) : 0,
    );
    if (score >= options.minScore) ranked.push({ index: i, score });
  }
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  return ranked.slice(0, options.limit);
}
