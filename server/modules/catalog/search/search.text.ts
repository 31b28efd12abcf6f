/**
 * The full text of the catalogue in memory: an inverted index over the lexemes of the stored French
 * vector (`applications.search_vector`, read as `search_vector::text`). Stemming and unaccenting are
 * PostgreSQL's own by construction: the documents are its output, and the words of a query are turned
 * into lexemes by the same `french` configuration (search.terms.ts). What stays here is matching
 * (prefix or exact, AND of ORs) and ranking.
 *
 * Structures (columnar, no object per posting):
 * - lexicon: `Map<string, id>` interning each lexeme once, with a view of the ids sorted by lexeme for
 *   prefix lookup (new lexemes are inserted into it lazily, at the next match);
 * - documents: the words of a slot (an application) are one document, numbered in the order they came;
 *   a change makes a new document, numbered after every other, and the old one dead (`docSlot` -1):
 *   nothing is removed from the postings at once, a search skips the dead documents;
 * - postings (search.text.postings.ts): per lexeme, its documents in increasing order, delta-encoded in
 *   one byte pool with the info byte of each (weight classes present, occurrences capped at 15): about
 *   2.3 bytes a posting, and no list of each document's lexemes;
 * - when half the documents are dead, the live ones are numbered again (same order) and the pool is
 *   rewritten without the dead postings.
 * Matching stamps slots in scratch arrays with an epoch: nothing proportional to the catalogue is
 * allocated per search, only the answer.
 *
 * Rank (replaces `ts_rank_cd`): a lexeme found in a document scores the weight of the best class it has
 * there (A name and code 1, B summary 0.4, C description and keywords 0.2, D 0.1) × (1 + 0.05 ×
 * min(occurrences − 1, 4)). A term scores its lexeme's best match (the lowest of its lexemes when it has
 * several), a clause the best of its terms, and the rank is the mean over the clauses. A word in the name
 * always outranks one in the summary, which outranks the description; repetition only breaks ties.
 */

import { grownInt32, MatchScratch, SCORE } from './search.text.match.ts';
import { PostingPool } from './search.text.postings.ts';

import { infoByte, parseTsVector } from './search.tsvector.ts';

/** A word of the query: all its lexemes must be present (each as a prefix when `prefix`). */
export interface QueryTerm {
  lexemes: string[];
  prefix: boolean;
}
/** Alternatives (OR): the word as typed, and what a typo may have meant. */
export type QueryClause = QueryTerm[];

/** An approximate size of a JavaScript string and its Map entry (header + UTF-16 + hash table slot). */
const stringBytes = (s: string) => 16 + 2 * s.length + 40;

export class TextIndex {
  // Lexicon.
  private readonly ids = new Map<string, number>();
  private lexemes: string[] = [];
  private sorted = new Int32Array(0);
  private sortedCount = 0;
  private readonly exactId = new Int32Array(1);
  private lexiconBytes = 0;
  private readonly postings = new PostingPool();
  // Documents: the slot of each (-1: dead), and the document of each slot + 1 (0: none).
  private docSlot = new Int32Array(1024);
  private slotDoc = new Int32Array(0);
  private documents = 0;
  private dead = 0;
  /** Slots seen (the scratch arrays of a search have one entry per slot). */
  private slots = 0;
  private readonly scratch = new MatchScratch();

  /** Replaces what slot `slot` holds by the lexemes of a tsvector text; '' or null leaves it with none. */
  set(slot: number, vector: string | null): void {
    this.remove(slot);
    if (!vector) return;
    const entries = parseTsVector(vector);
    if (entries.length === 0) return;
    const doc = this.newDocument(slot);
    for (const entry of entries) {
      const id = this.intern(entry.lexeme);
      if (this.postings.lastDocument(id) === doc) continue; // a lexeme twice: kept once
      this.postings.append(id, doc, infoByte(entry.weights, entry.count));
    }
  }

  remove(slot: number): void {
    this.slotDoc = grownInt32(this.slotDoc, slot + 1);
    if (slot >= this.slots) this.slots = slot + 1;
    const doc = (this.slotDoc[slot] as number) - 1;
    if (doc < 0) return;
    this.docSlot[doc] = -1;
    this.slotDoc[slot] = 0;
    this.dead += 1;
  }

  /** Slots matching every clause (AND of ORs), in no particular order, with a rank per slot. */
  match(clauses: QueryClause[]): { positions: Int32Array; ranks: Float64Array } {
    this.refreshSorted();
    if (this.postings.oversized()) this.compact(true);
    return this.scratch.run(this, clauses, this.slots);
  }

  /** Bytes held by the structures: typed arrays' byteLength, plus an estimate for the lexicon. */
  byteSize(): number {
    return Object.values(this.byteSizes()).reduce((sum, bytes) => sum + bytes, 0);
  }

