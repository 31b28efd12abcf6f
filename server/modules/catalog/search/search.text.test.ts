import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../db/demo/seed-catalogue.ts';
import { type QueryClause, TextIndex } from './search.text.ts';
import { parseTsVector } from './search.tsvector.ts';

const prefix = (...lexemes: string[]) => ({ lexemes, prefix: true });
const exact = (...lexemes: string[]) => ({ lexemes, prefix: false });

/** The slots a match finds, with their ranks, in slot order. */
function found(index: TextIndex, clauses: QueryClause[]) {
  const { positions, ranks } = index.match(clauses);
  return [...positions]
    .map((slot, k) => ({ slot, rank: ranks[k] as number }))
    .sort((a, b) => a.slot - b.slot);
}
const slots = (index: TextIndex, clauses: QueryClause[]) => found(index, clauses).map((r) => r.slot);

describe('parseTsVector', () => {
  it('reads lexemes, positions and weights as PostgreSQL prints them', () => {
    expect(parseTsVector("'absenc':3A 'cong':1A,5B,9C 'rendez-vous':4")).toEqual([
      { lexeme: 'absenc', weights: 'A', count: 1 },
      { lexeme: 'cong', weights: 'ABC', count: 3 },
      { lexeme: 'rendez-vous', weights: 'D', count: 1 },
    ]);
  });

  it("undoes the '' and backslash escapes, and reads a vector without positions", () => {
    expect(parseTsVector("'l''heure' 'a\\\\b' 'x'")).toEqual([
      { lexeme: "l'heure", weights: 'D', count: 1 },
      { lexeme: 'a\\b', weights: 'D', count: 1 },
      { lexeme: 'x', weights: 'D', count: 1 },
    ]);
    expect(parseTsVector("'it''s':2C,7,8C")).toEqual([{ lexeme: "it's", weights: 'CD', count: 3 }]);
  });

  it('reads an empty vector as no lexemes', () => {
    expect(parseTsVector('')).toEqual([]);
  });
});

