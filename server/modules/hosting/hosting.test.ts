import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetDto, CostReportDto } from '../../../common/schemas/hosting.ts';
import { ALLOCATION_RULE, type PriceList } from '../../../common/store/hosting.ts';
import { deploymentRequests, tenants } from '../../db/schema.ts';
import { systemActor } from '../../lib/policy.ts';
import { signedInAs } from '../../test/catalog-fixtures.ts';
import { createTestContext, createUser, organisationId, type TestContext } from '../../test/harness.ts';
import { storeSheet } from '../../test/store-fixtures.ts';
import {
  allocate,
  instanceCostCents,
  priceListOn,
  reachedThresholds,
  sizeInstance,
} from './hosting.costs.ts';
import { checkBudgets } from './hosting.service.ts';

/**
 * Hosting costs with exact figures, from the DDSI's price list of server/db/reference/hosting-prices.json
 * (v1 from 2026-01-01: 25 €/vCPU, 6 €/GB of memory, 0.15 €/GB of storage; v2 from 2026-09-01: 23 €, 5.50 €,
 * 0.12 €; base 2 vCPU, 4 GB, 50 GB, one block of 1 vCPU, 2 GB, 20 GB per started 250 users; preproduction
 * 50 %, training 25 % of production).
 */

const sizing = {
  base: { vcpu: 2, memoryGb: 4, storageGb: 50 },
  block: { users: 250, vcpu: 1, memoryGb: 2, storageGb: 20 },
  environmentPercent: { production: 100, preproduction: 50, training: 25 },
};
const V1: PriceList = {
  version: 1,
  effectiveFrom: '2026-01-01',
  label: 'v1',
  vcpuCents: 2500,
  memoryGbCents: 600,
  storageGbCents: 15,
  sizing,
};
const V2: PriceList = {
  ...V1,
  version: 2,
  effectiveFrom: '2026-09-01',
  vcpuCents: 2300,
  memoryGbCents: 550,
  storageGbCents: 12,
};

describe('the arithmetic of hosting costs', () => {
  it('sizes an instance by started blocks of users and prices its environments', () => {
    expect(sizeInstance(V1, 0)).toEqual({ vcpu: 2, memoryGb: 4, storageGb: 50 });
    expect(sizeInstance(V1, 250)).toEqual({ vcpu: 3, memoryGb: 6, storageGb: 70 });
    expect(sizeInstance(V1, 251)).toEqual({ vcpu: 4, memoryGb: 8, storageGb: 90 });
    // 3 × 25 € + 6 × 6 € + 70 × 0.15 € = 121.50 €; with preproduction and training, × 175 %.
    expect(instanceCostCents(V1, 100, ['production'])).toBe(12_150);
    expect(instanceCostCents(V1, 100, ['production', 'preproduction', 'training'])).toBe(21_263);
  });

  it('takes the price list in force on the first day of the month', () => {
    expect(priceListOn([V2, V1], '2026-08')?.version).toBe(1);
    expect(priceListOn([V1, V2], '2026-09')?.version).toBe(2);
    expect(priceListOn([V1, V2], '2025-12')).toBeNull();
  });

  it('allocates by declared users, the cents left to the largest remainders, the shares adding up exactly', () => {
    expect(allocate(22_020, [100, 300])).toEqual([5_505, 16_515]);
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1_001, [1, 2, 7])).toEqual([100, 200, 701]);
    expect(allocate(500, [0, 0])).toEqual([0, 0]);
  });

  it('reaches 80 % and 100 % at exactly those shares, never below', () => {
    expect(reachedThresholds(40_000, 31_999)).toEqual([]);
    expect(reachedThresholds(40_000, 32_000)).toEqual([80]);
    expect(reachedThresholds(40_000, 39_999)).toEqual([80]);
    expect(reachedThresholds(40_000, 40_000)).toEqual([80, 100]);
    expect(reachedThresholds(0, 5_000)).toEqual([]);
  });
});

const NOW = new Date('2026-11-15T10:00:00Z');
let t: TestContext;
let rhone: string;
let basRhin: string;
let applicationId: string;
let rhoneRequest: string;

