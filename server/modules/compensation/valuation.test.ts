import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueEffort } from '../../../common/compensation/valuation.ts';
import type { AgreementDto } from '../../../common/schemas/agreements.ts';
import { compensationCast } from '../../test/compensation-fixtures.ts';
import { type Agent, createTestContext, signUp, type TestContext } from '../../test/harness.ts';

describe('valuation (worked example, to the cent)', () => {
  it('values each profile line at its rate, rounds once per line, and caps at the ceiling', () => {
    // 2.5 d × 520.00 € = 1 300.00 €; 3.33 d × 610.00 € = 2 031.30 €; 0.07 d × 450.15 € = 31.5105 € → 31.51 €.
    // Valued 3 362.81 €; ceiling 5 000.00 € of which 2 000.00 € already paid → room 3 000.00 €:
    // payable 3 000.00 €, over the ceiling 362.81 €.
    const v = valueEffort({
      effort: [
        { profile: 'developer', hundredths: 250 },
        { profile: 'leadDeveloper', hundredths: 333 },
        { profile: 'tester', hundredths: 7 },
      ],
      rates: {
        developer: 52_000,
        leadDeveloper: 61_000,
        projectManager: 68_000,
        tester: 45_015,
        trainer: 50_000,
      },
      flatAmountCents: null,
      ceilingCents: 500_000,
      alreadyPaidCents: 200_000,
    });
    expect(v.lines.map((l) => l.amountCents)).toEqual([130_000, 203_130, 3_151]);
    expect(v).toMatchObject({
      confirmedDays: 5.9,
      valuedCents: 336_281,
      payableCents: 300_000,
      overCents: 36_281,
    });
  });

  it('values a flat agreement at its amount, and pays nothing once the ceiling is used', () => {
    const flat = { effort: [], rates: null, flatAmountCents: 1_200_000 };
    expect(valueEffort({ ...flat, ceilingCents: 1_000_000 })).toMatchObject({
      lines: [],
      valuedCents: 1_200_000,
      payableCents: 1_000_000,
      overCents: 200_000,
    });
    expect(valueEffort({ ...flat, ceilingCents: 1_000_000, alreadyPaidCents: 1_100_000 })).toMatchObject({
      payableCents: 0,
      overCents: 1_200_000,
    });
  });
});

describe('agreement figures and the rate table', () => {
  let t: TestContext;
  let ddo: Agent;
  let developer: Agent;
  let director: Agent;
  let office: string;
  let applicationId: string;
  beforeAll(async () => {
    t = await createTestContext();
    ({ ddo, director, developer, office, applicationId } = await compensationCast(t));
  });
  afterAll(() => t.close());

  const effort = (month: string, profile: string, personDays: number) =>
    developer.post('/api/effort', {
      month,
      activity: 'maintenance',
      profile,
      target: { kind: 'application', applicationId },
      personDays,
    });

  it('counts the confirmed months of the period only, corrections included, at the rate table in force', async () => {
    await effort('2025-03', 'developer', 2);
    await effort('2025-03', 'leadDeveloper', 3.25);
    const corrected = (await effort('2025-04', 'developer', 1)).json();
    await effort('2025-05', 'developer', 10); // never confirmed: not counted
    await effort('2024-12', 'developer', 10); // before the period: not counted
    for (const month of ['2025-03', '2025-04', '2024-12'])
      expect((await director.post('/api/effort/confirmations', { month })).statusCode).toBe(201);
    const line = corrected.entries.find((e: { month: string }) => e.month === '2025-04');
    await developer.post(`/api/effort/${line.id}/corrections`, {
      personDays: 0.5,
      reason: 'Demi-journée oubliée',
    });

    const created = await ddo.post('/api/agreements', {
      title: 'Maintenance',
      organisationId: office,
      target: { kind: 'application', applicationId },
      officeSignatory: 'Directrice',
      ddoSignatory: 'Directeur',
      periodStart: '2025-01',
      periodEnd: '2099-12',
      valuation: 'rateTable',
      flatAmountCents: null,
      ceilingCents: 300_000,
      commitments: [],
      commitmentNote: '',
      statementFrequency: 'annual',
    });
    // Version 1 of the rate table: developer 520.00 €, lead developer 610.00 €.
    // 3.5 d × 520.00 € = 1 820.00 €; 3.25 d × 610.00 € = 1 982.50 €; valued 3 802.50 €, ceiling 3 000.00 €.
    const figures = (created.json() as AgreementDto).figures;
    expect(figures).toMatchObject({
      rateTableNumber: 1,
      confirmedDays: 6.75,
      valuedCents: 380_250,
      payableCents: 300_000,
      overCents: 80_250,
    });
    expect(figures.lines.map((l) => [l.profile, l.days, l.amountCents])).toEqual([
      ['developer', 3.5, 182_000],
      ['leadDeveloper', 3.25, 198_250],
    ]);
  });

  it('publishes rate table versions in order, by the DDO or the national accountant', async () => {
    const rates = {
      developer: 53_000,
      leadDeveloper: 62_000,
      projectManager: 69_000,
      tester: 46_000,
      trainer: 51_000,
    };
    expect(
      (await director.post('/api/rate-tables', { effectiveFrom: '2030-01-01', rates, note: '' })).statusCode,
    ).toBe(403);
    const earlier = await ddo.post('/api/rate-tables', { effectiveFrom: '2024-06-01', rates, note: '' });
    expect(earlier.statusCode).toBe(422);
    expect(earlier.json().errors[0].field).toBe('effectiveFrom');
    const accountant = (await signUp(t, { roles: ['nationalAccountant'], organisationCode: 'CNAM-DDFC' }))
      .agent;
    const published = await accountant.post('/api/rate-tables', {
      effectiveFrom: '2099-01-01',
      rates,
      note: 'Revalorisation',
    });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({ number: 2, rates });
    const list = (await director.get('/api/rate-tables')).json();
    expect(list.items.map((r: { number: number }) => r.number)).toEqual([2, 1]);
    expect(list.mayPublish).toBe(false);
  });
});
