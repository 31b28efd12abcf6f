import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketSummaryDto } from '../../../common/schemas/support.ts';
import { createTestContext, login, type TestContext } from '../../test/harness.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedDemoCatalogue } from './seed-catalogue.ts';
import { seedDemoSupport } from './seed-support.ts';

/** The demo support tickets: both flows in every state, some past their service target. */
let t: TestContext;
const password = 'demo demo demo demo';
beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.db, password);
  await seedDemoCatalogue(t.db);
  expect(await seedDemoSupport(t.db)).toEqual({ created: 12 });
}, 120_000);
afterAll(() => t.close());

const tickets = async (email: string, query = '') =>
  (await (await login(t.app, email, password)).get(`/api/support-tickets${query}`)).json<{
    items: TicketSummaryDto[];
  }>().items;

describe('the demo support', () => {
  it('has tickets of both flows in every state, some late at either level', async () => {
    const all = await tickets('ddsi@mutualis.demo');
    for (const flow of ['starterKit', 'application'] as const)
      expect(new Set(all.filter((i) => i.flow === flow).map((i) => i.state))).toEqual(
        new Set(['open', 'escalated', 'resolved', 'withdrawn']),
      );
    const late = await tickets('ddsi@mutualis.demo', '?breached=true');
    expect(new Set(late.map((i) => i.flow))).toEqual(new Set(['starterKit', 'application']));
    expect(late.flatMap((i) => i.serviceTargets.filter((s) => s.breached).map((s) => s.level))).toEqual(
      expect.arrayContaining([1, 2]),
    );
    expect(all.some((i) => i.state === 'open' && !i.breached && i.answerDueAt)).toBe(true);
  });

  it('gives the Grand Est referent, designer of the production dashboard, her queue at level 1', async () => {
    const queue = await tickets('dev.basrhin@mutualis.demo', '?level=1&state=open');
    expect(queue.map((i) => i.subject)).toEqual(
      expect.arrayContaining([
        'Le générateur de formulaires ignore les contraintes de validation',
        'Le tableau de bord n’affiche plus les stocks du lundi',
      ]),
    );
  });

  it('is written once', async () => {
    expect(await seedDemoSupport(t.db)).toEqual({ created: 0 });
  });
});
