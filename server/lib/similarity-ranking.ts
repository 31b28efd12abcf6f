import {
  combinedSimilarity,
  NAME_WEIGHT,
  nameSimilarity,
  sameWord,
  type TextCorpus,
  type TextProfile,
} from './similarity.ts';

/**
 * The texts of a corpus most like one profile (a need being typed), without comparing it with every
 * text, and without even visiting every text that shares a word with it. The scores are those of
 * `TextCorpus.similarity`; similarity-ranking.test.ts compares the result with the full comparison.
 *
 * A text can only score above 0 through what it shares with the query — a term, or a name word like one
 * of the query's (sameWord) — and each of these "features" has an inverted list: the texts holding the
 * term, the texts whose name holds a word like the query's name word. A text sharing rarity s, t terms
 * and m name words (the query weighing W, with T terms and N name words; the text weighing w ≥ s, with
 * d ≥ t terms and n ≥ m name words) scores at most (f(x, X, y) = x ÷ (X + y − x), growing in x, falling
 * in y):
 * - in the rare-words view, f(s, W, w);
 * - in the names view, 3/4 × f(m, N, n) + 1/4 × f(t, T, d) — the names' Jaccard counts at most the name
 *   words of the query that have a like word in the text's name.
 * The features are taken rarest first (shortest list first), each text met scored in full once. Two
 * bounds, against the floor (the worst of the best `limit` so far, or `minScore`):
 * - before a list, the best score of a text made only of the features not yet taken, each of its sizes
 *   the least of their lists' (kept per list): below the floor, the walk stops — the long lists of common
 *   words ("gestion", "service") are never walked;
 * - for a text first met in a list, the same with its own sizes: below the floor, it is not scored.
 * Exact (max-score pruning): a text left out scores below the floor, so below every text returned.
 */

/** Texts, and the least any of them weighs: what bounds the score of a text found through them. */
interface TextList {
  texts: number[];
  /** The smallest rarity sum (`TextProfile.weight`), number of terms and number of name words. */
  minWeight: number;
  minWords: number;
  minNames: number;
}

interface Postings {
  /** Per term, the texts that hold it. */
  terms: Map<string, TextList>;
  /** Per first letter, per name term, the texts whose name holds it. */
  names: Map<string, Map<string, TextList>>;
  /** Per name word of a query, the corpus's name terms like it (sameWord): queries repeat their words. */
  nameMatches: Map<string, string[]>;
  /** Per text, what bounds its score (`TextProfile.weight`, its number of terms and of name words). */
  weight: Float64Array;
  words: Int32Array;
  nameWords: Int32Array;
  /** Scratch, reused by every ranking (a ranking never waits, so never overlaps another). */
  stamp: Int32Array;
  epoch: number;
}

/** The name words whose matches are kept per corpus before the cache starts again. */
const KEPT_NAME_MATCHES = 20_000;
/** Room for the rounding of the bounds' arithmetic, far below any difference of scores. */
const BOUND_MARGIN = 1e-9;

const postingsOf = new WeakMap<TextCorpus, Postings>();

function add<K>(map: Map<K, TextList>, key: K, i: number, profile: TextProfile) {
  const list = map.get(key);
  if (!list) {
    map.set(key, {
      texts: [i],
      minWeight: profile.weight,
      minWords: profile.words.size,
      minNames: profile.nameWords.length,
    });
    return;
  }
  list.texts.push(i);
  list.minWeight = Math.min(list.minWeight, profile.weight);
  list.minWords = Math.min(list.minWords, profile.words.size);
  list.minNames = Math.min(list.minNames, profile.nameWords.length);
}

function postings(corpus: TextCorpus): Postings {
  let found = postingsOf.get(corpus);
  if (found) return found;
  found = {
    terms: new Map(),
    names: new Map(),
    nameMatches: new Map(),
    weight: Float64Array.from(corpus.profiles, (profile) => profile.weight),
    words: Int32Array.from(corpus.profiles, (profile) => profile.words.size),
    nameWords: Int32Array.from(corpus.profiles, (profile) => profile.nameWords.length),
    stamp: new Int32Array(corpus.profiles.length),
    epoch: 0,
  };
  const { terms, names } = found;
  corpus.profiles.forEach((profile, i) => {
    for (const term of profile.words) add(terms, term, i, profile);
    for (const term of profile.nameWords) {
      const first = term[0] ?? '';
      const byTerm = names.get(first) ?? new Map<string, TextList>();
      names.set(first, byTerm);
      add(byTerm, term, i, profile);
    }
  });
  postingsOf.set(corpus, found);
  return found;
}

