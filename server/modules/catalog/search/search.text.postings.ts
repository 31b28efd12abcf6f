/**
 * The postings of the text index (search.text.ts): per lexeme, the documents that have it in increasing
 * order, as one byte range of a shared pool. A posting is the gap from the previous document of the
 * range (a varint: 7 bits a byte, the high bit saying that another byte follows) then its info byte
 * (weight classes, occurrences: search.tsvector.ts). A document is never changed in place: a changed
 * sheet becomes a new document, numbered after every other, so a range only ever grows at its end and
 * its gaps stay small (one byte for a lexeme in more than 1 % of the sheets, two up to 1 in 16,000).
 *
 * A full range moves to the end of the pool with twice its room. The pool is rewritten without its
 * garbage when that is half of it; the text index also rewrites it to drop the postings of dead
 * documents and number the live ones again (`rewrite` with a map), which keeps their order.
 */

/** Bytes of a varint. */
export function varintLength(value: number) {
  let length = 1;
  for (let rest = value >>> 7; rest !== 0; rest >>>= 7) length += 1;
  return length;
}

/** Writes a varint at `at`; returns where it ends. */
export function writeVarint(pool: Uint8Array, at: number, value: number) {
  let rest = value >>> 0;
  while (rest >= 128) {
    pool[at++] = (rest & 127) | 128;
    rest >>>= 7;
  }
  pool[at++] = rest;
  return at;
}

/** Room given to a range of `bytes` when the pool is rewritten: an eighth to grow, at least a posting. */
const room = (bytes: number) => (bytes === 0 ? 0 : bytes + (bytes >> 3) + 8);

/** The array itself when long enough, else a copy at least twice as long (new entries: `fill`). */
function grownInt32(array: Int32Array<ArrayBuffer>, min: number, fill = 0) {
  if (array.length >= min) return array;
  const next = new Int32Array(Math.max(min, array.length * 2, 16));
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

export class PostingPool {
  /** Per lexeme: where its range starts, the bytes it uses, the room it has, its last document (-1). */
  private start = new Int32Array(0);
  private bytes = new Int32Array(0);
  private capacity = new Int32Array(0);
  private last = new Int32Array(0);
  private lexemes = 0;
  private pool = new Uint8Array(4096);
  private end = 0;
  private garbage = 0;
  /** Bytes of postings in the ranges (live documents or not), and their number. */
  private used = 0;
  private postings = 0;

  /** Room for lexeme ids below `count`. */
  addLexemes(count: number) {
    if (count <= this.lexemes) return;
    this.start = grownInt32(this.start, count);
    this.bytes = grownInt32(this.bytes, count);
    this.capacity = grownInt32(this.capacity, count);
    this.last = grownInt32(this.last, count, -1);
    this.lexemes = count;
  }

  /** The last document of a lexeme's range (-1 when none): a document's postings come in one go. */
  lastDocument(id: number) {
    return this.last[id] as number;
  }

  /** Adds a posting of `doc`, which must be greater than every document of the range. */
  append(id: number, doc: number, info: number) {
    const gap = doc - (this.last[id] as number);
    const need = varintLength(gap) + 1;
    const bytes = this.bytes[id] as number;
    if (bytes + need > (this.capacity[id] as number)) this.growRange(id, Math.max(16, 2 * (bytes + need)));
    const from = this.start[id] as number;
    let at = writeVarint(this.pool, from + (this.bytes[id] as number), gap);
    this.pool[at++] = info;
    this.bytes[id] = at - from;
    this.last[id] = doc;
    this.used += need;
    this.postings += 1;
  }

  /** Calls `visit` with the document and info byte of each posting of a lexeme, in document order. */
  forEach(id: number, visit: (doc: number, info: number) => void) {
    const pool = this.pool;
    let at = this.start[id] as number;
    const end = at + (this.bytes[id] as number);
    let doc = -1;
    while (at < end) {
      let byte = pool[at++] as number;
      let gap = byte & 127;
      for (let shift = 7; byte & 128; shift += 7) {
        byte = pool[at++] as number;
        gap |= (byte & 127) << shift;
      }
      doc += gap;
      visit(doc, pool[at++] as number);
    }
  }

  /** After a load: true when the pool holds much more room than postings (rewrite it with `trim`). */
  oversized() {
    return this.pool.length > 2 * this.used + 8 * this.lexemes + 4096;
  }

  /**
   * Rewrites the pool: each range keeps the postings of the documents `renumber` maps (-1: dropped; no
   * map: all of them, numbers unchanged) and an eighth of room; `extra` bytes more at the end, and a
   * quarter more unless `trim`.
   */
  rewrite(renumber: Int32Array | null, extra = 0, trim = false) {
    let needed = 0;
    for (let id = 0; id < this.lexemes; id += 1) needed += room(this.bytes[id] as number);
    // An upper bound: numbered again in the same order, a gap is never longer.
    let next = new Uint8Array(Math.max(4096, needed + extra + (trim ? 0 : needed >> 2)));
    let end = 0;
    this.used = 0;
    this.postings = 0;
    for (let id = 0; id < this.lexemes; id += 1) {
      let at = end;
      let previous = -1;
      this.forEach(id, (doc, info) => {
        const to = renumber ? (renumber[doc] as number) : doc;
        if (to < 0) return;
        at = writeVarint(next, at, to - previous);
        next[at++] = info;
        previous = to;
        this.postings += 1;
      });
      const bytes = at - end;
      this.start[id] = end;
      this.bytes[id] = bytes;
      this.capacity[id] = room(bytes);
      this.last[id] = previous;
      this.used += bytes;
      end += room(bytes);
    }
    if (trim && next.length > Math.max(4096, end + extra)) next = next.slice(0, Math.max(4096, end + extra));
    this.pool = next;
    this.end = end;
    this.garbage = 0;
  }

  /** Gives a full range room to grow: a new range of `capacity` bytes at the end of the pool. */
  private growRange(id: number, capacity: number) {
    if (this.end + capacity > this.pool.length) {
      if (this.garbage * 2 >= this.end) {
        this.rewrite(null, capacity);
        return; // every range has room for one more posting after a rewrite
      }
      const grown = new Uint8Array(Math.max(this.end + capacity, this.pool.length + (this.pool.length >> 2)));
      grown.set(this.pool.subarray(0, this.end));
      this.pool = grown;
    }
    const start = this.start[id] as number;
    this.pool.copyWithin(this.end, start, start + (this.bytes[id] as number));
    this.garbage += this.capacity[id] as number;
    this.start[id] = this.end;
    this.capacity[id] = capacity;
    this.end += capacity;
  }

  byteSize() {
    return [this.start, this.bytes, this.capacity, this.last, this.pool].reduce(
      (sum, a) => sum + a.byteLength,
      0,
    );
  }

  /** For the tests: the pool's size, what it uses, its garbage, the postings (of dead documents too). */
  stats() {
    return {
      postings: this.postings,
      postingBytes: this.used,
      postingGarbage: this.garbage,
      postingEnd: this.end,
      postingPool: this.pool.length,
    };
  }
}
