import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGREEMENT_STATES } from '../../../common/compensation/vocabulary.ts';
import type { AgreementDto, AgreementSummaryDto } from '../../../common/schemas/agreements.ts';
import type { EffortYearDto } from '../../../common/schemas/effort.ts';
import type { AgreementStatementsDto } from '../../../common/schemas/statements.ts';
import { createTestContext, login, type TestContext } from '../../test/harness.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedDemoCatalogue } from './seed-catalogue.ts';
import { lastTwelveMonths, seedDemoCompensation } from './seed-compensation.ts';

const PASSWORD = 'demo demo demo demo';
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.db, PASSWORD);
  await seedDemoCatalogue(t.db);
  expect(await seedDemoCompensation(t.db)).toEqual({ created: 7 });
}, 120_000);
afterAll(() => t.close());

describe('the demo compensation', () => {
  it('has an agreement in every state, with its history; a second run adds none', async () => {
    const ddo = await login(t.app, 'ddo@mutualis.demo', PASSWORD);
    const items = (await ddo.get('/api/agreements')).json().items as AgreementSummaryDto[];
    expect(new Set(items.map((a) => a.state))).toEqual(new Set(AGREEMENT_STATES));
    const active = items.find((a) => a.state === 'active') as AgreementSummaryDto;
    const detail = (await ddo.get(`/api/agreements/${active.id}`)).json() as AgreementDto;
    expect(detail.lifecycles[0]?.reached.map((r) => r.state)).toEqual([
      'draft',
      'negotiation',
      'approvedByOffice',
      'approvedByDdo',
      'active',
    ]);
    expect(detail.figures.confirmedDays).toBeGreaterThan(0);
    expect(detail.figures.payableCents).toBeLessThanOrEqual(detail.ceilingCents);
    const statements = (
      await ddo.get(`/api/agreements/${active.id}/statements`)
    ).json() as AgreementStatementsDto;
    expect(statements.items.length).toBeGreaterThanOrEqual(2);
    expect(statements.items.at(-1)?.state).toBe('draft');
    expect(statements.items.slice(0, -1).every((s) => s.state === 'validated')).toBe(true);
    expect(statements.committedCents).toBeGreaterThan(0);
    expect(statements.committedCents).toBeLessThanOrEqual(active.ceilingCents);
    expect(await seedDemoCompensation(t.db)).toEqual({ created: 0 });
  });

  it('has a year of effort of the CPAM du Bas-Rhin, confirmed but for the last month', async () => {
    const director = await login(t.app, 'directeur.basrhin@mutualis.demo', PASSWORD);
    const months = lastTwelveMonths(new Date());
    const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
    const all = (
      await Promise.all(
        years.map(async (y) => (await director.get(`/api/effort?year=${y}`)).json() as EffortYearDto),
      )
    ).flatMap((y) => y.months.filter((m) => months.includes(m.month)));
    expect(all).toHaveLength(12);
    expect(all.every((m) => m.totalDays > 0)).toBe(true);
    expect(all.filter((m) => m.confirmed === null).map((m) => m.month)).toEqual([months.at(-1)]);
  });
});