/** The corpus's name terms like `word` (sameWord), looked up once per word and corpus. */
function nameTermsLike(p: Postings, word: string): string[] {
  const kept = p.nameMatches.get(word);
  if (kept) return kept;
  const found: string[] = [];
  for (const term of p.names.get(word[0] ?? '')?.keys() ?? []) if (sameWord(word, term)) found.push(term);
  if (p.nameMatches.size >= KEPT_NAME_MATCHES) p.nameMatches.clear();
  p.nameMatches.set(word, found);
  return found;
}

/**
 * What a text may share with the query — a term (with its rarity) or a name word like one of the
 * query's — with the lists of the texts that have it and the least those texts weigh.
 */
interface Feature {
  lists: TextList[];
  length: number;
  rarity: number;
  isName: boolean;
  minWeight: number;
  minWords: number;
  minNames: number;
}

const feature = (isName: boolean, rarity: number): Feature => ({
  lists: [],
  length: 0,
  rarity,
  isName,
  minWeight: Number.POSITIVE_INFINITY,
  minWords: Number.POSITIVE_INFINITY,
  minNames: Number.POSITIVE_INFINITY,
});

function include(into: Feature, list: TextList) {
  into.lists.push(list);
  into.length += list.texts.length;
  into.minWeight = Math.min(into.minWeight, list.minWeight);
  into.minWords = Math.min(into.minWords, list.minWords);
  into.minNames = Math.min(into.minNames, list.minNames);
}

/**
 * The query's features, shortest list first, and per corpus name term like a name word of the query the
 * query's name words it is like (one bit each, by their place: at most 30 name words).
 */
function features(corpus: TextCorpus, p: Postings, query: TextProfile) {
  const list: Feature[] = [];
  for (const term of query.words) {
    const texts = p.terms.get(term);
    if (!texts) continue;
    const found = feature(false, corpus.rarity(term));
    include(found, texts);
    list.push(found);
  }
  const likeNames = new Map<string, number>();
  query.nameWords.forEach((word, k) => {
    const found = feature(true, 0);
    const byTerm = p.names.get(word[0] ?? '');
    for (const term of nameTermsLike(p, word)) {
      likeNames.set(term, (likeNames.get(term) ?? 0) | (1 << k));
      include(found, byTerm?.get(term) as TextList);
    }
    if (found.length > 0) list.push(found);
  });
  list.sort((a, b) => a.length - b.length);
  return { list, likeNames };
}

/** `shared` ÷ (`mine` + `theirs` − `shared`) when `theirs` is at least `least` and at least `shared`. */
const atMost = (shared: number, mine: number, least: number) =>
  shared > 0 ? shared / (mine + Math.max(least, shared) - shared) : 0;

interface Shared {
  rarity: number;
  terms: number;
  names: number;
}

/**
 * The best score against `query` of a text that shares at most `rarity` (summed), `terms` and `names`
 * (name words of the query it has a word like) and weighs at least `weight`, `words` terms and
 * `nameWords` name words (see the top of the file).
 */
function bestScore(query: TextProfile, shared: Shared, weight: number, words: number, nameWords: number) {
  const rare = atMost(shared.rarity, query.weight, weight);
  const names = Math.min(1, atMost(shared.names, query.nameWords.length, nameWords));
  const all = atMost(shared.terms, query.words.size, words);
  return Math.max(rare, NAME_WEIGHT * names + (1 - NAME_WEIGHT) * all);
}

/**
 * Per k, what the features from the k-th on share at most (`left`), and the best score of a text whose
 * features are all among them: it weighs at least the least of their lists.
 */