/** A live tenant of the application for an office, live since `liveAt` (its request available). */
async function liveTenant(
  office: string,
  users: number,
  environments: ('production' | 'preproduction')[],
  liveAt: string,
) {
  const requester = await createUser(t.db, { roles: ['agent'], organisationCode: office });
  const [request] = await t.db
    .insert(deploymentRequests)
    .values({
      reference: `DMD-COUTS-${office}`,
      applicationId,
      organisationId: await organisationId(t.db, office),
      requestedBy: requester.id,
      state: 'available',
      expectedUsers: users,
      wantedOn: '2026-07-01',
      environments,
      dataProtection: {
        dpoInformed: true,
        processingRegisterUpdated: true,
        cnilFormalitiesDone: true,
        comment: '',
      },
    })
    .returning();
  await t.db.insert(tenants).values({
    requestId: request?.id as string,
    applicationId,
    organisationId: request?.organisationId as string,
    environments,
    declaredUsers: users,
    status: 'live',
    idempotencyKey: `tenant-${request?.id}`,
    liveAt: new Date(liveAt),
  });
  return request?.id as string;
}

beforeAll(async () => {
  t = await createTestContext({}, { now: () => NOW });
  rhone = await organisationId(t.db, 'CPAM-69');
  basRhin = await organisationId(t.db, 'CPAM-67');
  applicationId = (await storeSheet(t, 'Coûts partagés')).id;
  // The Rhône alone from August (100 users, production); the Bas-Rhin joins in October (300 users, with preproduction).
  rhoneRequest = await liveTenant('CPAM-69', 100, ['production'], '2026-08-10T08:00:00Z');
  await liveTenant('CPAM-67', 300, ['production', 'preproduction'], '2026-10-03T08:00:00Z');
}, 60_000);
afterAll(() => t.close());

describe('the costs report', () => {
  it('gives each month, office and region its exact cost, the allocation of the shared instance, and the savings', async () => {
    const governance = await signedInAs(t, ['governanceBoard'], 'CNAM-DDSI');
    const response = await governance.get('/api/hosting/costs?from=2026-08&to=2026-11');
    expect(response.statusCode).toBe(200);
    const report = response.json() as CostReportDto;
    expect(report.months).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
    // August (v1): 121.50 €; September (v2): 3 × 23 + 6 × 5.50 + 70 × 0.12 = 110.40 €; from October, 400 users
    // (two blocks: 4 vCPU, 8 GB, 90 GB = 146.80 €) in production and preproduction (150 %) = 220.20 €.
    expect(report.totals.monthsCents).toEqual([12_150, 11_040, 22_020, 22_020]);
    expect(report.byOffice.map((o) => [o.key, o.monthsCents, o.totalCents])).toEqual([
      [rhone, [12_150, 11_040, 5_505, 5_505], 34_200],
      [basRhin, [0, 0, 16_515, 16_515], 33_030],
    ]);
    expect(report.byRegion.map((r) => [r.label, r.totalCents])).toEqual([
      ['Auvergne-Rhône-Alpes', 34_200],
      ['Grand Est', 33_030],
    ]);
    expect(report.byApplication).toEqual([
      expect.objectContaining({ key: applicationId, totalCents: 67_230 }),
    ]);
    const [instance] = report.instances;
    expect(instance).toMatchObject({
      month: '2026-11',
      priceListVersion: 2,
      users: 400,
      resources: { vcpu: 4, memoryGb: 8, storageGb: 90 },
      costCents: 22_020,
    });
    expect(
      instance?.shares.map((s) => [s.organisation.id, s.percent, s.shareCents, s.standaloneCents]),
    ).toEqual([
      [rhone, 25, 5_505, 11_040],
      [basRhin, 75, 16_515, 22_020],
    ]);
    // Alone, each office would pay 110.40 € + 220.20 € a month from October: the shared instance saves 110.40 €.
    expect(report.savings.savedMonthsCents).toEqual([0, 0, 11_040, 11_040]);
    expect(report.savings.totalSavedCents).toBe(22_080);
  });

  it('exports the same figures as an XLSX workbook', async () => {
    const ddsi = await signedInAs(t, ['itDirectorate'], 'CNAM-DDSI');
    const response = await ddsi.get('/api/hosting/costs.xlsx?from=2026-08&to=2026-11');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('couts-am-cloud-2026-08-2026-11.xlsx');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a period in the wrong order in French, and an office agent', async () => {
    const ddsi = await signedInAs(t, ['itDirectorate'], 'CNAM-DDSI');
    const wrong = await ddsi.get('/api/hosting/costs?from=2026-11&to=2026-08');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      expect.objectContaining({ field: 'from', message: 'Le premier mois précède le dernier.' }),
    ]);
    const agent = await signedInAs(t, ['agent'], 'CPAM-69');
    expect((await agent.get('/api/hosting/costs')).statusCode).toBe(403);
  });
});

