import { comparableText } from '../../common/text.ts';

/**
 * How alike two things people described in a name and a summary are — two application sheets, a sheet
 * and a project idea. One measure for the redundancy clusters, the duplicate hint of the form and any
 * module that asks "has this been done already?".
 *
 * Words first: accents, case, punctuation, small words, plural endings and words that name software
 * rather than a need ("outil", "V2") are left out. Then the best of two views, 0–1:
 * - the names: a Jaccard index of their words in which two words match when equal, when one starts the
 *   other (a word being typed) or when one typo apart, weighted 3/4, with the plain Jaccard index of all
 *   the words 1/4 — catches a sheet declared again under the same name, retyped;
 * - all the words weighted by their rarity in the corpus (inverse document frequency): two summaries that
 *   share "indus" and "recouvrement" are closer than two that share "suivi" and "agents" — catches the
 *   same need under another name.
 */

/** Small French words, and words that name the software rather than the need. */
const STOP_WORDS = new Set(
  [
    'a au aux avec ce ces d dans de des du en et l la le les leur leurs n ou par pour sa se ses son sur un une vos votre',
    'application appli logiciel outil module nouveau nouvelle version',
  ]
    .join(' ')
    .split(' '),
);

/** A word of a text: its plain form (no accents, lower case, no plural ending) and where it stands. */
export interface TextWord {
  plain: string;
  start: number;
  end: number;
}

/**
 * The words that carry meaning, with their place in the text: no accents, lower case, no small words, no
 * plural ending. A name written in one piece with capitals ("GesCongés", "eDemandes") is read as its
 * words too.
 */
export function textWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  for (const token of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    let at = token.index;
    // A lower-case letter followed by a capital splits a word written in one piece ("GesCongés").
    for (const piece of token[0].split(/(?<=\p{Ll})(?=\p{Lu})/u)) {
      for (const plain of comparableText(piece).split(/[^a-z0-9]+/)) {
        if (plain.length === 0 || STOP_WORDS.has(plain) || /^v\d+$/.test(plain)) continue;
        const word = plain.length > 3 ? plain.replace(/[sx]$/, '') : plain;
        words.push({ plain: word, start: at, end: at + piece.length });
      }
      at += piece.length;
    }
  }
  return words;
}

/** The plain words of a text (textWords), in order. */
export function meaningfulWords(text: string): string[] {
  return textWords(text).map((word) => word.plain);
}

/**
 * How the words of a text become the terms the measure compares. The plain one is the words themselves;
 * the French one (similarity-vocabulary.ts) stems them and maps the domain's synonyms to one term.
 */
export interface Vocabulary {
  /** The terms of a text with the place of the words each comes from. */
  spans(text: string): { term: string; start: number; end: number }[];
}

export const PLAIN_WORDS: Vocabulary = {
  spans: (text) => textWords(text).map(({ plain, start, end }) => ({ term: plain, start, end })),
};

/** What a text is compared by, computed once per text. */
export interface TextProfile {
  nameWords: string[];
  words: Set<string>;
  /** The sum of the rarity of its words. */
  weight: number;
}

const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edit distance with adjacent transpositions (optimal string alignment), or `limit + 1` as soon as it is
 * known to exceed `limit`. Three reused rows: it runs for many word pairs.
 */
function editDistance(a: string, b: string, limit: number) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (b.length >= 63) return a === b ? 0 : limit + 1;
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] as number) + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] as number;
}

/** Equal, one the start of the other (4 letters at least), or one typo apart (two for long words). */
export function sameWord(a: string, b: string) {
  if (a === b) return true;
  const shortest = Math.min(a.length, b.length);
  if (shortest >= 4 && (a.startsWith(b) || b.startsWith(a))) return true;
  // A typo rarely hits the first letter; requiring it spares most comparisons.
  if (shortest < 5 || a.charCodeAt(0) !== b.charCodeAt(0)) return false;
  const limit = Math.max(a.length, b.length) >= 8 ? 2 : 1;
  return editDistance(a, b, limit) <= limit;
}

