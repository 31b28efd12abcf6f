import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferentialListDto, ReferentialPageDto } from '../../../common/schemas/referential.ts';
import { createTestContext, login, type TestContext } from '../../test/harness.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedDemoReferential } from './seed-referential.ts';

/** The demo referential: fifteen pages, some revised, proposals open with votes. */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.db, 'demo demo demo demo');
  expect(await seedDemoReferential(t.db)).toEqual({ created: 15 });
  expect(await seedDemoReferential(t.db)).toEqual({ created: 0 });
}, 60_000);
afterAll(() => t.close());

describe('the demo referential', () => {
  it('has fifteen pages in the six categories, revised ones with a diff, and open proposals with votes', async () => {
    const agent = await login(t.app, 'agent.rhone@mutualis.demo', 'demo demo demo demo');
    const list = (await agent.get('/api/referential/pages')).json<ReferentialListDto>();
    expect(list.items).toHaveLength(15);
    expect(new Set(list.items.map((p) => p.category)).size).toBe(6);
    expect(list.items.filter((p) => p.openProposals > 0)).toHaveLength(2);
    expect(list.newPageProposals.map((p) => p.title)).toEqual(['Sécurité des API exposées']);
    const levels = (
      await agent.get('/api/referential/pages/niveaux-de-conformite-psram')
    ).json<ReferentialPageDto>();
    expect(levels.versions.map((v) => v.number)).toEqual([3, 2, 1]);
    const diff = (
      await agent.get('/api/referential/pages/niveaux-de-conformite-psram/diff?from=1&to=3')
    ).json();
    expect(diff.lines.filter((l: { kind: string }) => l.kind !== 'same')).toHaveLength(4);
    const naming = (
      await agent.get('/api/referential/pages/nommage-des-classes-et-des-espaces-de-noms')
    ).json();
    expect(naming.proposals[0]).toMatchObject({ state: 'open', up: 2, down: 0 });
  });
});
