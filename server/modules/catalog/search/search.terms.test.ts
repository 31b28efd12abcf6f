import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutAccents } from '../../../../common/text.ts';
import { seedDemoCatalogue, seededRandom } from '../../../db/demo/seed-catalogue.ts';
import { selectRows } from '../../../lib/rows.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { lookupTerms, queryClauses, queryTokens, TermCache } from './search.terms.ts';
import { TextIndex } from './search.text.ts';

/**
 * The text index against PostgreSQL itself: the stored French vectors of the demo catalogue loaded in
 * memory, and for every word of that catalogue (and prefixes, accents, case, combinations, stop words,
 * typos) the same applications as `search_vector @@ to_tsquery('french', f_unaccent(…))`.
 */
let t: TestContext;
const index = new TextIndex();
let slotIds: string[] = [];
let vocabulary: string[] = [];

const WORD = /[\p{L}\p{N}]+(?:\.\p{N}+)*/gu;

beforeAll(async () => {
  t = await createTestContext();
  await seedDemoCatalogue(t.db);
  const rows = await selectRows<{ id: string; vector: string; text: string }>(
    t.db,
    sql`SELECT id::text, search_vector::text AS vector,
               concat_ws(' ', name, summary, description, keywords) AS text
        FROM applications ORDER BY id`,
  );
  slotIds = rows.map((r) => r.id);
  for (const [slot, row] of rows.entries()) index.set(slot, row.vector);
  vocabulary = [...new Set(rows.flatMap((r) => r.text.toLowerCase().match(WORD) ?? []))].sort();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** The ids the in-memory index finds for a query (null: no words). */
async function inMemory(q: string, cache: TermCache) {
  const clauses = await queryClauses(t.db, q, cache);
  if (clauses === null) return null;
  return [...index.match(clauses).positions].map((slot) => slotIds[slot] as string).sort();
}

/** The tsquery the search sent PostgreSQL before: "(word:* | typo1 | typo2) & …", in the case typed. */
async function referenceQuery(q: string, cache: TermCache) {
  const raw = new Map<string, string>();
  for (const word of q.match(WORD) ?? []) if (!raw.has(word.toLowerCase())) raw.set(word.toLowerCase(), word);
  const tokens = queryTokens(q);
  const terms = await lookupTerms(t.db, tokens, cache);
  return tokens
    .map((token) => {
      const words = [
        `${raw.get(token) ?? token}:*`,
        ...(terms.get(token)?.alternatives ?? []).map((a) => a.word),
      ];
      return `(${words.join(' | ')})`;
    })
    .join(' & ');
}

/** The ids PostgreSQL finds for each tsquery, in one statement per batch. */
async function inPostgres(tsQueries: string[]) {
  const rows = await selectRows<{ i: number; ids: string[] }>(
    t.db,
    sql`
      WITH q AS (
        SELECT u.i, to_tsquery('french', f_unaccent(u.text)) AS query
        FROM unnest(${sql.param(tsQueries)}::text[]) WITH ORDINALITY AS u(text, i)
      )
      SELECT q.i::int AS i, array_remove(array_agg(a.id::text ORDER BY a.id::text), NULL) AS ids
      FROM q LEFT JOIN applications a ON a.search_vector @@ q.query
      GROUP BY q.i`,
  );
  const byIndex = new Map(rows.map((r) => [Number(r.i), r.ids]));
  return tsQueries.map((_, k) => byIndex.get(k + 1) ?? []);
}

/** The queries of the comparison, built from the demo vocabulary with a fixed seed. */
function demoQueries() {
  const random = seededRandom(9);
  const pick = () => vocabulary[Math.floor(random() * vocabulary.length)] as string;
  const queries = new Set<string>();
  for (const word of vocabulary) {
    queries.add(word);
    if (word.length >= 3) queries.add(word.slice(0, 3));
    if (withoutAccents(word) !== word) queries.add(withoutAccents(word));
    if (random() < 0.2) queries.add(word.toUpperCase());
  }
  for (let k = 0; k < 400; k += 1) queries.add(`${pick()} ${pick()}`);
  for (let k = 0; k < 200; k += 1) queries.add(`${pick()} ${pick().slice(0, 4)} ${pick()}`);
  for (const stop of ['le', 'la', 'les', 'des', 'du', 'et', 'pour', 'avec', 'nous', 'vous', 'dans', 'sur'])
    queries.add(stop).add(`${stop} ${pick()}`);
  queries.add('les des et').add('gestion des congés').add('Gestion DES Conges');
  // Typos: a letter dropped or two swapped, in words long enough to be tolerated.
  const long = vocabulary.filter((w) => w.length >= 7);
  for (let k = 0; k < 120; k += 1) {
    const word = long[Math.floor(random() * long.length)] as string;
    const at = 2 + Math.floor(random() * (word.length - 3));
    queries.add(
      k % 2 === 0
        ? word.slice(0, at) + word.slice(at + 1)
        : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2),
    );
  }
  return [...queries];
}

describe('the text index against PostgreSQL french full text', () => {
  it('finds, for every word of the demo catalogue and more, what to_tsquery finds', async () => {
    expect(slotIds.length).toBeGreaterThan(40);
    expect(vocabulary.length).toBeGreaterThan(500);
    const queries = demoQueries();
    const cache = new TermCache(100_000);
    // The terms of every word at once (the comparison below then reads them from the cache).
    const allTokens = [...new Set(queries.flatMap((q) => queryTokens(q)))];
    for (let k = 0; k < allTokens.length; k += 500)
      await lookupTerms(t.db, allTokens.slice(k, k + 500), cache);
    const tsQueries: string[] = [];
    for (const q of queries) tsQueries.push(await referenceQuery(q, cache));
    const expected: string[][] = [];
    for (let k = 0; k < tsQueries.length; k += 500)
      expected.push(...(await inPostgres(tsQueries.slice(k, k + 500))));
    let nonEmpty = 0;
    const differences: string[] = [];
    for (const [k, q] of queries.entries()) {
      const actual = await inMemory(q, cache);
      const wanted = expected[k] as string[];
      if (wanted.length > 0) nonEmpty += 1;
      if (JSON.stringify(actual ?? []) !== JSON.stringify(wanted))
        differences.push(`${q} → ${tsQueries[k]}: ${actual?.length ?? 'null'} vs ${wanted.length}`);
    }
    expect(differences).toEqual([]);
    expect(queries.length).toBeGreaterThan(2000);
    expect(nonEmpty).toBeGreaterThan(queries.length * 0.6);
    console.info(`text index vs PostgreSQL: ${queries.length} queries, ${nonEmpty} with matches, identical`);
  }, 300_000);

  it('tolerates a typo: "remboursemnt" finds what "remboursement" finds', async () => {
    const cache = new TermCache();
    const right = await inMemory('remboursement', cache);
    expect(right?.length).toBeGreaterThan(0);
    const typo = await queryClauses(t.db, 'remboursemnt', cache);
    expect(typo?.[0]?.some((term) => !term.prefix)).toBe(true);
    expect(await inMemory('remboursemnt', cache)).toEqual(expect.arrayContaining(right ?? []));
  });

  it('drops stop words as to_tsquery does, and has no clause for no words', async () => {
    const cache = new TermCache();
    expect(await queryClauses(t.db, '  ', cache)).toBeNull();
    expect(await queryClauses(t.db, 'des et pour', cache)).toEqual([]);
    const clauses = await queryClauses(t.db, 'Gestion des congés', cache);
    expect(clauses).toEqual([
      [{ lexemes: ['gestion'], prefix: true }],
      [{ lexemes: ['cong'], prefix: true }],
    ]);
  });

  it('keeps terms per word, forgets only the typo answers when the catalogue changed', async () => {
    const cache = new TermCache(3);
    await queryClauses(t.db, 'congés remboursemnt', cache);
    expect(cache.size).toBe(2);
    cache.invalidate();
    expect(cache.size).toBe(1); // "remboursemnt" may now start a known word: asked again
    await queryClauses(t.db, 'paie agenda astreinte', cache);
    expect(cache.size).toBe(3); // bounded: the least recently used word went out
    expect(cache.get('congés')).toBeUndefined();
    expect(cache.get('astreinte')?.lexemes).toEqual(['astreint']);
  });
});
