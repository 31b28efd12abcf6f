import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDto, CampaignSummaryDto } from '../../../common/schemas/acceptance.ts';
import { createTestContext, login, type TestContext } from '../../test/harness.ts';
import { testSigning } from '../../test/signing-fixtures.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedDemoAcceptance } from './seed-acceptance.ts';
import { seedDemoCatalogue } from './seed-catalogue.ts';
import { seedDemoProjects } from './seed-projects.ts';

/** The demo campaigns: one signed with reservations (its report opens a project's delivery), one in progress. */
let t: TestContext;
beforeAll(async () => {
  const signing = await testSigning();
  t = await createTestContext(signing.config);
  await seedDemo(t.db, 'demo demo demo demo');
  await seedDemoCatalogue(t.db);
  await seedDemoProjects(t.db);
  expect(await seedDemoAcceptance(t.db, t.config)).toEqual({ created: 2 });
}, 120_000);
afterAll(() => t.close());

describe('the demo acceptance campaigns', () => {
  it('are one signed with reservations and one in progress; the signed report verifies and opens the delivery', async () => {
    const agent = await login(t.app, 'agent.rhone@mutualis.demo', 'demo demo demo demo');
    const page = (await agent.get('/api/acceptance-campaigns')).json() as { items: CampaignSummaryDto[] };
    expect(page.items.map((c) => c.state).sort()).toEqual(['acceptedWithReservations', 'inProgress']);
    const signed = page.items.find((c) => c.state === 'acceptedWithReservations') as CampaignSummaryDto;
    const detail = (await agent.get(`/api/acceptance-campaigns/${signed.id}`)).json() as CampaignDto;
    expect(detail.figures).toMatchObject({
      cases: 5,
      executed: 5,
      passed: 4,
      blocked: 1,
      openReservations: 1,
    });
    const check = (await t.app.inject({ url: `/api/acceptance-reports/${detail.report?.id}/verify` })).json();
    expect(check).toMatchObject({ valid: true, decision: 'acceptedWithReservations' });

    const director = await login(t.app, 'directeur.basrhin@mutualis.demo', 'demo demo demo demo');
    const project = (await director.get(`/api/projects/${signed.subject.id}`)).json() as {
      transitions: { action: string; allowed: boolean; reason: { code: string } | null }[];
      transitionalApplicationId?: string;
    };
    const deliver = project.transitions.find((x) => x.action === 'deliver');
    expect(deliver?.reason?.code).not.toBe('acceptanceReportRequired');
    const reports = (await agent.get(`/api/acceptance-reports?projectId=${signed.subject.id}`)).json();
    const sheet = (await agent.get(`/api/applications/${reports.items[0].applicationId}`)).json();
    expect(sheet.certificationStatus).toBe('homologated');
    expect(await seedDemoAcceptance(t.db, t.config)).toEqual({ created: 0 });
  });
});
