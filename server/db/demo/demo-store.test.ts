import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestDto, RequestPageDto } from '../../../common/schemas/deployment-request.ts';
import type { CostReportDto } from '../../../common/schemas/hosting.ts';
import type { StorePageDto } from '../../../common/schemas/store.ts';
import { DEPLOYMENT_STATES } from '../../../common/store/vocabulary.ts';
import { createTestContext, login, type TestContext } from '../../test/harness.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedDemoCatalogue } from './seed-catalogue.ts';
import { seedDemoHosting } from './seed-hosting.ts';
import { seedDemoStore } from './seed-store.ts';

const PASSWORD = 'demo demo demo demo';
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.db, PASSWORD);
  await seedDemoCatalogue(t.db);
  expect(await seedDemoStore(t.db)).toEqual({ created: 15 });
  // A second start writes nothing.
  expect(await seedDemoStore(t.db)).toEqual({ created: 0 });
  expect(await seedDemoHosting(t.db)).toEqual({ created: 3 });
  expect(await seedDemoHosting(t.db)).toEqual({ created: 0 });
}, 120_000);
afterAll(() => t.close());

describe('the demo Store', () => {
  it('holds at least ten applications, fifteen requests in every state with their timelines, and live tenants', async () => {
    const ddsi = await login(t.app, 'ddsi@mutualis.demo', PASSWORD);
    const store = (await ddsi.get('/api/store?pageSize=100')).json() as StorePageDto;
    expect(store.total).toBeGreaterThanOrEqual(10);
    const page = (await ddsi.get('/api/deployment-requests?pageSize=100')).json() as RequestPageDto;
    expect(page.total).toBe(15);
    expect(new Set(page.items.map((r) => r.state))).toEqual(new Set(DEPLOYMENT_STATES));

    const available = page.items.find((r) => r.state === 'available') as RequestPageDto['items'][number];
    const detail = (await ddsi.get(`/api/deployment-requests/${available.id}`)).json() as RequestDto;
    expect(detail.tenant?.status).toBe('live');
    expect(detail.lifecycles[0]?.reached.map((r) => r.state)).toEqual([
      'draft',
      'submitted',
      'approved',
      'validated',
      'provisioning',
      'available',
    ]);
    const rated = store.items.filter((i) => i.rating.count > 0);
    expect(rated.length).toBeGreaterThanOrEqual(3);
  });

  it('has six months of hosting costs, a shared instance, and one office over its budget', async () => {
    const ddsi = await login(t.app, 'ddsi@mutualis.demo', PASSWORD);
    const report = (await ddsi.get('/api/hosting/costs')).json() as CostReportDto;
    expect(report.months).toHaveLength(6);
    expect(report.totals.monthsCents.every((cents) => cents > 0)).toBe(true);
    expect(report.instances.some((i) => i.shares.length > 1)).toBe(true);
    expect(report.savings.totalSavedCents).toBeGreaterThan(0);
    const over = report.budgets.filter((b) => b.percent >= 100);
    expect(over.map((b) => b.organisation.code)).toEqual(['CPAM-13']);
    expect(over[0]?.alerts.map((a) => a.threshold)).toEqual([80, 100]);
  });
});
