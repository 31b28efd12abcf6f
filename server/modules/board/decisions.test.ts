import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionLogPageDto } from '../../../common/schemas/board.ts';
import type { Transaction } from '../../db/client.ts';
import {
  decide,
  fireMeeting,
  planMeeting,
  publishedMeeting,
  submitEvolution,
} from '../../test/board-fixtures.ts';
import { type Agent, createTestContext, createUser, login, type TestContext } from '../../test/harness.ts';
import { allocateDecisionNumber } from './decisions.queries.ts';

let t: TestContext;
let runner: Agent;
let agent: Agent;

beforeAll(async () => {
  t = await createTestContext();
  runner = await login(
    t.app,
    (await createUser(t.db, { roles: ['admin'], organisationCode: 'CNAM-DDO' })).email,
  );
  agent = await login(
    t.app,
    (await createUser(t.db, { roles: ['agent'], organisationCode: 'CPAM-13' })).email,
  );
  const conges = await submitEvolution(agent, {
    title: 'Circuit des congés',
    reason: 'Les congés des agents sont validés sur papier dans plusieurs caisses.',
  });
  const store = await submitEvolution(agent, { title: 'Store en anglais', evolutionTarget: 'store' });
  const cloud = await submitEvolution(agent, { title: 'Quotas AM Cloud', evolutionTarget: 'amCloud' });
  await publishedMeeting(runner, '2029-04-10', [
    { itemId: conges.id, overrides: { question: 'Faut-il dématérialiser la validation des congés ?' } },
    { itemId: store.id, overrides: { outcome: 'rejected', statement: "L'instance rejette la traduction." } },
  ]);
  await publishedMeeting(runner, '2030-01-15', [{ itemId: cloud.id }]);
}, 120_000);
afterAll(() => t.close());

/** Anonymous: the log and its feeds are public. */
const anonymous = (url: string) => t.app.inject({ method: 'GET', url });
const log = async (query = '') =>
  (await anonymous(`/api/board/decisions${query}`)).json() as DecisionLogPageDto;

/** Parses a document with a conforming XML parser (namespaces on): throws on anything not well-formed. */
function parseXml(xml: string) {
  const parser = new SaxesParser({ xmlns: true });
  const elements: { name: string; uri: string; path: string }[] = [];
  const stack: string[] = [];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    stack.push(tag.local);
    elements.push({ name: tag.local, uri: tag.uri, path: stack.join('/') });
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return elements;
}

describe('decision numbers', () => {
  it('are year-number, one series a year, in the order of publication', async () => {
    const page = await log('?pageSize=100');
    expect(page.items.map((d) => d.reference)).toEqual(['2030-001', '2029-002', '2029-001']);
  });

  it('are never given twice when publications cross', async () => {
    const numbers = await Promise.all(
      Array.from({ length: 12 }, () =>
        t.db.transaction((tx) => allocateDecisionNumber(tx as Transaction, 2077)),
      ),
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const rolledBack = await t.db
      .transaction(async (tx) => {
        await allocateDecisionNumber(tx as Transaction, 2077);
        throw new Error('rollback');
      })
      .catch(() => 'rolled back');
    expect(rolledBack).toBe('rolled back');
    expect(await t.db.transaction((tx) => allocateDecisionNumber(tx as Transaction, 2077))).toBe(13);
  });
});

describe('the public decision log', () => {
  it('is read without a session, searched in French without accents, filtered and paginated', async () => {
    const found = await log('?q=conge');
    expect(found.items.map((d) => d.question)).toEqual(['Faut-il dématérialiser la validation des congés ?']);
    expect((await log('?q=dematerialisation')).total).toBe(1);
    const rejected = await log('?outcome=rejected');
    expect(rejected.items.map((d) => d.reference)).toEqual(['2029-002']);
    expect(rejected.facets.outcomes).toEqual(
      expect.arrayContaining([
        { value: 'approved', count: 2 },
        { value: 'rejected', count: 1 },
      ]),
    );
    expect((await log('?year=2029')).items.map((d) => d.reference)).toEqual(['2029-002', '2029-001']);
    const first = await log('?pageSize=1&page=2');
    expect(first).toMatchObject({ total: 3, items: [{ reference: '2029-002' }] });
    const bad = await anonymous('/api/board/decisions?outcome=peut-etre');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/décision/);
    const one = await anonymous(`/api/board/decisions/${first.items[0]?.id}`);
    expect(one.json()).toMatchObject({ reference: '2029-002', item: { kind: 'evolution' } });
  });

  it('leaves drafts out until their minutes are published', async () => {
    const request = await submitEvolution(agent, { title: 'Point en brouillon' });
    const meeting = await planMeeting(runner, '2029-06-01', [request.id]);
    await fireMeeting(runner, meeting.id, 'hold');
    const drafted = await decide(runner, meeting.id, request.id, {
      question: 'Question encore en brouillon ?',
    });
    expect(drafted.decisions.map((d) => d.question)).toEqual(['Question encore en brouillon ?']);
    expect((await log('?q=brouillon')).total).toBe(0);
    expect((await anonymous(`/api/board/decisions/${drafted.decisions[0]?.id}`)).statusCode).toBe(404);
  });
});

describe('the feeds', () => {
  it('are valid Atom 1.0, readable without a session, the latest decision first', async () => {
    const response = await anonymous('/api/board/decisions.atom');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const elements = parseXml(response.body);
    const atom = 'http://www.w3.org/2005/Atom';
    expect(elements[0]).toMatchObject({ name: 'feed', uri: atom });
    expect(elements.every((e) => e.uri === atom)).toBe(true);
    // RFC 4287: a feed has one id, title and updated, an author; each entry its id, title, updated.
    for (const required of ['feed/id', 'feed/title', 'feed/updated', 'feed/author/name'])
      expect(elements.filter((e) => e.path === required)).toHaveLength(1);
    const entries = elements.filter((e) => e.path === 'feed/entry');
    expect(entries).toHaveLength(3);
    for (const child of ['id', 'title', 'updated', 'link', 'summary'])
      expect(elements.filter((e) => e.path === `feed/entry/${child}`)).toHaveLength(3);
    expect(response.body).toMatch(/<title>Décision 2030-001 — Quotas AM Cloud : approuvé<\/title>/);
    expect(response.body).toMatch(/<updated>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z<\/updated>/);
  });

  it('exist as RSS 2.0 too', async () => {
    const response = await anonymous('/api/board/decisions.rss');
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const elements = parseXml(response.body);
    expect(elements[0]?.name).toBe('rss');
    expect(response.body).toContain('<rss version="2.0"');
    expect(elements.filter((e) => e.path === 'rss/channel/item')).toHaveLength(3);
    expect(elements.filter((e) => e.path === 'rss/channel/item/guid')).toHaveLength(3);
  });
});
