import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../db/demo/seed-catalogue.ts';
import { PostingPool, varintLength, writeVarint } from './search.text.postings.ts';

/** Every posting of a lexeme, decoded. */
function read(pool: PostingPool, id: number) {
  const out: [number, number][] = [];
  pool.forEach(id, (doc, info) => out.push([doc, info]));
  return out;
}

describe('varints', () => {
  it('round-trips values of one to five bytes', () => {
    const values = [1, 127, 128, 300, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456];
    const bytes = new Uint8Array(64);
    let at = 0;
    for (const value of values) {
      const end = writeVarint(bytes, at, value);
      expect(end - at).toBe(varintLength(value));
      at = end;
    }
    expect(values.map(varintLength)).toEqual([1, 1, 2, 2, 2, 3, 3, 4, 4, 5]);
    // Through a pool: the gaps between documents are these values.
    const pool = new PostingPool();
    pool.addLexemes(1);
    let doc = -1;
    const expected: [number, number][] = [];
    for (const [k, value] of values.slice(0, 9).entries()) {
      doc += value;
      pool.append(0, doc, k);
      expected.push([doc, k]);
    }
    expect(read(pool, 0)).toEqual(expected);
  });
});

describe('PostingPool', () => {
  it('keeps each lexeme its documents in order through growth, moves and rewrites', () => {
    const random = seededRandom(31);
    const pool = new PostingPool();
    const lexemes = 50;
    pool.addLexemes(lexemes);
    const reference: [number, number][][] = Array.from({ length: lexemes }, () => []);
    for (let doc = 0; doc < 20_000; doc += 1 + Math.floor(random() * 3)) {
      for (let k = 0; k < 4; k += 1) {
        // Skewed: a few lexemes in most documents, most in few (long and short gaps).
        const id = Math.floor(random() ** 3 * lexemes);
        if (pool.lastDocument(id) === doc) continue;
        const info = Math.floor(random() * 256);
        pool.append(id, doc, info);
        reference[id]?.push([doc, info]);
      }
    }
    const stats = pool.stats();
    expect(stats.postings).toBe(reference.reduce((sum, list) => sum + list.length, 0));
    expect(stats.postingGarbage).toBeGreaterThan(0); // ranges moved as they grew
    expect(stats.postingGarbage * 2).toBeLessThanOrEqual(stats.postingPool);
    for (let id = 0; id < lexemes; id += 1) expect(read(pool, id)).toEqual(reference[id]);

    // Trimmed: the same postings in a pool near their size.
    pool.rewrite(null, 0, true);
    for (let id = 0; id < lexemes; id += 1) expect(read(pool, id)).toEqual(reference[id]);
    const trimmed = pool.stats();
    expect(trimmed.postingGarbage).toBe(0);
    expect(trimmed.postingPool).toBeLessThan(trimmed.postingBytes * 1.2 + 8 * lexemes + 4096);
    expect(pool.oversized()).toBe(false);

    // Numbered again without the odd documents: the others keep their order, renumbered.
    const renumber = new Int32Array(20_000).map((_, doc) => (doc % 2 === 1 ? -1 : doc / 2));
    pool.rewrite(renumber);
    for (let id = 0; id < lexemes; id += 1) {
      const kept = (reference[id] ?? [])
        .filter(([doc]) => doc % 2 === 0)
        .map(([doc, info]) => [doc / 2, info]);
      expect(read(pool, id)).toEqual(kept);
      expect(pool.lastDocument(id)).toBe(kept.length > 0 ? (kept[kept.length - 1]?.[0] as number) : -1);
    }
    // And still appendable after the last document.
    pool.append(0, 10_000, 7);
    expect(read(pool, 0).at(-1)).toEqual([10_000, 7]);
  });
});
