import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallPageDto } from '../../../common/schemas/calls.ts';
import type { ProjectDto } from '../../../common/schemas/project.ts';
import type { ComparisonDto, ProposalDto, ProposalListDto } from '../../../common/schemas/proposals.ts';
import { createTestContext, login, type TestContext } from '../../test/harness.ts';
import { callProposals, calls, sponsorshipRequests } from '../schema.ts';
import { seedDemo } from '../seed-demo.ts';
import { seedDemoCalls } from './seed-calls.ts';
import { seedDemoCatalogue } from './seed-catalogue.ts';
import { seedDemoProjects } from './seed-projects.ts';
import { seedDemoProposals } from './seed-proposals.ts';

const PASSWORD = 'demo demo demo demo';
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await seedDemo(t.db, PASSWORD);
  await seedDemoCatalogue(t.db);
  await seedDemoProjects(t.db);
  await seedDemoCalls(t.db);
  expect(await seedDemoProposals(t.db)).toEqual({ created: 20 });
}, 180_000);
afterAll(() => t.close());

describe('the demo proposals', () => {
  it('are twenty, in every state, each consistent with its call; a second run adds none', async () => {
    const rows = await t.db
      .select({
        state: callProposals.state,
        callState: calls.state,
        rationale: callProposals.decisionRationale,
      })
      .from(callProposals)
      .innerJoin(calls, eq(calls.id, callProposals.callId));
    const byState = Object.fromEntries(
      ['draft', 'awaitingApproval', 'submitted', 'withdrawn', 'selected', 'notSelected'].map((s) => [
        s,
        rows.filter((r) => r.state === s).length,
      ]),
    );
    expect(byState).toEqual({
      draft: 2,
      awaitingApproval: 1,
      submitted: 7,
      withdrawn: 4,
      selected: 3,
      notSelected: 3,
    });
    // Drafts and approvals only while a call is open; a decided call has no proposal left undecided.
    for (const row of rows.filter((r) => ['draft', 'awaitingApproval'].includes(r.state)))
      expect(row.callState).toBe('published');
    for (const row of rows.filter((r) => ['decided', 'archived'].includes(r.callState)))
      expect(['selected', 'notSelected']).toContain(row.state);
    for (const row of rows.filter((r) => r.state === 'notSelected'))
      expect(row.rationale).toMatch(/^Non retenue/);
    expect(await seedDemoProposals(t.db)).toEqual({ created: 0 });
  });

  it('every decided call has a selected proposal that became a project, sponsored when the call is national', async () => {
    const sponsor = await login(t.app, 'sponsor@mutualis.demo', PASSWORD);
    const director = await login(t.app, 'directeur.basrhin@mutualis.demo', PASSWORD);
    const decided = [
      ...((await sponsor.get('/api/calls?state=decided&pageSize=100')).json() as CallPageDto).items,
      ...((await director.get('/api/calls?state=archived&pageSize=100')).json() as CallPageDto).items,
    ];
    expect(decided.map((c) => c.state).sort()).toEqual(['archived', 'decided']);
    for (const call of decided) {
      const issuer = call.state === 'decided' ? sponsor : director;
      const list = (await issuer.get(`/api/calls/${call.id}/proposals`)).json() as ProposalListDto;
      const selected = list.items.filter((p) => p.state === 'selected');
      expect(selected.length, call.title).toBeGreaterThan(0);
      for (const proposal of selected) {
        expect(proposal.projectId).not.toBeNull();
        const project = (await issuer.get(`/api/projects/${proposal.projectId}`)).json() as ProjectDto;
        expect(project.title).toBe(proposal.title);
        expect(project.holderOrganisation.id).toBe(proposal.office.id);
        expect(project.track).toBe(call.scope === 'national' ? 'labelling' : 'homologation');
        const sponsorships = await t.db
          .select({ state: sponsorshipRequests.state })
          .from(sponsorshipRequests)
          .where(eq(sponsorshipRequests.projectId, project.id));
        expect(sponsorships.map((s) => s.state)).toEqual(call.scope === 'national' ? ['accepted'] : []);
      }
      const comparison = (await issuer.get(`/api/calls/${call.id}/evaluation`)).json() as ComparisonDto;
      expect(comparison.selection?.state).toBe('applied');
      // The selected proposals rank first on the evaluators' weighted scores.
      const ranked = comparison.rows
        .filter((r) => r.rank !== null)
        .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
      expect(ranked.slice(0, selected.length).map((r) => r.proposal.state)).toEqual(
        selected.map(() => 'selected'),
      );
    }
  });

  it("an office reads its proposal's rationale and history; evaluators never score their own office", async () => {
    const rhone = await login(t.app, 'directeur.rhone@mutualis.demo', PASSWORD);
    const sponsor = await login(t.app, 'sponsor@mutualis.demo', PASSWORD);
    const page = (await sponsor.get('/api/calls?state=underEvaluation')).json() as CallPageDto;
    const call = page.items[0];
    const comparison = (await rhone.get(`/api/calls/${call?.id}/evaluation`)).json() as ComparisonDto;
    expect(comparison.evaluators.map((e) => e.name).sort()).toEqual([
      'Léa Schmitt',
      'Nicolas Petit',
      'Sophie Lambert',
    ]);
    expect(comparison.selection?.state).toBe('awaitingBoard');
    const basRhin = comparison.rows.find((r) => r.proposal.office.code === 'CPAM-67');
    // Léa Schmitt (CPAM du Bas-Rhin) does not score her own office's proposal: two evaluators, not three.
    expect(basRhin?.evaluators).toBe(2);
    expect(basRhin?.rank).toBe(1);

    const marseille = await login(t.app, 'dev.marseille@mutualis.demo', PASSWORD);
    const decided = (await sponsor.get('/api/calls?state=decided')).json() as CallPageDto;
    const own = (
      await marseille.get(`/api/calls/${decided.items[0]?.id}/proposals`)
    ).json() as ProposalListDto;
    expect(own.items.map((p) => p.state)).toEqual(['selected']);
    const proposal = (await marseille.get(`/api/proposals/${own.items[0]?.id}`)).json() as ProposalDto;
    expect(proposal.lifecycles[0]?.reached.map((r) => r.state)).toEqual([
      'draft',
      'awaitingApproval',
      'submitted',
      'selected',
    ]);
    expect(proposal.lifecycles[0]?.reached.at(-1)?.by?.kind).toBe('system');
    expect(proposal.decisionRationale).toMatch(/^Retenue/);
  });
});