describe('TextIndex', () => {
  it('matches a prefix or an exact lexeme', () => {
    const index = new TextIndex();
    index.set(0, "'cong':1A 'pai':2B");
    index.set(1, "'congres':1A");
    index.set(2, "'paie':1C");
    expect(slots(index, [[prefix('cong')]])).toEqual([0, 1]);
    expect(slots(index, [[exact('cong')]])).toEqual([0]);
    expect(slots(index, [[prefix('pai')]])).toEqual([0, 2]);
    expect(slots(index, [[exact('pai')]])).toEqual([0]);
    expect(slots(index, [[prefix('zzz')]])).toEqual([]);
  });

  it('combines clauses with AND and the terms of a clause with OR', () => {
    const index = new TextIndex();
    index.set(0, "'cong':1A 'absenc':2B");
    index.set(1, "'cong':1A 'absent':2C");
    index.set(2, "'absenc':1A");
    index.set(3, "'cong':1A");
    expect(slots(index, [[prefix('cong')], [exact('absenc')]])).toEqual([0]);
    expect(slots(index, [[prefix('cong')], [exact('absenc'), prefix('absent')]])).toEqual([0, 1]);
    expect(slots(index, [[exact('absenc'), exact('absent')]])).toEqual([0, 1, 2]);
    expect(slots(index, [])).toEqual([]);
    expect(slots(index, [[]])).toEqual([]);
  });

  it('requires every lexeme of a term of several', () => {
    const index = new TextIndex();
    index.set(0, "'7.4':1A 'vers':2A");
    index.set(1, "'7.4':1A");
    index.set(2, "'vers':2B 'version':3A '7.45':4C");
    expect(slots(index, [[exact('7.4', 'vers')]])).toEqual([0]);
    expect(slots(index, [[prefix('7.4', 'vers')]])).toEqual([0, 2]);
    // The lowest of the lexemes' best entries: for slot 2, 'vers' (A through 'version') and '7.45' (C).
    expect(found(index, [[prefix('7.4', 'vers')]]).map((r) => r.rank)).toEqual([1, 0.2]);
  });

  it('ranks the name over the summary over the description, repetition breaking ties', () => {
    const index = new TextIndex();
    index.set(0, "'cong':9C");
    index.set(1, "'cong':5B");
    index.set(2, "'cong':1A");
    index.set(3, "'cong':3C,4C,5C,6C,7C,8C,9C,10C");
    index.set(4, "'cong':3C,4C");
    index.set(5, "'cong':4");
    index.set(6, "'cong':1A,9C");
    const ranks = found(index, [[prefix('cong')]]).map((r) => r.rank);
    expect(ranks[0]).toBeCloseTo(0.2);
    expect(ranks[1]).toBeCloseTo(0.4);
    expect(ranks[2]).toBeCloseTo(1);
    expect(ranks[3]).toBeCloseTo(0.2 * 1.2); // capped at 4 repetitions
    expect(ranks[4]).toBeCloseTo(0.2 * 1.05);
    expect(ranks[5]).toBeCloseTo(0.1);
    expect(ranks[6]).toBeCloseTo(1.05);
    // Even the most repeated description stays under a summary.
    expect(ranks[3] as number).toBeLessThan(ranks[1] as number);
  });

  it('ranks each clause by its best term and averages the clauses', () => {
    const index = new TextIndex();
    index.set(0, "'cong':1A 'absenc':4C 'absent':5B");
    const [only] = found(index, [[prefix('cong')], [exact('absenc'), exact('absent')]]);
    expect(only?.rank).toBeCloseTo((1 + 0.4) / 2);
  });

  it('replaces what a slot held when it is set again, and forgets it when removed', () => {
    const index = new TextIndex();
    index.set(0, "'cong':1A 'pai':2B");
    index.set(1, "'cong':1B");
    index.set(0, "'absenc':1A 'cong':2C");
    expect(slots(index, [[exact('pai')]])).toEqual([]);
    expect(found(index, [[exact('cong')]])).toEqual([
      { slot: 0, rank: expect.closeTo(0.2) },
      { slot: 1, rank: expect.closeTo(0.4) },
    ]);
    index.set(0, "'absenc':1A 'cong':2C"); // the same text twice: no duplicate posting
    expect(slots(index, [[exact('cong')]])).toEqual([0, 1]);
    index.remove(1);
    index.remove(1);
    expect(slots(index, [[exact('cong')]])).toEqual([0]);
    index.set(0, '');
    index.set(1, null);
    expect(slots(index, [[prefix('')]])).toEqual([]);
    index.remove(57); // a slot never set
    expect(slots(index, [[prefix('')]])).toEqual([]);
    // Four documents were written, none is live: a search does not see them, a compaction drops them.
    expect(index.stats()).toMatchObject({ documents: 4, dead: 4 });
  });

  it('finds a lexeme added after a search (the sorted view catches up)', () => {
    const index = new TextIndex();
    for (let slot = 0; slot < 200; slot += 1) index.set(slot, `'mot${slot}':1A`);
    expect(slots(index, [[prefix('mot19')]])).toEqual([19, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199]);
    index.set(200, "'mot19bis':1A 'aaa':2B");
    index.set(3, "'mot1':1A");
    expect(slots(index, [[prefix('mot19')]])).toEqual([
      19, 190, 191, 192, 193, 194, 195, 196, 197, 198, 199, 200,
    ]);
    expect(slots(index, [[prefix('aa')]])).toEqual([200]);
    expect(slots(index, [[exact('mot1')]])).toEqual([1, 3]);
  });

  it('gives back, after a load, the room its growth took (bytes per document near the live data)', () => {
    const index = new TextIndex();
    const documents = 5000;
    for (let slot = 0; slot < documents; slot += 1) {
      const lexemes = Array.from({ length: 20 }, (_, k) => `'m${(slot * 7 + k * 31) % 600}':${k + 1}B`);
      index.set(slot, lexemes.join(' '));
    }
    const withM0 = Array.from({ length: documents }, (_, slot) => slot).filter((slot) =>
      Array.from({ length: 20 }, (_, k) => (slot * 7 + k * 31) % 600).includes(0),
    );
    expect(slots(index, [[exact('m0')]])).toEqual(withM0);
    // Live: 20 postings of 2 bytes (gaps under 128, info byte) = 40 bytes a document; then the
    // document's slot (4 bytes each way) and the search's scratch arrays (24 bytes a slot, a quarter
    // more to grow): ≈ 100 bytes, against 180 for the postings alone before (5 + 4 bytes each).
    expect(index.stats().postingBytes).toBe(documents * 20 * 2);
    const perDocument = index.byteSize() / documents;
    expect(perDocument).toBeGreaterThan(40);
    expect(perDocument).toBeLessThan(120);
  });

  it('stays exact over many random edits, compacting its pools', () => {
    const random = seededRandom(9);
    const words = Array.from({ length: 60 }, (_, k) => `w${k.toString(36)}${'abc'[k % 3]}`);
    const index = new TextIndex();
    const reference = new Map<number, Map<string, { weights: string; count: number }>>();
    let compactions = 0;
    let previousDocuments = 0;
    for (let edit = 0; edit < 20_000; edit += 1) {
      const slot = Math.floor(random() * 300);
      if (random() < 0.1) {
        index.remove(slot);
        reference.delete(slot);
        continue;
      }
      const doc = new Map<string, { weights: string; count: number }>();
      const size = 1 + Math.floor(random() * 12);
      for (let k = 0; k < size; k += 1) {
        const word = words[Math.floor(random() ** 2 * words.length)] as string;
        const weights = ['A', 'B', 'C', 'AC', 'D'][Math.floor(random() * 5)] as string;
        doc.set(word, { weights, count: weights.length + Math.floor(random() * 3) });
      }
      const text = [...doc]
        .map(([word, { weights, count }]) => {
          const letters = Array.from({ length: count }, (_, i) => weights[i % weights.length]);
          return `'${word}':${letters.map((w, i) => `${i + 1}${w === 'D' ? '' : w}`).join(',')}`;
        })
        .join(' ');
      index.set(slot, text);
      reference.set(slot, doc);
      const stats = index.stats();
      if (stats.documents < previousDocuments) compactions += 1;
      previousDocuments = stats.documents;
      // Dead documents are dropped once they are half (and 1,024); the pool's garbage stays under half.
      expect(stats.dead).toBeLessThanOrEqual(Math.max(1024, stats.documents - stats.dead));
      expect(stats.postingGarbage * 2).toBeLessThanOrEqual(stats.postingPool);
    }
    expect(compactions).toBeGreaterThan(5);
    const weightOf = (weights: string) =>
      weights.includes('A') ? 1 : weights.includes('B') ? 0.4 : weights.includes('C') ? 0.2 : 0.1;
    let compared = 0;
    for (const word of [...words, 'w1', 'w', 'x']) {
      for (const isPrefix of [true, false]) {
        const expected = [...reference]
          .map(([slot, doc]) => {
            let best = 0;
            for (const [lexeme, { weights, count }] of doc) {
              if (isPrefix ? !lexeme.startsWith(word) : lexeme !== word) continue;
              best = Math.max(best, weightOf(weights) * (1 + 0.05 * Math.min(count - 1, 4)));
            }
            return { slot, rank: best };
          })
          .filter((r) => r.rank > 0)
          .sort((a, b) => a.slot - b.slot);
        const actual = found(index, [[{ lexemes: [word], prefix: isPrefix }]]);
        expect(actual.map((r) => r.slot)).toEqual(expected.map((r) => r.slot));
        for (const [k, r] of actual.entries()) expect(r.rank).toBeCloseTo(expected[k]?.rank as number);
        if (expected.length > 0) compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe('TextIndex documents', () => {
  it('finds an edited sheet by its new words only, a deleted one no more, across a compaction', () => {
    const index = new TextIndex();
    for (let slot = 0; slot < 2000; slot += 1) index.set(slot, `'commun':1A 'ancien${slot}':2B`);
    index.set(5, "'commun':1C 'nouveau':2A");
    index.remove(6);
    expect(index.stats()).toMatchObject({ documents: 2001, dead: 2 });
    expect(slots(index, [[exact('ancien5')]])).toEqual([]);
    expect(slots(index, [[exact('nouveau')]])).toEqual([5]);
    expect(slots(index, [[exact('ancien6')]])).toEqual([]);
    expect(found(index, [[exact('commun')]]).find((r) => r.slot === 5)?.rank).toBeCloseTo(0.2);
    // The first search trimmed the pool after the load, dropping the dead documents on the way.
    expect(index.stats()).toMatchObject({ documents: 1999, dead: 0 });
    // Every sheet written again: half the documents are dead, the next write drops them.
    for (let slot = 0; slot < 2000; slot += 1)
      if (slot !== 6) index.set(slot, `'commun':1A 'refait${slot}':2B`);
    const stats = index.stats();
    expect(stats.dead).toBeLessThan(1024);
    expect(stats.documents - stats.dead).toBe(1999);
    expect(slots(index, [[prefix('ancien')]])).toEqual([]);
    expect(slots(index, [[exact('commun')]])).toHaveLength(1999);
    expect(slots(index, [[exact('refait1999')]])).toEqual([1999]);
    expect(slots(index, [[exact('refait6')]])).toEqual([]);
  });
});

describe('TextIndex scratch', () => {
  it('finds sheets added after a search of a small index (the scratch arrays grow together)', () => {
    const index = new TextIndex();
    for (let slot = 0; slot < 4; slot += 1) index.set(slot, `'commun':1A 'a${slot}':2B`);
    expect(slots(index, [[exact('commun')]])).toEqual([0, 1, 2, 3]);
    for (let slot = 4; slot < 40; slot += 1) {
      index.set(slot, `'commun':1A 'tamanoir':2B`);
      expect(slots(index, [[exact('tamanoir')]])).toHaveLength(slot - 3);
    }
    expect(slots(index, [[exact('commun')]])).toHaveLength(40);
  });
});
