import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionLogPageDto, MeetingDto } from '../../../common/schemas/board.ts';
import { createTestContext, login, type TestContext } from '../../test/harness.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedDemoBoard } from './seed-board.ts';
import { seedDemoCalls } from './seed-calls.ts';
import { seedDemoCatalogue } from './seed-catalogue.ts';
import { seedDemoProjects } from './seed-projects.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.db, 'demo demo demo demo');
  await seedDemoCatalogue(t.db);
  await seedDemoProjects(t.db);
  await seedDemoCalls(t.db);
  expect(await seedDemoBoard(t.db)).toEqual({ created: 3 });
}, 120_000);
afterAll(() => t.close());

describe('the demo governance board', () => {
  it('has three meetings, two with published decisions linked to demo projects; a second run adds none', async () => {
    const agent = await login(t.app, 'agent.rhone@mutualis.demo', 'demo demo demo demo');
    const meetings = (await agent.get('/api/board/meetings')).json() as { items: MeetingDto[] };
    expect(meetings.items.map((m) => m.state).sort()).toEqual([
      'minutesPublished',
      'minutesPublished',
      'planned',
    ]);
    const log = (
      await t.app.inject({ method: 'GET', url: '/api/board/decisions?pageSize=100' })
    ).json() as DecisionLogPageDto;
    expect(log.total).toBe(4);
    expect(
      log.items.flatMap((d) => d.links).filter((l) => l.type === 'project').length,
    ).toBeGreaterThanOrEqual(3);
    expect(log.items.map((d) => d.outcome)).toEqual(expect.arrayContaining(['approved', 'postponed']));
    expect(await seedDemoBoard(t.db)).toEqual({ created: 0 });
  });
});
