import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, createSheet, searchAs, signedInAs } from '../../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, organisationId, type TestContext } from '../../../test/harness.ts';
import { cachedResult, searchKey } from './search.results.ts';
import { CatalogueSearch } from './search.sync.ts';

/** The results kept per version of the index: asked again, answered from memory; never older than the index. */

let t: TestContext;
let writer: Agent;
let rhone: string;

beforeAll(async () => {
  t = await createTestContext();
  rhone = await organisationId(t.db, 'CPAM-69');
  writer = await signedInAs(t, ['developer'], 'CPAM-69');
});
afterAll(() => t.close());

const page = { offset: 0, limit: 20 };

describe('search results kept per index version', () => {
  it('one key per distinct search: the order of a filter’s values does not matter, the page and the sort do', () => {
    const key = searchKey({ q: 'congés', track: ['labelling', 'homologation'] }, page);
    expect(searchKey({ track: ['homologation', 'labelling'], q: 'congés' }, page)).toBe(key);
    expect(searchKey({ q: 'congés', track: ['homologation', 'labelling'], sort: 'usage' }, page)).not.toBe(
      key,
    );
    expect(
      searchKey({ q: 'congés', track: ['labelling', 'homologation'] }, { offset: 20, limit: 20 }),
    ).not.toBe(key);
    expect(searchKey({ q: 'conges', track: ['labelling', 'homologation'] }, page)).not.toBe(key);
  });

  it('computes a search once per version of the index, again after a change, and keeps the last asked', async () => {
    const search = new CatalogueSearch(t.db);
    const computed: string[] = [];
    const compute = (key: string) => () => {
      computed.push(key);
      return { key };
    };
    const ask = async (key: string, kept = 2) => {
      const index = await search.fresh();
      return cachedResult(index, kept, key, compute(key));
    };
    const first = await ask('a');
    expect(await ask('a')).toBe(first);
    await ask('b');
    await ask('a'); // a is now the most recently asked: c pushes b out
    await ask('c');
    await ask('a');
    await ask('b');
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
    // A committed write moves the index: nothing computed before it is served after it.
    await createSheet(writer, rhone, { name: 'Tatou des résultats gardés' });
    await ask('a');
    expect(computed).toEqual(['a', 'b', 'c', 'b', 'a']);
    // Turned off: computed every time.
    await ask('z', 0);
    await ask('z', 0);
    expect(computed.filter((k) => k === 'z')).toHaveLength(2);
  });

  it('a search asked again after a write finds the new sheet, and the same search answers the same page', async () => {
    const word = 'pangolin';
    await createSheet(writer, rhone, { name: `Suivi ${word} des dossiers` });
    const before = await searchAs(writer, `q=${word}&sort=name`);
    expect(codesOf(before)).toHaveLength(1);
    const again = await writer.get(`/api/applications?q=${word}&sort=name`);
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(again.json()).toEqual(before);
    const added = await createSheet(writer, rhone, { name: `Archives ${word} régionales` });
    const after = await searchAs(writer, `q=${word}&sort=name`);
    expect(after.total).toBe(2);
    expect(codesOf(after)).toContain(added.code);
    expect(after.facets.organisation.find((f) => f.value === 'CPAM-69')?.count).toBe(2);
  });
});
