import type { QueryClause, QueryTerm, TextIndex } from './search.text.ts';

/** The score of a posting, by its info byte (low 4 bits: classes A B C D; high 4: occurrences capped). */
export const SCORE = new Float64Array(256);
for (let info = 0; info < 256; info += 1) {
  const bits = info & 15;
  const weight = bits & 1 ? 1 : bits & 2 ? 0.4 : bits & 4 ? 0.2 : bits & 8 ? 0.1 : 0;
  SCORE[info] = weight * (1 + 0.05 * Math.min(Math.max((info >> 4) - 1, 0), 4));
}

/** The array itself when long enough, else a copy at least twice as long. */
export function grownInt32(array: Int32Array<ArrayBuffer>, min: number) {
  if (array.length >= min) return array;
  const next = new Int32Array(Math.max(min, array.length * 2, 16));
  next.set(array);
  return next;
}

/**
 * The scratch arrays of match(), one entry per slot, reused from one search to the next: an entry is
 * valid when its stamp is the current epoch (so no clearing between searches).
 */
export class MatchScratch {
  private epoch = 0;
  private clauseStamp = new Int32Array(0);
  private clauseScore = new Float64Array(0);
  private candidates = new Int32Array(0);
  private sums = new Float64Array(0);
  // For a term of several lexemes (rare): how many of them a slot has, the best score of the current
  // lexeme and the lowest over the lexemes before it.
  private termStamp = new Int32Array(0);
  private termCount = new Int32Array(0);
  private termScore = new Float64Array(0);
  private termBest = new Float64Array(0);
  private termCandidates = new Int32Array(0);

  byteSize() {
    return [
      this.clauseStamp,
      this.clauseScore,
      this.candidates,
      this.sums,
      this.termStamp,
      this.termCount,
      this.termScore,
      this.termBest,
      this.termCandidates,
    ].reduce((sum, a) => sum + a.byteLength, 0);
  }

  private nextEpoch() {
    if (this.epoch >= 0x7ffffff0) {
      this.epoch = 0;
      this.clauseStamp.fill(0);
      this.termStamp.fill(0);
    }
    this.epoch += 1;
    return this.epoch;
  }

  run(index: TextIndex, clauses: QueryClause[], slots: number) {
    if (this.clauseStamp.length < slots) {
      // A quarter more than needed (a few sheets added do not resize them), all of the same length.
      const size = Math.max(16, slots + (slots >> 2));
      const stamps = new Int32Array(size);
      stamps.set(this.clauseStamp);
      this.clauseStamp = stamps;
      this.clauseScore = new Float64Array(size);
      this.candidates = new Int32Array(size);
      this.sums = new Float64Array(size);
    }
    if (clauses.length === 0) return { positions: new Int32Array(0), ranks: new Float64Array(0) };
    let count = 0;
    for (let c = 0; c < clauses.length; c += 1) {
      const epoch = this.nextEpoch();
      const first = c === 0;
      // Every slot the clause matches gets stamped with its best score; the first clause lists them.
      const hit = (slot: number, score: number) => {
        if (this.clauseStamp[slot] !== epoch) {
          this.clauseStamp[slot] = epoch;
          this.clauseScore[slot] = score;
          if (first) this.candidates[count++] = slot;
        } else if (score > (this.clauseScore[slot] as number)) this.clauseScore[slot] = score;
      };
      for (const term of clauses[c] as QueryClause) {
        if (term.lexemes.length > 1) this.several(index, term, hit);
        else if (term.lexemes.length === 1) index.forEachPosting(term.lexemes[0] as string, term.prefix, hit);
      }
      // AND: keep the candidates this clause matched, adding up their scores.
      let kept = 0;
      for (let k = 0; k < count; k += 1) {
        const slot = this.candidates[k] as number;
        if (this.clauseStamp[slot] !== epoch) continue;
        this.sums[slot] = (first ? 0 : (this.sums[slot] as number)) + (this.clauseScore[slot] as number);
        this.candidates[kept++] = slot;
      }
      count = kept;
      if (count === 0) break;
    }
    const positions = this.candidates.slice(0, count);
    const ranks = new Float64Array(count);
    for (let k = 0; k < count; k += 1)
      ranks[k] = (this.sums[positions[k] as number] as number) / clauses.length;
    return { positions, ranks };
  }

  /**
   * A term of several lexemes: the slots that have all of them, each lexeme scoring its best entry and
   * the term the lowest of its lexemes.
   */
  private several(index: TextIndex, term: QueryTerm, hit: (slot: number, score: number) => void) {
    if (this.termStamp.length < this.clauseStamp.length) {
      const size = this.clauseStamp.length;
      this.termStamp = grownInt32(this.termStamp, size);
      this.termCount = new Int32Array(size);
      this.termScore = new Float64Array(size);
      this.termBest = new Float64Array(size);
      this.termCandidates = new Int32Array(size);
    }
    const epoch = this.nextEpoch();
    let count = 0;
    term.lexemes.forEach((lexeme, k) => {
      index.forEachPosting(lexeme, term.prefix, (slot, score) => {
        if (this.termStamp[slot] !== epoch) {
          if (k > 0) return;
          this.termStamp[slot] = epoch;
          this.termCount[slot] = 0;
          this.termCandidates[count++] = slot;
        }
        const seen = this.termCount[slot] as number;
        if (seen === k) {
          this.termCount[slot] = k + 1;
          this.termBest[slot] = score;
        } else if (seen === k + 1 && score > (this.termBest[slot] as number)) this.termBest[slot] = score;
      });
      for (let j = 0; j < count; j += 1) {
        const slot = this.termCandidates[j] as number;
        if (this.termCount[slot] !== k + 1) continue;
        const best = this.termBest[slot] as number;
        this.termScore[slot] = k === 0 ? best : Math.min(this.termScore[slot] as number, best);
      }
    });
    for (let j = 0; j < count; j += 1) {
      const slot = this.termCandidates[j] as number;
      if (this.termCount[slot] === term.lexemes.length) hit(slot, this.termScore[slot] as number);
    }
  }
}