/** Jaccard index of two word lists, a word matching at most one word of the other list (exact matches first). */
function wordJaccard(a: string[], b: string[]) {
  if (a.length === 0 || b.length === 0) return 0;
  let used = 0;
  let shared = 0;
  const pending: string[] = [];
  for (const word of a) {
    const k = b.indexOf(word);
    if (k >= 0 && (used & (1 << k)) === 0) {
      used |= 1 << k;
      shared += 1;
    } else pending.push(word);
  }
  for (const word of pending) {
    for (let k = 0; k < b.length; k += 1) {
      if ((used & (1 << k)) === 0 && sameWord(word, b[k] as string)) {
        used |= 1 << k;
        shared += 1;
        break;
      }
    }
  }
  return shared / (a.length + b.length - shared);
}

/** The names' weight in the names view (the words' is the rest). */
export const NAME_WEIGHT = 0.75;

/** A set of texts and the rarity of their words: profiles and their similarity. */
export class TextCorpus {
  private readonly frequency = new Map<string, number>();
  private readonly rarityOf = new Map<string, number>();
  readonly profiles: TextProfile[];

  constructor(
    texts: readonly { name: string; summary: string }[],
    readonly vocabulary: Vocabulary = PLAIN_WORDS,
  ) {
    const words = texts.map((text) => this.words(text.name, text.summary));
    for (const { all } of words)
      for (const word of all) this.frequency.set(word, (this.frequency.get(word) ?? 0) + 1);
    for (const [word, count] of this.frequency)
      this.rarityOf.set(word, Math.log((texts.length + 1) / (count + 0.5)));
    this.profiles = words.map(({ name, all }) => this.weigh(name, all));
  }

  private terms(text: string) {
    return this.vocabulary.spans(text).map((span) => span.term);
  }

  private words(name: string, summary: string) {
    // At most 30 name words: the matching keeps a bit per word.
    const nameWords = [...new Set(this.terms(name))].slice(0, 30);
    return { name: nameWords, all: new Set([...nameWords, ...this.terms(summary)]) };
  }

  private weigh(nameWords: string[], words: Set<string>): TextProfile {
    let weight = 0;
    for (const word of words) weight += this.rarity(word);
    return { nameWords, words, weight };
  }

  /** How rare a word is in the corpus; a word the corpus never saw is as rare as can be. */
  rarity(word: string) {
    return this.rarityOf.get(word) ?? Math.log((this.frequency.size + 1) / 0.5);
  }

  /** The profile of a text outside the corpus (a name being typed), weighed by the corpus. */
  profile(name: string, summary: string): TextProfile {
    const { name: nameWords, all } = this.words(name, summary);
    return this.weigh(nameWords, all);
  }

  /** How many texts of the corpus hold the word. */
  documentFrequency(word: string) {
    return this.frequency.get(word) ?? 0;
  }

  /** Similarity of two profiles, 0–1 (see the top of the file). */
  similarity(a: TextProfile, b: TextProfile): number {
    const [small, large] = a.words.size < b.words.size ? [a.words, b.words] : [b.words, a.words];
    let shared = 0;
    let sharedWeight = 0;
    for (const word of small) {
      if (!large.has(word)) continue;
      shared += 1;
      sharedWeight += this.rarity(word);
    }
    return combinedSimilarity(a, b, shared, sharedWeight, nameSimilarity(a, b));
  }
}

/** How alike the names of two profiles are (0 when no word of one matches a word of the other). */
export const nameSimilarity = (a: TextProfile, b: TextProfile) => wordJaccard(a.nameWords, b.nameWords);

/**
 * The score of two profiles from what they share: `shared` words weighing `sharedWeight` in all, and
 * their names' likeness (see the top of the file).
 */