  byteSizes() {
    return {
      textPostings: this.postings.byteSize(),
      textDocuments: this.docSlot.byteLength + this.slotDoc.byteLength,
      // Each string once (interned, shared by the Map and the array) + array slot, and the sorted view.
      textLexicon: this.lexiconBytes + 8 * this.lexemes.length + this.sorted.byteLength,
      textScratch: this.scratch.byteSize(),
    };
  }

  /**
   * The ids of the lexemes a query lexeme designates, `ids[from..to)`: itself (exact), or every lexeme it
   * starts (prefix: a range of the sorted view).
   */
  lexemeIds(lexeme: string, prefix: boolean): { ids: Int32Array; from: number; to: number } {
    if (!prefix) {
      const id = this.ids.get(lexeme);
      if (id === undefined) return { ids: this.exactId, from: 0, to: 0 };
      this.exactId[0] = id;
      return { ids: this.exactId, from: 0, to: 1 };
    }
    let low = 0;
    let high = this.sortedCount;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.lexemes[this.sorted[mid] as number] as string) < lexeme) low = mid + 1;
      else high = mid;
    }
    let to = low;
    while (to < this.sortedCount && (this.lexemes[this.sorted[to] as number] as string).startsWith(lexeme))
      to += 1;
    return { ids: this.sorted, from: low, to };
  }

  /** Calls `hit` with the slot and score of every live posting of the lexemes a query lexeme designates. */
  forEachPosting(lexeme: string, prefix: boolean, hit: (slot: number, score: number) => void) {
    const { ids, from, to } = this.lexemeIds(lexeme, prefix);
    const docSlot = this.docSlot;
    const visit = (doc: number, info: number) => {
      const slot = docSlot[doc] as number;
      if (slot >= 0) hit(slot, SCORE[info] as number);
    };
    for (let j = from; j < to; j += 1) this.postings.forEach(ids[j] as number, visit);
  }

  private intern(lexeme: string) {
    let id = this.ids.get(lexeme);
    if (id !== undefined) return id;
    id = this.lexemes.length;
    this.ids.set(lexeme, id);
    this.lexemes.push(lexeme);
    this.lexiconBytes += stringBytes(lexeme);
    this.postings.addLexemes(id + 1);
    return id;
  }

  /** A new document for `slot`, numbered after every other (the dead ones dropped first when half). */
  private newDocument(slot: number) {
    if (this.dead >= 1024 && this.dead * 2 >= this.documents) this.compact(false);
    const doc = this.documents;
    this.documents += 1;
    this.docSlot = grownInt32(this.docSlot, this.documents);
    this.docSlot[doc] = slot;
    this.slotDoc[slot] = doc + 1;
    return doc;
  }

  /**
   * Drops the dead documents: the live ones are numbered again in the same order and the pool is
   * rewritten (with `trim`, to its live size and an eighth per range).
   */
  private compact(trim: boolean) {
    let renumber: Int32Array | null = null;
    if (this.dead > 0) {
      renumber = new Int32Array(this.documents);
      let next = 0;
      for (let doc = 0; doc < this.documents; doc += 1) {
        const slot = this.docSlot[doc] as number;
        renumber[doc] = slot < 0 ? -1 : next;
        if (slot < 0) continue;
        this.docSlot[next] = slot;
        this.slotDoc[slot] = next + 1;
        next += 1;
      }
      this.documents = next;
      this.dead = 0;
      if (this.docSlot.length > 2 * next + 1024)
        this.docSlot = this.docSlot.slice(0, next + (next >> 3) + 1024);
    }
    this.postings.rewrite(renumber, 0, trim);
  }

  /** Brings the sorted view up to date: new lexemes inserted one by one when few, else one sort. */
  private refreshSorted() {
    const total = this.lexemes.length;
    if (this.sortedCount === total) return;
    const lex = this.lexemes;
    if (total - this.sortedCount > 64 && total - this.sortedCount > this.sortedCount >> 4) {
      const order = Array.from({ length: total }, (_, id) => id);
      order.sort((a, b) => ((lex[a] as string) < (lex[b] as string) ? -1 : 1));
      this.sorted = Int32Array.from(order);
      this.sortedCount = total;
      return;
    }
    this.sorted = grownInt32(this.sorted, total);
    for (let id = this.sortedCount; id < total; id += 1) {
      const lexeme = lex[id] as string;
      let low = 0;
      let high = this.sortedCount;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((lex[this.sorted[mid] as number] as string) < lexeme) low = mid + 1;
        else high = mid;
      }
      this.sorted.copyWithin(low + 1, low, this.sortedCount);
      this.sorted[low] = id;
      this.sortedCount += 1;
    }
  }

  /** For the tests: documents (dead ones too), lexemes and the postings' pool. */
  stats() {
    return {
      lexemes: this.lexemes.length,
      documents: this.documents,
      dead: this.dead,
      ...this.postings.stats(),
    };
  }
}
