import { describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../bench/generate.ts';
import { readOrganisationsFile } from '../db/reference/load-organisations.ts';
import { TextCorpus } from './similarity.ts';
import { rankSimilar } from './similarity-ranking.ts';

/**
 * The ranking through inverted lists gives what comparing the query with every text gives: the same
 * texts, the same scores, the same order — on a generated catalogue with planted duplicates, for names
 * as typed (whole, cut short, with a typo) with and without a summary.
 */
const offices = readOrganisationsFile().organisations.map((o) => o.code);
const generated = generateCatalogue(600, offices, 11, { duplicates: 40 });
const corpus = new TextCorpus(generated.map((a) => ({ name: a.name, summary: a.summary })));

function fullScan(name: string, summary: string, minScore: number, limit: number) {
  const query = corpus.profile(name, summary);
  return corpus.profiles
    .map((profile, index) => ({ index, score: corpus.similarity(query, profile) }))
    .filter((match) => match.score >= minScore && match.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit);
}

const typo = (word: string) =>
  word.length > 5 ? word.slice(0, 2) + word[3] + word[2] + word.slice(4) : word;

describe('rankSimilar', () => {
  it('ranks as the full comparison does, for 120 queries', () => {
    let compared = 0;
    for (let k = 0; k < 120; k += 1) {
      const sheet = generated[(k * 37) % generated.length] as (typeof generated)[number];
      const words = sheet.name.split(' ');
      const name = [words.slice(0, Math.max(1, words.length - (k % 3))).join(' '), typo(sheet.name)][
        k % 2
      ] as string;
      const summary = k % 4 === 0 ? '' : sheet.summary.slice(0, 20 + ((k * 13) % 80));
      const minScore = [0, 0.1, 0.25][k % 3] as number;
      const limit = [5, 20, 1000][k % 3] as number;
      const expected = fullScan(name, summary, minScore, limit);
      const ranked = rankSimilar(corpus, corpus.profile(name, summary), { minScore, limit });
      expect(ranked.map((r) => r.index)).toEqual(expected.map((r) => r.index));
      for (const [i, r] of ranked.entries()) expect(r.score).toBeCloseTo(expected[i]?.score as number, 12);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('keeps only the texts `accept` keeps', () => {
    const query = corpus.profile(generated[0]?.name ?? '', generated[0]?.summary ?? '');
    const ranked = rankSimilar(corpus, query, { minScore: 0, limit: 50, accept: (i) => i % 2 === 1 });
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.every((r) => r.index % 2 === 1)).toBe(true);
  });
});

describe('rankSimilar on common words', () => {
  // 1,500 texts share "gestion" and "dossiers" in their name; 4 also name the rare "recouvrement".
  const texts = [
    ...Array.from({ length: 1500 }, (_, k) => ({
      name: 'Gestion des dossiers',
      summary: `Suivi numéro ${k} des pièces reçues.`,
    })),
    ...Array.from({ length: 4 }, (_, k) => ({
      name: 'Gestion du recouvrement des indus',
      summary: `Relances des débiteurs, étape ${k}.`,
    })),
  ];
  const common = new TextCorpus(texts);

  it('never scores the texts that share only common words, and ranks as the full comparison', () => {
    const query = common.profile('Gestion du recouvrement', 'Relancer les débiteurs des indus');
    const options = { minScore: 0.05, limit: 3 };
    const expected = common.profiles
      .map((profile, index) => ({ index, score: common.similarity(query, profile) }))
      .filter((match) => match.score >= options.minScore)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, options.limit);
    rankSimilar(common, query, options); // the inverted lists are built on the first ranking
    let read = 0;
    const profiles = new Proxy(common.profiles, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    const own = common.profiles;
    Object.defineProperty(common, 'profiles', { value: profiles });
    const ranked = rankSimilar(common, query, options);
    Object.defineProperty(common, 'profiles', { value: own });
    expect(ranked.map((r) => r.index)).toEqual(expected.map((r) => r.index));
    expect(ranked.map((r) => r.index)).toEqual([1500, 1501, 1502]);
    // The 1,500 texts named "Gestion des dossiers" share a word with the query, but could not reach the
    // third score: none of them is read.
    expect(read).toBeLessThanOrEqual(4);
  });
});
