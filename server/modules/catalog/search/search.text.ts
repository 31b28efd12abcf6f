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
 * - postings: one pool of `Int32Array` slots + `Uint8Array` info (weight classes present, occurrence
 *   count capped at 15) where each lexeme owns a range [start, start + length) with spare capacity; a
 *   range that is full moves to the end of the pool with twice its capacity;
 * - per slot, the ids of its lexemes in another pool, so that an edit removes exactly its old postings
 *   (swap-remove: postings are unordered);
 * - both pools are compacted when more than half of what they hold is garbage.
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
  // Postings: per lexeme a range of the pool.
  private postStart = new Int32Array(0);
  private postLength = new Int32Array(0);
  private postCapacity = new Int32Array(0);
  private postSlots = new Int32Array(1024);
  private postInfo = new Uint8Array(1024);
  private postEnd = 0;
  private postGarbage = 0;
  private postCount = 0;
  // Per slot: the ids of its lexemes, a range of another pool.
  private slotStart = new Int32Array(0);
  private slotLength = new Int32Array(0);
  private slotPool = new Int32Array(1024);
  private slotEnd = 0;
  private slotGarbage = 0;
  // Scratch for set() and match().
  private lexemeStamp = new Int32Array(0);
  private setEpoch = 0;
  private readonly scratch = new MatchScratch();

  /** Replaces what slot `slot` holds by the lexemes of a tsvector text; '' or null leaves it with none. */
  set(slot: number, vector: string | null): void {
    this.remove(slot);
    if (!vector) return;
    const entries = parseTsVector(vector);
    if (entries.length === 0) return;
    if (this.slotEnd + entries.length > this.slotPool.length) this.compactSlots(entries.length);
    const start = this.slotEnd;
    this.setEpoch += 1;
    let length = 0;
    for (const entry of entries) {
      const id = this.intern(entry.lexeme);
      if (this.lexemeStamp[id] === this.setEpoch) continue; // a lexeme twice: kept once
      this.lexemeStamp[id] = this.setEpoch;
      this.addPosting(id, slot, infoByte(entry.weights, entry.count));
      this.slotPool[start + length] = id;
      length += 1;
    }
    this.slotEnd = start + length;
    this.slotStart[slot] = start;
    this.slotLength[slot] = length;
  }

  remove(slot: number): void {
    if (slot >= this.slotStart.length) {
      this.slotStart = grownInt32(this.slotStart, slot + 1);
      this.slotLength = grownInt32(this.slotLength, slot + 1);
      return;
    }
    const length = this.slotLength[slot] as number;
    if (length === 0) return;
    const start = this.slotStart[slot] as number;
    for (let k = start; k < start + length; k += 1) this.removePosting(this.slotPool[k] as number, slot);
    this.slotLength[slot] = 0;
    this.slotGarbage += length;
  }

  /** Slots matching every clause (AND of ORs), in no particular order, with a rank per slot. */
  match(clauses: QueryClause[]): { positions: Int32Array; ranks: Float64Array } {
    this.refreshSorted();
    this.trim();
    return this.scratch.run(this, clauses, this.slotStart.length);
  }

  /** Bytes held by the structures: typed arrays' byteLength, plus an estimate for the lexicon. */
  byteSize(): number {
    const arrays = [
      this.sorted,
      this.postStart,
      this.postLength,
      this.postCapacity,
      this.postSlots,
      this.postInfo,
      this.slotStart,
      this.slotLength,
      this.slotPool,
      this.lexemeStamp,
    ];
    const typed = arrays.reduce((sum, a) => sum + a.byteLength, 0);
    // The lexicon: each string once (interned, shared by the Map and the array) + array slot.
    return typed + this.lexiconBytes + 8 * this.lexemes.length + this.scratch.byteSize();
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

  /** The pools of postings (read by the matcher at once, never kept: a later set() may replace them). */
  pools() {
    return { slots: this.postSlots, info: this.postInfo, start: this.postStart, length: this.postLength };
  }

  /** Calls `hit` with the slot and score of every posting of the lexemes a query lexeme designates. */
  forEachPosting(lexeme: string, prefix: boolean, hit: (slot: number, score: number) => void) {
    const { ids, from, to } = this.lexemeIds(lexeme, prefix);
    for (let j = from; j < to; j += 1) {
      const id = ids[j] as number;
      const start = this.postStart[id] as number;
      const end = start + (this.postLength[id] as number);
      for (let k = start; k < end; k += 1)
        hit(this.postSlots[k] as number, SCORE[this.postInfo[k] as number] as number);
    }
  }

  private intern(lexeme: string) {
    let id = this.ids.get(lexeme);
    if (id !== undefined) return id;
    id = this.lexemes.length;
    this.ids.set(lexeme, id);
    this.lexemes.push(lexeme);
    this.lexiconBytes += stringBytes(lexeme);
    this.postStart = grownInt32(this.postStart, id + 1);
    this.postLength = grownInt32(this.postLength, id + 1);
    this.postCapacity = grownInt32(this.postCapacity, id + 1);
    this.lexemeStamp = grownInt32(this.lexemeStamp, id + 1);
    return id;
  }

  private addPosting(id: number, slot: number, info: number) {
    const length = this.postLength[id] as number;
    if (length === this.postCapacity[id]) this.growRange(id, Math.max(2, length * 2));
    const at = (this.postStart[id] as number) + length;
    this.postSlots[at] = slot;
    this.postInfo[at] = info;
    this.postLength[id] = length + 1;
    this.postCount += 1;
  }

  private removePosting(id: number, slot: number) {
    const start = this.postStart[id] as number;
    const last = start + (this.postLength[id] as number) - 1;
    for (let k = start; k <= last; k += 1) {
      if (this.postSlots[k] !== slot) continue;
      this.postSlots[k] = this.postSlots[last] as number;
      this.postInfo[k] = this.postInfo[last] as number;
      this.postLength[id] = last - start;
      this.postCount -= 1;
      return;
    }
  }

  /** Gives a full range room to grow: a new range of `capacity` at the end of the pool. */
  private growRange(id: number, capacity: number) {
    if (this.postEnd + capacity > this.postSlots.length) {
      this.compactPostings(capacity);
      if ((this.postCapacity[id] as number) > (this.postLength[id] as number)) return;
    }
    const start = this.postStart[id] as number;
    const length = this.postLength[id] as number;
    const to = this.postEnd;
    this.postSlots.copyWithin(to, start, start + length);
    this.postInfo.copyWithin(to, start, start + length);
    this.postGarbage += this.postCapacity[id] as number;
    this.postStart[id] = to;
    this.postCapacity[id] = capacity;
    this.postEnd = to + capacity;
  }

  /**
   * Makes room for `extra` more postings at the end of the pool: rewrites it without its garbage when
   * that is half of it or more (or when `trim`), each range keeping an eighth to grow; else grows it by
   * a quarter.
   */
  private compactPostings(extra: number, trim = false) {
    if (!trim && this.postGarbage * 2 < this.postEnd) {
      const size = Math.max(this.postEnd + extra, this.postSlots.length + (this.postSlots.length >> 2));
      const slots = new Int32Array(size);
      slots.set(this.postSlots.subarray(0, this.postEnd));
      const info = new Uint8Array(size);
      info.set(this.postInfo.subarray(0, this.postEnd));
      this.postSlots = slots;
      this.postInfo = info;
      return;
    }
    const room = (length: number) => (length === 0 ? 0 : length + (length >> 3) + 1);
    let needed = 0;
    for (let id = 0; id < this.lexemes.length; id += 1) needed += room(this.postLength[id] as number);
    const size = Math.max(1024, needed + extra + (trim ? 0 : needed >> 2));
    const slots = new Int32Array(size);
    const info = new Uint8Array(size);
    let end = 0;
    for (let id = 0; id < this.lexemes.length; id += 1) {
      const start = this.postStart[id] as number;
      const length = this.postLength[id] as number;
      slots.set(this.postSlots.subarray(start, start + length), end);
      info.set(this.postInfo.subarray(start, start + length), end);
      this.postStart[id] = end;
      this.postCapacity[id] = room(length);
      end += room(length);
    }
    this.postSlots = slots;
    this.postInfo = info;
    this.postEnd = end;
    this.postGarbage = 0;
  }

  /** Makes room for `extra` more entries in the per-slot pool: compacts it when mostly garbage (or when `trim`), else grows it. */
  private compactSlots(extra: number, trim = false) {
    if (!trim && this.slotGarbage * 2 < this.slotEnd) {
      const grown = new Int32Array(
        Math.max(this.slotEnd + extra, this.slotPool.length + (this.slotPool.length >> 2)),
      );
      grown.set(this.slotPool.subarray(0, this.slotEnd));
      this.slotPool = grown;
      return;
    }
    const live = this.slotEnd - this.slotGarbage;
    const pool = new Int32Array(Math.max(1024, live + extra + (trim ? 0 : live >> 2)));
    let end = 0;
    for (let slot = 0; slot < this.slotStart.length; slot += 1) {
      const length = this.slotLength[slot] as number;
      if (length === 0) continue;
      const start = this.slotStart[slot] as number;
      pool.set(this.slotPool.subarray(start, start + length), end);
      this.slotStart[slot] = end;
      end += length;
    }
    this.slotPool = pool;
    this.slotEnd = end;
    this.slotGarbage = 0;
  }

  /**
   * After a bulk of set() (the load), gives back what the growth left: pools more than half garbage or
   * spare room are rewritten to their live size (with an eighth to grow per posting range).
   */
  private trim() {
    // A rewritten pool holds at most 1.125 × the postings + 1 per lexeme: never trimmed again at once.
    if (this.postSlots.length > 2 * this.postCount + this.lexemes.length + 4096)
      this.compactPostings(0, true);
    if (this.slotPool.length > 2 * (this.slotEnd - this.slotGarbage) + 4096) this.compactSlots(0, true);
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

  /** For the tests: the pools' sizes and garbage. */
  stats() {
    return {
      lexemes: this.lexemes.length,
      postings: this.postEnd,
      postingGarbage: this.postGarbage,
      slotEntries: this.slotEnd,
      slotGarbage: this.slotGarbage,
      postingPool: this.postSlots.length,
      slotPool: this.slotPool.length,
    };
  }
}