describe("a deployment request's tenant", () => {
  it("shows its office the shared instance's resources, its monthly cost and the office's share, with the rule", async () => {
    const agent = await signedInAs(t, ['agent'], 'CPAM-69');
    const response = await agent.get(`/api/deployment-requests/${rhoneRequest}`);
    expect(response.statusCode).toBe(200);
    // November (v2): 400 users of two offices, production and preproduction: 220.20 €, the Rhône's 100 users 25 %.
    expect(response.json().hosting).toEqual({
      month: '2026-11',
      priceList: { version: 2, label: expect.any(String) },
      instance: {
        tenants: 2,
        users: 400,
        environments: ['production', 'preproduction'],
        resources: { vcpu: 4, memoryGb: 8, storageGb: 90 },
        costCents: 22_020,
      },
      share: { users: 100, percent: 25, shareCents: 5_505, standaloneCents: 11_040 },
      rule: ALLOCATION_RULE,
    });
  });
});

describe('budgets', () => {
  const alerts = async () =>
    (
      (await t.db.execute(sql`SELECT payload->'params'->>'threshold' AS threshold FROM outbox_messages
        WHERE topic = 'event' AND payload->>'kind' = 'hostingBudget.thresholdReached'
        AND payload->'target'->>'label' LIKE '%Bas-Rhin%' ORDER BY id`)) as { rows: { threshold: string }[] }
    ).rows.map((r) => r.threshold);

  it('alerts once per threshold: 80 % when set, nothing more on later checks, 100 % when lowered', async () => {
    const ddsi = await signedInAs(t, ['itDirectorate'], 'CNAM-DDSI');
    // 330.30 € of 400 €: 82 %.
    const created = await ddsi.request('PUT', '/api/hosting/budgets', {
      organisationId: basRhin,
      year: 2026,
      amountEuros: 400,
    });
    expect(created.statusCode).toBe(201);
    const budget = created.json() as BudgetDto;
    expect(budget).toMatchObject({ consumedCents: 33_030, percent: 82, alerts: [{ threshold: 80 }] });
    expect(await alerts()).toEqual(['80']);

    const system = {
      actor: null,
      system: systemActor('hosting-budgets'),
      db: t.db,
      log: t.app.log,
      requestId: null,
    };
    await checkBudgets(system, NOW);
    await checkBudgets(system, NOW);
    expect(await alerts()).toEqual(['80']);

    const stale = await ddsi.request('PUT', '/api/hosting/budgets', {
      organisationId: basRhin,
      year: 2026,
      amountEuros: 300,
      version: 9,
    });
    expect(stale.statusCode).toBe(409);
    const lowered = await ddsi.request('PUT', '/api/hosting/budgets', {
      organisationId: basRhin,
      year: 2026,
      amountEuros: 300,
      version: budget.version,
    });
    expect(lowered.statusCode).toBe(200);
    expect(lowered.json()).toMatchObject({ percent: 110, alerts: [{ threshold: 80 }, { threshold: 100 }] });
    await checkBudgets(system, NOW);
    expect(await alerts()).toEqual(['80', '100']);
  });

  it('is set by the DDSI only, and refuses a bad year naming the field', async () => {
    const director = await signedInAs(t, ['officeDirector'], 'CPAM-69');
    expect(
      (
        await director.request('PUT', '/api/hosting/budgets', {
          organisationId: rhone,
          year: 2026,
          amountEuros: 1,
        })
      ).statusCode,
    ).toBe(403);
    const ddsi = await signedInAs(t, ['itDirectorate'], 'CNAM-DDSI');
    const bad = await ddsi.request('PUT', '/api/hosting/budgets', {
      organisationId: rhone,
      year: 1999,
      amountEuros: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'year', message: "L'année va de 2000 à 2100." }]);
  });
});
