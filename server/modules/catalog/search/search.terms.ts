import type { Executor } from '../../../db/client.ts';
import { readTokenTerms } from './search.terms.queries.ts';
import type { QueryClause, QueryTerm } from './search.text.ts';

/**
 * The words of a text query as lexemes of PostgreSQL's `french` configuration, for the in-memory text
 * index (search.text.ts): each word is a prefix term (as `to_tsquery('french', f_unaccent('word:*'))`
 * reads it) and, when it starts no known word (4 letters or more), the closest known words of the
 * `search_words` lexicon (trigram) are exact alternatives — the typo tolerance. One statement for the
 * words not yet in the cache.
 */

/** Words of the query, as the tsquery syntax allows them (letters and digits only). */
export function queryTokens(q: string | undefined): string[] {
  if (!q) return [];
  // Digits joined by dots stay one word ("7.4"), as the French parser reads a version.
  return [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]+(?:\.\p{N}+)*/gu) ?? [])].slice(0, 8);
}

/** What PostgreSQL makes of one word of a query. */
export interface TokenTerms {
  /** Its lexemes (none for a stop word). */
  lexemes: string[];
  /** The closest known words when it starts none (typos), with their lexemes. */
  alternatives: { word: string; lexemes: string[] }[];
  /** It starts no known word: its alternatives may change when the lexicon grows. */
  unknown: boolean;
}

/**
 * The terms of the words already asked, least recently used first out (a Map keeps insertion order).
 * Stemming never changes; only the typo alternatives depend on the lexicon of the catalogue, so
 * `invalidate()` (called when a catalogue change was applied) forgets the words that started no known
 * word, and a lookup that began before it does not store its answer.
 */
export class TermCache {
  private readonly entries = new Map<string, TokenTerms>();
  private generation = 0;

  constructor(private readonly maxEntries = 2000) {}

  invalidate(): void {
    this.generation += 1;
    for (const [token, terms] of this.entries) if (terms.unknown) this.entries.delete(token);
  }

  get(token: string) {
    const terms = this.entries.get(token);
    if (terms) {
      this.entries.delete(token);
      this.entries.set(token, terms);
    }
    return terms;
  }

  /** The generation a lookup starts in: what it finds is stored only if no change came meanwhile. */
  begin() {
    return this.generation;
  }

  store(generation: number, token: string, terms: TokenTerms) {
    if (generation !== this.generation) return;
    this.entries.set(token, terms);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size() {
    return this.entries.size;
  }
}

/** The terms of each token, from the cache or from one statement for those not in it. */
export async function lookupTerms(
  db: Executor,
  tokens: string[],
  cache: TermCache,
): Promise<Map<string, TokenTerms>> {
  const found = new Map<string, TokenTerms>();
  const missing: string[] = [];
  for (const token of tokens) {
    const terms = cache.get(token);
    if (terms) found.set(token, terms);
    else missing.push(token);
  }
  if (missing.length === 0) return found;
  const generation = cache.begin();
  const rows = await readTokenTerms(db, missing);
  const fresh = new Map<string, TokenTerms>();
  for (const row of rows) {
    let terms = fresh.get(row.token);
    if (!terms) {
      terms = { lexemes: [], alternatives: [], unknown: row.unknown };
      fresh.set(row.token, terms);
    }
    if (row.word === null) terms.lexemes = row.lexemes;
    else terms.alternatives.push({ word: row.word, lexemes: row.lexemes });
  }
  for (const token of missing) {
    const terms = fresh.get(token) ?? { lexemes: [], alternatives: [], unknown: false };
    cache.store(generation, token, terms);
    found.set(token, terms);
  }
  return found;
}

/**
 * The clauses of a text query for TextIndex.match: one per word (AND), its alternatives OR-ed — the
 * word as a prefix, and its typo alternatives as exact words. A term that PostgreSQL reduces to nothing
 * (a stop word) is dropped, and so is a clause left without a term, as `to_tsquery` does; so a query of
 * stop words only gives no clause (and matches nothing). null: the query has no words at all.
 */
export async function queryClauses(
  db: Executor,
  q: string | undefined,
  cache: TermCache,
): Promise<QueryClause[] | null> {
  const tokens = queryTokens(q);
  if (tokens.length === 0) return null;
  const terms = await lookupTerms(db, tokens, cache);
  const clauses: QueryClause[] = [];
  for (const token of tokens) {
    const found = terms.get(token);
    if (!found) continue;
    const clause: QueryTerm[] = [];
    if (found.lexemes.length > 0) clause.push({ lexemes: found.lexemes, prefix: true });
    for (const alternative of found.alternatives)
      if (alternative.lexemes.length > 0) clause.push({ lexemes: alternative.lexemes, prefix: false });
    if (clause.length > 0) clauses.push(clause);
  }
  return clauses;
}
