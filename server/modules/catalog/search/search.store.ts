/**
 * The growable, typed structures of the search index (search.index.ts): each holds one kind of value per
 * slot (an application's place in the index) and changes in place when one application changes, so a
 * write costs the rows it touched, never a rebuild.
 */

/** Capacity doubling for typed arrays. */
export function grown<T extends Int32Array | Uint16Array | Uint8Array | Float32Array | Float64Array>(
  array: T,
  needed: number,
): T {
  if (needed <= array.length) return array;
  let capacity = Math.max(16, array.length);
  while (capacity < needed) capacity *= 2;
  const next = new (array.constructor as new (length: number) => T)(capacity);
  next.set(array);
  return next;
}

/** A set of slots in no particular order (the applications that have one facet value). */
export class SlotList {
  items = new Int32Array(4);
  size = 0;

  add(slot: number) {
    this.items = grown(this.items, this.size + 1);
    this.items[this.size] = slot;
    this.size += 1;
  }

  /** Swap-remove: the order of a posting list does not matter. */
  remove(slot: number) {
    const at = this.items.subarray(0, this.size).indexOf(slot);
    if (at < 0) return;
    this.size -= 1;
    this.items[at] = this.items[this.size] as number;
  }

  view() {
    return this.items.subarray(0, this.size);
  }

  /** Gives back the room a load left (the list doubled as it grew): its size and an eighth. */
  trim() {
    const room = this.size + (this.size >> 3) + 4;
    if (this.items.length > room) this.items = this.items.slice(0, room);
  }
}

/** Slots kept in one order (by name, by usage, by last update): moved one at a time by binary search. */
export class SortedSlots {
  private items = new Int32Array(16);
  size = 0;

  constructor(private readonly compare: (a: number, b: number) => number) {}

  /** Every slot at once, sorted (a load). */
  reset(slots: number[]) {
    slots.sort(this.compare);
    this.items = Int32Array.from(slots);
    this.size = slots.length;
  }

  insert(slot: number) {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(this.items[middle] as number, slot) < 0) low = middle + 1;
      else high = middle;
    }
    this.items = grown(this.items, this.size + 1);
    this.items.copyWithin(low + 1, low, this.size);
    this.items[low] = slot;
    this.size += 1;
  }

  /** Found by a scan: the keys of the slot may already have changed. */
  remove(slot: number) {
    const at = this.items.subarray(0, this.size).indexOf(slot);
    if (at < 0) return;
    this.items.copyWithin(at, at + 1, this.size);
    this.size -= 1;
  }

  view() {
    return this.items.subarray(0, this.size);
  }
}

/**
 * The values of a multi-valued facet (technologies, offices using it): per slot a run of codes in one
 * shared pool. A run that grows moves to the end of the pool; the pool is compacted when more than half
 * of it is left behind.
 */
export class TagColumn {
  /** Where each slot's run starts in the pool, and its length (read directly by search.counting.ts). */
  start = new Int32Array(16);
  length = new Uint16Array(16);
  pool = new Uint16Array(64);
  private used = 0;
  private garbage = 0;

  get(slot: number) {
    const from = this.start[slot] ?? 0;
    return this.pool.subarray(from, from + (this.length[slot] ?? 0));
  }

  set(slot: number, codes: number[]) {
    this.start = grown(this.start, slot + 1);
    this.length = grown(this.length, slot + 1);
    const old = this.length[slot] as number;
    if (codes.length > old) {
      this.garbage += old;
      this.pool = grown(this.pool, this.used + codes.length);
      this.start[slot] = this.used;
      this.used += codes.length;
    } else {
      this.garbage += old - codes.length;
    }
    this.pool.set(codes, this.start[slot] as number);
    this.length[slot] = codes.length;
    if (this.garbage > 1024 && this.garbage * 2 > this.used) this.compact();
  }

  private compact(capacity = this.used - this.garbage) {
    const pool = new Uint16Array(Math.max(64, capacity));
    let at = 0;
    for (let slot = 0; slot < this.length.length; slot += 1) {
      const n = this.length[slot] as number;
      if (n === 0) {
        // An empty run may point anywhere in the new pool: at its start.
        this.start[slot] = 0;
        continue;
      }
      pool.set(this.get(slot), at);
      this.start[slot] = at;
      at += n;
    }
    this.pool = pool;
    this.used = at;
    this.garbage = 0;
  }

  /** Gives back the room a load left: compacted to what it holds and an eighth. */
  trim() {
    this.compact(this.used - this.garbage + ((this.used - this.garbage) >> 3));
  }

  byteSize() {
    return this.start.byteLength + this.length.byteLength + this.pool.byteLength;
  }
}

/**
 * One string per slot, as UTF-8 bytes in one shared pool (off the JavaScript heap: a collection does not
 * walk 100,000 strings). A value that grows moves to the end of the pool; compacted when half is garbage.
 * Byte order of UTF-8 is code-point order, as PostgreSQL sorts with the C collation.
 */
export class StringColumn {
  private start = new Int32Array(16);
  private length = new Int32Array(16);
  private pool = Buffer.alloc(4096);
  private used = 0;
  private garbage = 0;

  get(slot: number) {
    const from = this.start[slot] ?? 0;
    return this.pool.toString('utf8', from, from + (this.length[slot] ?? 0));
  }

  set(slot: number, value: string) {
    this.start = grown(this.start, slot + 1);
    this.length = grown(this.length, slot + 1);
    const bytes = Buffer.byteLength(value);
    const old = this.length[slot] as number;
    if (bytes > old) {
      this.garbage += old;
      if (this.used + bytes > this.pool.length) {
        let capacity = this.pool.length * 2;
        while (capacity < this.used + bytes) capacity *= 2;
        const pool = Buffer.alloc(capacity);
        this.pool.copy(pool, 0, 0, this.used);
        this.pool = pool;
      }
      this.start[slot] = this.used;
      this.used += bytes;
    } else {
      this.garbage += old - bytes;
    }
    this.pool.write(value, this.start[slot] as number, bytes, 'utf8');
    this.length[slot] = bytes;
    if (this.garbage > 65_536 && this.garbage * 2 > this.used) this.compact();
  }

  /** Gives back the room a load left (the pool doubled as it grew): compacted to what it holds and an eighth. */
  trim() {
    this.compact(this.used - this.garbage + ((this.used - this.garbage) >> 3));
  }

  /** Byte order of two slots' values (negative, zero, positive). */
  compare(a: number, b: number) {
    const pool = this.pool;
    let i = this.start[a] as number;
    let j = this.start[b] as number;
    const endA = i + (this.length[a] as number);
    const endB = j + (this.length[b] as number);
    for (; i < endA && j < endB; i += 1, j += 1) {
      const d = (pool[i] as number) - (pool[j] as number);
      if (d !== 0) return d;
    }
    return endA - i - (endB - j);
  }

  private compact(capacity = this.used - this.garbage) {
    const pool = Buffer.alloc(Math.max(4096, capacity));
    let at = 0;
    for (let slot = 0; slot < this.length.length; slot += 1) {
      const n = this.length[slot] as number;
      if (n === 0) {
        this.start[slot] = 0;
        continue;
      }
      const from = this.start[slot] as number;
      this.pool.copy(pool, at, from, from + n);
      this.start[slot] = at;
      at += n;
    }
    this.pool = pool;
    this.used = at;
    this.garbage = 0;
  }

  byteSize() {
    return this.start.byteLength + this.length.byteLength + this.pool.length;
  }
}
