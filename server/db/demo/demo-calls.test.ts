import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_STATES } from '../../../common/calls/vocabulary.ts';
import type { CallDto, CallPageDto } from '../../../common/schemas/calls.ts';
import { createTestContext, login, type TestContext } from '../../test/harness.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedDemoCalls } from './seed-calls.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.db, 'demo demo demo demo');
  expect(await seedDemoCalls(t.db)).toEqual({ created: 8 });
}, 120_000);
afterAll(() => t.close());

describe('the demo calls for projects', () => {
  it('are eight, in every state, the open ones first; a second run adds none', async () => {
    const director = await login(t.app, 'directeur.basrhin@mutualis.demo', 'demo demo demo demo');
    const page = (await director.get('/api/calls?pageSize=100')).json() as CallPageDto;
    expect(page.total).toBe(8);
    expect(new Set(page.items.map((c) => c.state))).toEqual(new Set(CALL_STATES));
    expect(page.items.slice(0, 2).map((c) => c.state)).toEqual(['published', 'published']);
    // The Grand Est call is open to the Bas-Rhin; the draft is seen by its own office only.
    const open = (await director.get('/api/calls?forMyOffice=true&state=published')).json() as CallPageDto;
    expect(open.total).toBe(2);
    const agent = await login(t.app, 'agent.rhone@mutualis.demo', 'demo demo demo demo');
    expect(((await agent.get('/api/calls?pageSize=100')).json() as CallPageDto).total).toBe(7);
    expect(await seedDemoCalls(t.db)).toEqual({ created: 0 });
  });

  it('carry their history: the closing done by the platform, the selection with its rationale', async () => {
    const sponsor = await login(t.app, 'sponsor@mutualis.demo', 'demo demo demo demo');
    const page = (await sponsor.get('/api/calls?state=decided')).json() as CallPageDto;
    const decided = (await sponsor.get(`/api/calls/${page.items[0]?.id}`)).json() as CallDto;
    const reached = decided.lifecycles[0]?.reached ?? [];
    expect(reached.map((r) => r.state)).toEqual([
      'draft',
      'published',
      'closed',
      'underEvaluation',
      'decided',
    ]);
    expect(reached[2]?.by?.kind).toBe('system');
    expect(reached.at(-1)?.input[0]?.value).toContain('Deux propositions retenues');
    const published = (await sponsor.get('/api/calls?state=published&scope=national')).json() as CallPageDto;
    const withQuestions = (await sponsor.get(`/api/calls/${published.items[0]?.id}`)).json() as CallDto;
    expect(withQuestions.questions.map((q) => !!q.answer)).toEqual([true, false]);
    expect(withQuestions.may.answer).toBe(true);
  });
});
