import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallDto } from '../../../../common/schemas/calls.ts';
import type { ComparisonDto, ProposalDto } from '../../../../common/schemas/proposals.ts';
import { callProposals, projectOffices, projects, sponsorshipRequests } from '../../../db/schema.ts';
import type { Actor } from '../../../lib/policy.ts';
import { publishedMeeting } from '../../../test/board-fixtures.ts';
import { publishedCall } from '../../../test/call-fixtures.ts';
import { type Agent, createTestContext, signUp, type TestContext } from '../../../test/harness.ts';
import {
  callUnderEvaluation,
  draftProposal,
  fireProposal,
  submittedProposal,
} from '../../../test/proposal-fixtures.ts';
import { confirmCallSelection } from './selection.service.ts';

let t: TestContext;
let sponsor: Agent; // CNAM-DDGOS
let issuerDirector: Agent; // CPAM du Bas-Rhin: issues local calls
const offices: Record<string, { director: Agent; developer: Agent; id: string }> = {};
let evaluatorA: { agent: Agent; id: string }; // CPAM de Meurthe-et-Moselle
let evaluatorB: { agent: Agent; id: string }; // CPAM du Rhône: also proposes (conflict)
let boardMember: Actor;
let boardAgent: Agent; // an administrator runs the governance board

beforeAll(async () => {
  t = await createTestContext();
  sponsor = (await signUp(t, { roles: ['sponsor'], organisationCode: 'CNAM-DDGOS' })).agent;
  issuerDirector = (await signUp(t, { roles: ['officeDirector'], organisationCode: 'CPAM-67' })).agent;
  for (const code of ['CPAM-69', 'CPAM-51', 'CPAM-10']) {
    const director = await signUp(t, { roles: ['officeDirector'], organisationCode: code });
    const developer = await signUp(t, { roles: ['developer'], organisationCode: code });
    offices[code] = {
      director: director.agent,
      developer: developer.agent,
      id: director.user.organisationId,
    };
  }
  const a = await signUp(t, { roles: ['agent'], organisationCode: 'CPAM-54' });
  evaluatorA = { agent: a.agent, id: a.user.id };
  const b = await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-69' });
  evaluatorB = { agent: b.agent, id: b.user.id };
  const admin = await signUp(t, { roles: ['admin'], organisationCode: 'CNAM-DDSI' });
  boardAgent = admin.agent;
  boardMember = {
    userId: admin.user.id,
    organisationId: admin.user.organisationId,
    roles: ['admin'],
    sessionId: '',
    csrfToken: '',
  };
}, 120_000);
afterAll(() => t.close());

const office = (code: string) => offices[code] as { director: Agent; developer: Agent; id: string };
const problem = async (
  response: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status: number,
) => {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as { detail: string; errors?: { field: string }[] };
};
const callOf = async (agent: Agent, id: string) => (await agent.get(`/api/calls/${id}`)).json() as CallDto;
const name = async (issuer: Agent, callId: string, userIds: string[]) => {
  const r = await issuer.request('PUT', `/api/calls/${callId}/evaluators`, {
    version: (await callOf(issuer, callId)).version,
    userIds,
  });
  expect(r.statusCode, r.body).toBe(200);
};
const score = (agent: Agent, id: string, scores: number[]) =>
  agent.request('PUT', `/api/proposals/${id}/scores`, {
    scores: scores.map((s, criterion) => ({ criterion, score: s, comment: `Note ${s}` })),
  });

/** Three offices answer a call of `issuer` (criteria 60/40); it is put under evaluation. */
async function evaluatedCall(issuer: Agent, overrides: Record<string, unknown> = {}) {
  const call = await publishedCall(issuer, overrides);
  const proposals: Record<string, ProposalDto> = {};
  for (const code of ['CPAM-69', 'CPAM-51', 'CPAM-10'])
    proposals[code] = await submittedProposal(office(code).developer, office(code).director, call.id, {
      title: `Proposition de la ${code}`,
    });
  await name(issuer, call.id, [evaluatorA.id, evaluatorB.id]);
  await callUnderEvaluation(t, issuer, call.id);
  return { call, proposals: proposals as Record<'CPAM-69' | 'CPAM-51' | 'CPAM-10', ProposalDto> };
}