function bounds(query: TextProfile, list: Feature[]) {
  const left: Shared[] = [];
  const bound = new Float64Array(list.length);
  const sum = { rarity: 0, terms: 0, names: 0 };
  const least = {
    weight: Number.POSITIVE_INFINITY,
    words: Number.POSITIVE_INFINITY,
    nameWords: Number.POSITIVE_INFINITY,
  };
  for (let k = list.length - 1; k >= 0; k -= 1) {
    const f = list[k] as Feature;
    if (f.isName) sum.names += 1;
    else {
      sum.terms += 1;
      sum.rarity += f.rarity;
    }
    least.weight = Math.min(least.weight, f.minWeight);
    least.words = Math.min(least.words, f.minWords);
    least.nameWords = Math.min(least.nameWords, f.minNames);
    left[k] = { ...sum };
    bound[k] = bestScore(query, sum, least.weight, least.words, least.nameWords);
  }
  return { left, bound };
}

const bitCount = (mask: number) => {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count += 1;
  return count;
};

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
  const { epoch, stamp, weight, words, nameWords } = p;
  const { list, likeNames } = features(corpus, p, query);
  const { left, bound } = bounds(query, list);
  // The query's terms that some text holds, in the query's order (the shared rarity is summed in it).
  const queryTerms: string[] = [];
  const queryRarity: number[] = [];
  for (const term of query.words) {
    if (!p.terms.has(term)) continue;
    queryTerms.push(term);
    queryRarity.push(corpus.rarity(term));
  }

  // The best `limit` so far, best first: a text whose best possible score cannot enter is not compared
  // by name (the costly part). Its names' likeness is at most that of its name words like the query's.
  const best: RankedText[] = [];
  const floor = () =>
    best.length === options.limit
      ? Math.max(options.minScore, (best.at(-1) as RankedText).score)
      : options.minScore;
  const score = (profile: TextProfile) => {
    let shared = 0;
    let sharedWeight = 0;
    for (let t = 0; t < queryTerms.length; t += 1) {
      if (!profile.words.has(queryTerms[t] as string)) continue;
      shared += 1;
      sharedWeight += queryRarity[t] as number;
    }
    let value = combinedSimilarity(query, profile, shared, sharedWeight, 0);
    let matched = 0;
    for (const word of profile.nameWords) matched |= likeNames.get(word) ?? 0;
    if (matched !== 0) {
      const names = atMost(bitCount(matched), query.nameWords.length, profile.nameWords.length);
      if (combinedSimilarity(query, profile, shared, sharedWeight, Math.min(1, names)) >= floor())
        value = combinedSimilarity(query, profile, shared, sharedWeight, nameSimilarity(query, profile));
    }
    return value;
  };
  // A text not met yet has none of the features taken so far: once the bound of those left is below the
  // floor, no text left can enter — not even the rest of the list being walked. A text first met in the
  // k-th list has only features from the k-th on: it is scored only if they could lift it, as heavy as
  // it is, to the floor.
  walk: for (let k = 0; k < list.length; k += 1) {
    const reach = (bound[k] as number) + BOUND_MARGIN;
    if (reach < floor()) break;
    const sharedAtMost = left[k] as Shared;
    for (const { texts } of (list[k] as Feature).lists) {
      for (const i of texts) {
        if (stamp[i] === epoch) continue;
        stamp[i] = epoch;
        const most = bestScore(
          query,
          sharedAtMost,
          weight[i] as number,
          words[i] as number,
          nameWords[i] as number,
        );
        if (most + BOUND_MARGIN < floor()) continue;
        if (options.accept && !options.accept(i)) continue;
        const value = score(corpus.profiles[i] as TextProfile);
        if (value < floor()) continue;
        const match = { index: i, score: value };
        let at = best.length;
        while (at > 0 && isBefore(match, best[at - 1] as RankedText)) at -= 1;
        if (best.length === options.limit) {
          if (at === best.length) continue;
          best.pop();
        }
        best.splice(at, 0, match);
        if (reach < floor()) break walk;
      }
    }
  }
  return best;
}

const isBefore = (a: RankedText, b: RankedText) =>
  a.score > b.score || (a.score === b.score && a.index < b.index);
