import { describe, expect, it } from 'vitest';
import { SlotList, SortedSlots, StringColumn, TagColumn } from './search.store.ts';

/** The growable structures of the index through many edits, against plain arrays. */

function random(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return a % n;
  };
}

const WORDS = ['Gestion', 'congés', 'Écrans', 'indus', 'œuvre', 'Suivi', 'a', '', 'rendez-vous', 'ÉTÉ'];

describe('index columns', () => {
  it('a string column keeps every value and the byte order through growth, shrinking and compaction', () => {
    const next = random(7);
    const column = new StringColumn();
    const reference: string[] = [];
    const sizes: number[] = [];
    for (let step = 0; step < 60_000; step += 1) {
      const slot = next(500);
      const value = Array.from({ length: next(30) }, () => WORDS[next(WORDS.length)]).join(' ');
      column.set(slot, value);
      reference[slot] = value;
      sizes.push(column.byteSize());
    }
    for (let slot = 0; slot < 500; slot += 1) expect(column.get(slot)).toBe(reference[slot] ?? '');
    // Compacted: the pool stayed near what it holds instead of growing with every edit.
    const live = reference.reduce((sum, v) => sum + Buffer.byteLength(v ?? ''), 0);
    expect(Math.max(...sizes.slice(-1000))).toBeLessThan(live * 4 + 65_536 * 2 + 8_192);
    const bytes = (s: string) => Buffer.from(s);
    for (let k = 0; k < 2000; k += 1) {
      const a = next(500);
      const b = next(500);
      expect(Math.sign(column.compare(a, b))).toBe(
        Math.sign(Buffer.compare(bytes(reference[a] ?? ''), bytes(reference[b] ?? ''))),
      );
    }
  });

  it('a tag column keeps every run through growth, shrinking and compaction', () => {
    const next = random(11);
    const column = new TagColumn();
    const reference: number[][] = [];
    for (let step = 0; step < 50_000; step += 1) {
      const slot = next(300);
      const codes = Array.from({ length: next(12) }, () => next(60));
      column.set(slot, codes);
      reference[slot] = codes;
    }
    for (let slot = 0; slot < 300; slot += 1)
      expect(Array.from(column.get(slot))).toEqual(reference[slot] ?? []);
  });

  it('sorted slots stay sorted through insertions and removals', () => {
    const next = random(3);
    const keys = new Map<number, number>();
    const order = new SortedSlots((a, b) => (keys.get(a) as number) - (keys.get(b) as number) || a - b);
    for (let step = 0; step < 5000; step += 1) {
      const slot = next(400);
      if (keys.has(slot)) order.remove(slot);
      if (next(4) === 0) keys.delete(slot);
      else {
        keys.set(slot, next(50));
        order.insert(slot);
      }
    }
    const expected = [...keys.keys()].sort(
      (a, b) => (keys.get(a) as number) - (keys.get(b) as number) || a - b,
    );
    expect(expected.length).toBeGreaterThan(100);
    expect(Array.from(order.view())).toEqual(expected);
  });
});

describe('SlotList', () => {
  it('keeps its slots when trimmed after a load, and grows again', () => {
    const list = new SlotList();
    for (let slot = 0; slot < 1100; slot += 1) list.add(slot);
    expect(list.items.length).toBe(2048);
    list.remove(10);
    list.trim();
    expect(list.items.length).toBe(1099 + (1099 >> 3) + 4);
    expect([...list.view()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 1100 }, (_, slot) => slot).filter((slot) => slot !== 10),
    );
    for (let slot = 1100; slot < 1300; slot += 1) list.add(slot);
    expect(list.size).toBe(1299);
    expect(list.view()[1298]).toBe(1299);
  });
});
