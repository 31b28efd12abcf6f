import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { selectRows } from './rows.ts';
import { textWords, type Vocabulary } from './similarity.ts';
import { SYNONYMS } from './similarity-synonyms.ts';

/**
 * The French vocabulary of the similarity measure: each word stemmed by PostgreSQL's `french`
 * configuration through `f_unaccent` — the normalisation of the catalogue search (search.terms.ts), so
 * "congés", "conge" and "Congé" are one term, and PostgreSQL's French stop words are left out — then the
 * domain's synonyms (similarity-synonyms.ts) mapped to one term: "vacances" is "congé", "CSS" and
 * "mutuelle gratuite" are "complémentaire santé solidaire". A synonym of several words adds its term to
 * the words it is made of, which stay (so "indemnités" still meets "indemnités journalières").
 *
 * Stemming never changes: the stems are kept for the process (a word once), looked up in one statement
 * for the words not yet known (`prepare`, before a corpus or a query is read). A word not prepared is
 * compared as it is.
 */

/** Stems of plain words ('' for a stop word); forgotten past this many (typed words would grow it). */
const MAX_STEMS = 200_000;
const LOOKUP_CHUNK = 5_000;
/** Small words PostgreSQL's French list keeps, which say nothing about a need. */
const EXTRA_STOP_WORDS = new Set(
  'afin ainsi apre aupre avant chaque chez depui dont entre lor moin nou plu pui san selon sou tou toute tre ver vou'.split(
    ' ',
  ),
);

/**
 * The form of a plain word that is stemmed. Its plural ending is already gone (textWords): the stemmer
 * keeps the "s" of "indus", so "indus" and "indu" would differ. A feminine past participle loses its
 * second "e", which the stemmer reads otherwise ("versée" → "verse", but "versé" → "vers").
 */
const stemKey = (plain: string) => (plain.endsWith('ee') ? plain.slice(0, -1) : plain);

/** A synonym of several terms: the terms, and the one it adds. */
interface Phrase {
  terms: string[];
  term: string;
}

export class FrenchVocabulary implements Vocabulary {
  private readonly stems = new Map<string, string>();
  private single = new Map<string, string>();
  private phrases = new Map<string, Phrase[]>();
  private synonymsReady = false;

  /** Looks up the stems of the words of `texts` not yet known (and, the first time, of the synonyms). */
  async prepare(db: Executor, texts: Iterable<string>): Promise<void> {
    const missing = new Set<string>();
    const collect = (text: string) => {
      for (const { plain } of textWords(text)) {
        const key = stemKey(plain);
        if (!this.stems.has(key)) {
          if (EXTRA_STOP_WORDS.has(key)) this.stems.set(key, '');
          else missing.add(key);
        }
      }
    };
    if (!this.synonymsReady) for (const group of SYNONYMS) for (const entry of group) collect(entry);
    for (const text of texts) collect(text);
    if (this.stems.size + missing.size > MAX_STEMS) this.stems.clear();
    const words = [...missing];
    for (let k = 0; k < words.length; k += LOOKUP_CHUNK)
      for (const row of await readFrenchStems(db, words.slice(k, k + LOOKUP_CHUNK)))
        this.stems.set(row.word, row.lexemes.join(''));
    if (!this.synonymsReady) this.readSynonyms();
  }

  private readSynonyms() {
    const single = new Map<string, string>();
    const phrases = new Map<string, Phrase[]>();
    for (const group of SYNONYMS) {
      const [head, ...others] = group.map((entry) => this.stemmed(entry).map((span) => span.term));
      if (!head || head.length === 0) continue;
      // A term of several words is marked: "professionnels" being typed is not the start of it.
      const term = head.length > 1 ? `~${head.join(' ')}` : (head[0] as string);
      for (const terms of [head, ...others]) {
        if (terms.length === 1) {
          const word = terms[0] as string;
          if (word !== term && !single.has(word)) single.set(word, term);
        } else if (terms.length > 1) {
          const list = phrases.get(terms[0] as string) ?? [];
          list.push({ terms, term });
          // Longest first: "arrêt de travail de longue durée" before "arrêt de travail".
          list.sort((a, b) => b.terms.length - a.terms.length);
          phrases.set(terms[0] as string, list);
        }
      }
    }
    this.single = single;
    this.phrases = phrases;
    this.synonymsReady = true;
  }

  /** The stemmed words of a text, stop words left out, no synonyms. */
  private stemmed(text: string) {
    const out: { term: string; start: number; end: number }[] = [];
    for (const { plain, start, end } of textWords(text)) {
      const key = stemKey(plain);
      const stem = this.stems.get(key) ?? key;
      if (stem !== '') out.push({ term: stem, start, end });
    }
    return out;
  }

  spans(text: string) {
    const words = this.stemmed(text);
    const out: { term: string; start: number; end: number }[] = [];
    // Words inside a phrase found keep their own stem: "médecin" of "médecin conseil" is not a doctor.
    let coveredUntil = 0;
    words.forEach((word, i) => {
      for (const phrase of this.phrases.get(word.term) ?? []) {
        const end = i + phrase.terms.length;
        if (end > words.length) continue;
        if (phrase.terms.every((term, k) => words[i + k]?.term === term)) {
          out.push({ term: phrase.term, start: word.start, end: (words[end - 1] as { end: number }).end });
          coveredUntil = Math.max(coveredUntil, end);
          break;
        }
      }
      const term = i < coveredUntil ? word.term : (this.single.get(word.term) ?? word.term);
      out.push({ term, start: word.start, end: word.end });
    });
    return out;
  }
}

/** The process's French vocabulary (stems are the same for every database). */
export const frenchVocabulary = new FrenchVocabulary();

/** What PostgreSQL's `french` configuration makes of each word: its lexemes, none for a stop word. */
async function readFrenchStems(db: Executor, words: string[]) {
  return selectRows<{ word: string; lexemes: string[] }>(
    db,
    sql`SELECT w.word, tsvector_to_array(to_tsvector('french', f_unaccent(w.word))) AS lexemes
        FROM unnest(${sql.param(words)}::text[]) AS w(word)`,
  );
}