describe('the evaluation of a call', () => {
  it('is scored by named evaluators only, never on a proposal of their own office, 0 to 5', async () => {
    const { call, proposals } = await evaluatedCall(sponsor);
    const p69 = proposals['CPAM-69'].id;
    const conflict = await problem(score(evaluatorB.agent, p69, [4, 4]), 403);
    expect(conflict.detail).toContain("Conflit d'intérêts");
    // A director of another office, not named, reads nothing of it.
    await problem(score(office('CPAM-51').director, p69, [4, 4]), 404);
    await problem(score(evaluatorA.agent, p69, [6, 4]), 400);
    const range = await problem(score(evaluatorA.agent, p69, [4, 4, 4]), 422);
    expect(range.errors?.[0]?.field).toBe('scores.2.criterion');
    const scored = await score(evaluatorA.agent, p69, [4, 3]);
    expect(scored.statusCode, scored.body).toBe(200);
    expect((scored.json() as ProposalDto).myScores.map((s) => s.score)).toEqual([4, 3]);
    // Evaluators are named by the issuer only.
    await problem(
      issuerDirector.request('PUT', `/api/calls/${call.id}/evaluators`, { version: 1, userIds: [] }),
      403,
    );
  });

  it('refuses scores before the evaluation is open', async () => {
    const call = await publishedCall(sponsor);
    const p = await submittedProposal(office('CPAM-51').developer, office('CPAM-51').director, call.id);
    await name(sponsor, call.id, [evaluatorA.id]);
    const early = await problem(score(evaluatorA.agent, p.id, [3, 3]), 409);
    expect(early.detail).toContain("pendant l'évaluation");
  });

  it('ranks by weighted score, shows ties, the spread between evaluators, and exports it to XLSX', async () => {
    const { call, proposals } = await evaluatedCall(sponsor);
    // Weights 60/40. CPAM-51: A (5,0)=3.0, B (3,3)=3.0 → 3.0, spread 0.
    // CPAM-10: A (0,5)=2.0, B (5,3)=4.2 → 3.1, spread 2.2. CPAM-69: A (4,1)=2.8 → 2.8 (B is in conflict).
    // Then CPAM-51 ties with CPAM-69 once A scores CPAM-69 (5,0) instead: both 3.0.
    await score(evaluatorA.agent, proposals['CPAM-51'].id, [5, 0]);
    await score(evaluatorB.agent, proposals['CPAM-51'].id, [3, 3]);
    await score(evaluatorA.agent, proposals['CPAM-10'].id, [0, 5]);
    await score(evaluatorB.agent, proposals['CPAM-10'].id, [5, 3]);
    await score(evaluatorA.agent, proposals['CPAM-69'].id, [5, 0]);
    const table = (await sponsor.get(`/api/calls/${call.id}/evaluation`)).json() as ComparisonDto;
    expect(table.rows.map((r) => [r.proposal.office.code, r.weighted, r.rank, r.tied, r.spread])).toEqual([
      ['CPAM-10', 3.1, 1, false, 2.2],
      ['CPAM-51', 3, 2, true, 0],
      ['CPAM-69', 3, 2, true, 0],
    ]);
    expect(table.rows[0]?.criteria).toEqual([2.5, 4]);
    // An evaluator reads the table; an office that only proposes does not.
    expect((await evaluatorA.agent.get(`/api/calls/${call.id}/evaluation`)).statusCode).toBe(200);
    await problem(office('CPAM-51').director.get(`/api/calls/${call.id}/evaluation`), 403);
    const file = await sponsor.get(`/api/calls/${call.id}/evaluation.xlsx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Comparaison');
    expect(sheet?.getRow(2).getCell(3).value).toBe('Proposition de la CPAM-10');
    expect(sheet?.getRow(3).getCell(2).value).toBe('oui');
  });
});

describe('the selection', () => {
  it('of a local call applies at once: proposals decided with their rationale, the project created, the call decided', async () => {
    const { call, proposals } = await evaluatedCall(issuerDirector, {
      scope: 'local',
      officeIds: [office('CPAM-69').id, office('CPAM-51').id, office('CPAM-10').id],
    });
    const version = (await callOf(issuerDirector, call.id)).version;
    const incomplete = await problem(
      issuerDirector.post(`/api/calls/${call.id}/selection`, {
        version,
        rationale: 'La meilleure note.',
        choices: [{ proposalId: proposals['CPAM-51'].id, selected: true, rationale: 'La meilleure note.' }],
      }),
      422,
    );
    expect(incomplete.errors?.[0]?.field).toBe('choices');
    const choices = [
      { proposalId: proposals['CPAM-51'].id, selected: true, rationale: 'La meilleure note pondérée.' },
      {
        proposalId: proposals['CPAM-69'].id,
        selected: false,
        rationale: 'Effort trop élevé pour l’enveloppe.',
      },
      { proposalId: proposals['CPAM-10'].id, selected: false, rationale: 'Réutilise peu de l’existant.' },
    ];
    await problem(
      office('CPAM-51').director.post(`/api/calls/${call.id}/selection`, {
        version,
        rationale: 'Moi.',
        choices,
      }),
      403,
    );
    const applied = await issuerDirector.post(`/api/calls/${call.id}/selection`, {
      version,
      rationale: 'Une proposition retenue.',
      choices,
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect((applied.json() as ComparisonDto).selection?.state).toBe('applied');
    expect((await callOf(issuerDirector, call.id)).state).toBe('decided');
    const winner = (
      await office('CPAM-51').developer.get(`/api/proposals/${proposals['CPAM-51'].id}`)
    ).json() as ProposalDto;
    expect(winner.state).toBe('selected');
    const [project] = await t.db
      .select()
      .from(projects)
      .where(eq(projects.id, winner.projectId as string));
    expect(project).toMatchObject({
      holderOrganisationId: office('CPAM-51').id,
      track: 'homologation',
      title: 'Proposition de la CPAM-51',
    });
    // The losing office sees the rationale.
    const loser = (
      await office('CPAM-69').director.get(`/api/proposals/${proposals['CPAM-69'].id}`)
    ).json() as ProposalDto;
    expect(loser).toMatchObject({
      state: 'notSelected',
      decisionRationale: 'Effort trop élevé pour l’enveloppe.',
      projectId: null,
    });
  });

  it('of a national call goes on the board’s agenda; its approval creates the project, labelling, sponsored', async () => {
    const call = await publishedCall(sponsor);
    const marne = office('CPAM-51');
    const winner = await draftProposal(office('CPAM-69').developer, call.id, {
      partnerOfficeIds: [marne.id],
    });
    await marne.director.post(`/api/proposals/${winner.id}/partners/${marne.id}/confirmation`);
    await fireProposal(office('CPAM-69').director, winner.id, 'submit');
    const loser = await submittedProposal(office('CPAM-10').developer, office('CPAM-10').director, call.id);
    await callUnderEvaluation(t, sponsor, call.id);
    const proposed = await sponsor.post(`/api/calls/${call.id}/selection`, {
      version: (await callOf(sponsor, call.id)).version,
      rationale: 'Retenue pour sa réutilisation.',
      choices: [
        { proposalId: winner.id, selected: true, rationale: 'Réutilise le module existant.' },
        { proposalId: loser.id, selected: false, rationale: 'Moins avancée.' },
      ],
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect((proposed.json() as ComparisonDto).selection?.state).toBe('awaitingBoard');
    expect((await callOf(sponsor, call.id)).state).toBe('underEvaluation');

    const agenda = (await boardAgent.get('/api/board/items')).json() as {
      items: { id: string; kind: string; call: { id: string } | null }[];
    };
    const item = agenda.items.find((i) => i.kind === 'callSelection' && i.call?.id === call.id);
    expect(item).toBeDefined();
    const meeting = await publishedMeeting(boardAgent, '2031-06-18', [{ itemId: item?.id as string }]);
    expect(meeting.decisions.map((d) => d.outcome)).toEqual(['approved']);
    const [decided] = await t.db.select().from(callProposals).where(eq(callProposals.id, winner.id));
    const projectId = decided?.projectId as string;
    expect(projectId).toBeTruthy();
    const [project] = await t.db.select().from(projects).where(eq(projects.id, projectId));
    expect(project).toMatchObject({ track: 'labelling', holderOrganisationId: office('CPAM-69').id });
    const developers = await t.db
      .select()
      .from(projectOffices)
      .where(eq(projectOffices.projectId, projectId));
    expect(developers.map((d) => d.organisationId).sort()).toEqual([office('CPAM-69').id, marne.id].sort());
    const [sponsorship] = await t.db
      .select()
      .from(sponsorshipRequests)
      .where(eq(sponsorshipRequests.projectId, projectId));
    expect(sponsorship).toMatchObject({
      state: 'accepted',
      rationale: 'Réutilise le module existant.',
      decidedBy: boardMember.userId, // the administrator who published the minutes
    });
    expect((await callOf(sponsor, call.id)).state).toBe('decided');
    // The project's guard of development sees the sponsorship accepted.
    const page = (await office('CPAM-69').director.get(`/api/projects/${projectId}`)).json() as {
      track: string;
    };
    expect(page.track).toBe('labelling');
    // Confirmed once only.
    await expect(
      t.db.transaction((tx) =>
        confirmCallSelection({ db: tx, actor: null, log: t.app.log, requestId: null }, call.id, boardMember),
      ),
    ).rejects.toThrow('pas de sélection qui attende');
  });
});