export function combinedSimilarity(
  a: TextProfile,
  b: TextProfile,
  shared: number,
  sharedWeight: number,
  names: number,
) {
  const totalWeight = a.weight + b.weight - sharedWeight;
  const rare = totalWeight > 0 ? sharedWeight / totalWeight : 0;
  const all = shared / (a.words.size + b.words.size - shared || 1);
  return Math.max(rare, NAME_WEIGHT * names + (1 - NAME_WEIGHT) * all);
}

export interface SimilarPair {
  i: number;
  j: number;
  score: number;
}

/**
 * The pairs of texts of a corpus at or above `threshold`, compared only within one group (a business
 * domain), and only when they share a word held by at most 5 % of the corpus (20 texts at least) or one of
 * the two rarest words of either name (a retyped name keeps at least one of them, even when its rare word
 * has a typo). Two texts sharing only common words are not alike, and the cost follows the rare words.
 */
export function similarPairs(corpus: TextCorpus, groupOf: (i: number) => string, threshold: number) {
  const { profiles } = corpus;
  const common = Math.max(20, profiles.length * 0.05);
  const rarest = (words: Iterable<string>, count: number) =>
    [...words].sort((a, b) => corpus.documentFrequency(a) - corpus.documentFrequency(b)).slice(0, count);
  const postings = new Map<string, number[]>();
  const post = (key: string, i: number) => {
    const list = postings.get(key);
    if (list) list.push(i);
    else postings.set(key, [i]);
  };
  profiles.forEach((profile, i) => {
    const group = groupOf(i);
    for (const word of profile.words)
      if (corpus.documentFrequency(word) <= common) post(`${group}\u0000${word}`, i);
    for (const word of rarest(profile.nameWords, 2))
      if (corpus.documentFrequency(word) > common) post(`${group}\u0000${word}`, i);
  });
  const compared = new Set<number>();
  const pairs: SimilarPair[] = [];
  for (const members of postings.values()) {
    for (let x = 0; x < members.length; x += 1) {
      for (let y = x + 1; y < members.length; y += 1) {
        const i = members[x] as number;
        const j = members[y] as number;
        const key = i * profiles.length + j;
        if (compared.has(key)) continue;
        compared.add(key);
        const score = corpus.similarity(profiles[i] as TextProfile, profiles[j] as TextProfile);
        if (score >= threshold) pairs.push({ i, j, score });
      }
    }
  }
  return pairs;
}

/**
 * Groups by complete linkage: two groups join only when every pair across them is similar enough, and
 * never beyond `maxSize` — so a chain of look-alikes (A like B, B like C) does not pull unrelated texts
 * together. Strongest pairs first. Returns the groups of two or more, each with its weakest pair's score.
 */
export function completeLinkage(count: number, pairs: SimilarPair[], maxSize: number) {
  const score = new Map(pairs.map((p) => [p.i * count + p.j, p.score]));
  const scoreOf = (a: number, b: number) => score.get(Math.min(a, b) * count + Math.max(a, b));
  const groupOf = Array.from({ length: count }, (_, i) => i);
  const members = new Map<number, { items: number[]; weakest: number }>();
  const ordered = [...pairs].sort((p, q) => q.score - p.score || p.i - q.i || p.j - q.j);
  for (const { i, j } of ordered) {
    const gi = groupOf[i] as number;
    const gj = groupOf[j] as number;
    if (gi === gj) continue;
    const a = members.get(gi) ?? { items: [gi], weakest: 1 };
    const b = members.get(gj) ?? { items: [gj], weakest: 1 };
    if (a.items.length + b.items.length > maxSize) continue;
    let weakest = Math.min(a.weakest, b.weakest);
    let linked = true;
    for (const x of a.items) {
      for (const y of b.items) {
        const s = scoreOf(x, y);
        if (s === undefined) {
          linked = false;
          break;
        }
        weakest = Math.min(weakest, s);
      }
      if (!linked) break;
    }
    if (!linked) continue;
    for (const y of b.items) groupOf[y] = gi;
    members.set(gi, { items: [...a.items, ...b.items], weakest });
    members.delete(gj);
  }
  return [...members.values()];
}
