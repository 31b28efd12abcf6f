import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkBalanceDto } from '../../../common/schemas/statements.ts';
import { compensationCast, confirmedEffort } from '../../test/compensation-fixtures.ts';
import { createTestContext, signUp, type TestContext } from '../../test/harness.ts';
import { buildNetworkBalance, ratesOn } from './balance.ts';

const rates = (developer: number) => ({
  developer,
  leadDeveloper: 61_000,
  projectManager: 68_000,
  tester: 45_000,
  trainer: 50_000,
});
const share = (organisationId: string, shareCents: number) => ({
  tenantId: `t-${organisationId}`,
  organisationId,
  users: 1,
  shareCents,
  standaloneCents: 0,
});
const instance = (
  month: string,
  costCents: number,
  standaloneCents: number,
  shares: ReturnType<typeof share>[],
) => ({
  month,
  applicationId: 'X',
  priceListVersion: 1,
  users: 0,
  environments: [],
  resources: { vcpu: 0, memoryGb: 0, storageGb: 0 },
  costCents,
  standaloneCents,
  shares,
});

describe('the network balance (worked example)', () => {
  it('weighs the effort each office gives against what it uses of others, and estimates the savings by its formula', () => {
    const balance = buildNetworkBalance({
      months: ['2025-01', '2025-02'],
      // Developer at 520.00 € from January, 530.00 € from February.
      tables: [
        { effectiveFrom: '2025-02-01', rates: rates(53_000) },
        { effectiveFrom: '2025-01-01', rates: rates(52_000) },
      ],
      effort: [
        { organisationId: 'A', month: '2025-01', profile: 'developer', applicationId: 'X', hundredths: 200 },
        { organisationId: 'A', month: '2025-02', profile: 'developer', applicationId: 'X', hundredths: 100 },
        { organisationId: 'B', month: '2025-02', profile: 'developer', applicationId: null, hundredths: 50 },
        { organisationId: 'B', month: '2024-12', profile: 'developer', applicationId: null, hundredths: 999 },
      ],
      // B declared 40 users of A's application from February 10th, C 10 users with no date.
      usages: [
        { organisationId: 'B', applicationId: 'X', userCount: 40, since: '2025-02-10' },
        { organisationId: 'C', applicationId: 'X', userCount: 10, since: null },
      ],
      applications: [
        { id: 'X', code: 'X', name: 'Application X', designerOrganisationId: 'A', officesServed: 3 },
      ],
      offices: [
        { id: 'A', code: 'CPAM-A', name: 'A' },
        { id: 'B', code: 'CPAM-B', name: 'B' },
        { id: 'C', code: 'CPAM-C', name: 'C' },
      ],
      // The shared instance: 100.00 € then 120.00 €; dedicated instances would have cost 250.00 € then 300.00 €.
      instances: [
        [instance('2025-01', 10_000, 25_000, [share('A', 2_000), share('C', 8_000)])],
        [instance('2025-02', 12_000, 30_000, [share('A', 2_000), share('B', 6_000), share('C', 4_000)])],
      ],
    });
    const byCode = Object.fromEntries(balance.offices.map((o) => [o.office.code, o]));
    // A: 2 d × 520.00 € + 1 d × 530.00 € = 1 570.00 €; its share of its own application is not « of others ».
    expect(byCode['CPAM-A']).toMatchObject({
      effortDays: [2, 1],
      effortValueCents: 157_000,
      usersOfOthers: [0, 0],
      hostingShareCents: [0, 0],
      totalEffortDays: 3,
    });
    // B: 0.5 d × 530.00 € = 265.00 € (December is outside the period).
    expect(byCode['CPAM-B']).toMatchObject({
      effortDays: [0, 0.5],
      effortValueCents: 26_500,
      usersOfOthers: [0, 40],
      applicationsOfOthers: 1,
      hostingShareCents: [0, 6_000],
    });
    expect(byCode['CPAM-C']).toMatchObject({ usersOfOthers: [10, 10], totalHostingShareCents: 12_000 });
    // Saved: 1 570.00 € × (3 offices served − 1) = 3 140.00 €, plus hosting (250 − 100) + (300 − 120) = 330.00 €.
    expect(balance.applications).toEqual([
      {
        application: { id: 'X', code: 'X', name: 'Application X' },
        designer: { id: 'A', code: 'CPAM-A', name: 'A' },
        effortDays: 3,
        effortValueCents: 157_000,
        contributors: 1,
        officesServed: 3,
        savedCents: 314_000,
      },
    ]);
    expect(balance.savings).toEqual({
      effortSavedCents: 314_000,
      hostingSavedCents: 33_000,
      totalSavedCents: 347_000,
    });
  });

  it('values a month before every rate table at the first version', () => {
    expect(ratesOn([{ effectiveFrom: '2025-01-01', rates: rates(52_000) }], '2024-06')?.developer).toBe(
      52_000,
    );
  });
});

describe('GET /api/network-balance', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('gives the national readers each office’s confirmed effort and the offices an application serves', async () => {
    const cast = await compensationCast(t);
    await confirmedEffort(cast, [
      { month: '2025-03', profile: 'developer', personDays: 2 },
      { month: '2025-04', profile: 'tester', personDays: 1.5 },
    ]);
    const user = (await signUp(t, { roles: ['officeDirector'], organisationCode: 'CPAM-13' })).agent;
    expect(
      (await user.post(`/api/applications/${cast.applicationId}/usages`, { userCount: 25 })).statusCode,
    ).toBe(201);

    const response = await cast.ddo.get('/api/network-balance?from=2025-01&to=2025-06');
    expect(response.statusCode).toBe(200);
    const balance = response.json() as NetworkBalanceDto;
    expect(balance.months).toHaveLength(6);
    expect(balance.rules.savings.fr).toContain('organismes servis − 1');
    // 2 d × 520.00 € + 1.5 d × 450.00 € = 1 715.00 €.
    expect(balance.offices.find((o) => o.office.code === 'CPAM-67')).toMatchObject({
      effortDays: [0, 0, 2, 1.5, 0, 0],
      effortValueCents: 171_500,
    });
    expect(balance.offices.find((o) => o.office.code === 'CPAM-13')).toMatchObject({
      usersOfOthers: [25, 25, 25, 25, 25, 25],
      applicationsOfOthers: 1,
    });
    const app = balance.applications.find((a) => a.application.id === cast.applicationId);
    // Served: its designer (the sheet declares its own use) and the CPAM des Bouches-du-Rhône:
    // 1 715.00 € × (2 − 1) saved.
    expect(app).toMatchObject({ effortDays: 3.5, officesServed: 2, savedCents: 171_500 });

    expect((await cast.director.get('/api/network-balance')).statusCode).toBe(403);
    const tooLong = await cast.ddo.get('/api/network-balance?from=2020-01&to=2025-06');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].field).toBe('to');
  });
});
