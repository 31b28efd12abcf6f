import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardItemPageDto, MeetingDto } from '../../../common/schemas/board.ts';
import { auditEvents, notifications, sponsorshipRequests } from '../../db/schema.ts';
import {
  decide,
  decisionBody,
  evolutionRequest,
  fireMeeting,
  planMeeting,
  submitEvolution,
  writeMinutes,
} from '../../test/board-fixtures.ts';
import { type Agent, createUser, login } from '../../test/harness.ts';
import { declareProject, type ProjectPeople, startProjectTests } from '../../test/project-fixtures.ts';

let t: Awaited<ReturnType<typeof startProjectTests>>['t'];
let p: ProjectPeople;
let runner: Agent; // the operations directorate (DDO)

beforeAll(async () => {
  ({ t, p } = await startProjectTests());
  runner = await login(
    t.app,
    (await createUser(t.db, { roles: ['operationsDirectorate'], organisationCode: 'CNAM-DDO' })).email,
  );
}, 120_000);
afterAll(() => t.close());

const problem = async (
  response: Promise<{ statusCode: number; body: string; headers: Record<string, unknown>; json(): unknown }>,
  status: number,
) => {
  const r = await response;
  expect(r.statusCode, r.body).toBe(status);
  expect(r.headers['content-type']).toContain('application/problem+json');
  return r.json() as { detail: string; errors?: { field: string }[]; refusal?: { code: string } };
};
const item = async (agent: Agent, id: string) =>
  (await agent.get(`/api/board/items/${id}`)).json() as BoardItemPageDto;

/** A project of CPAM-69 whose holder asked DDGOS for a sponsor: the pending request's id. */
async function pendingSponsorship(title: string) {
  const project = await declareProject(p.developer, { title });
  const asked = await p.developer.post(`/api/projects/${project.id}/sponsorship-requests`, {
    directorateId: p.ddgos,
    pitch: 'Un besoin national partagé par toutes les caisses du réseau.',
  });
  expect(asked.statusCode, asked.body).toBe(201);
  return { projectId: project.id, sponsorshipId: (asked.json() as { id: string }).id };
}

describe('requests to the board', () => {
  it('are submitted by anyone with a reason, wait for the board, and are followed by their author', async () => {
    const request = await submitEvolution(p.agent);
    const page = await item(p.agent, request.id);
    expect(page).toMatchObject({
      kind: 'evolution',
      state: 'waiting',
      evolutionTarget: 'portal',
      decisions: [],
    });
    const follows = (await p.agent.get('/api/me/follows')).json() as {
      items: { targetType: string; targetId: string }[];
    };
    expect(follows.items).toContainEqual(
      expect.objectContaining({ targetType: 'boardItem', targetId: request.id }),
    );
    const agenda = (await p.otherDeveloper.get('/api/board/items')).json() as { items: { id: string }[] };
    expect(agenda.items.map((i) => i.id)).toContain(request.id);
  });

  it('refuses a request without what its kind needs, in French, naming the field', async () => {
    const noTarget = await problem(
      p.agent.post('/api/board/requests', evolutionRequest({ evolutionTarget: null })),
      400,
    );
    expect(noTarget.errors?.[0]?.field).toBe('evolutionTarget');
    const noOffice = await problem(
      p.agent.post('/api/board/requests', evolutionRequest({ kind: 'arbitration', evolutionTarget: null })),
      400,
    );
    expect(noOffice.errors?.[0]?.field).toBe('officeIds');
    const unknown = await problem(
      p.agent.post(
        '/api/board/requests',
        evolutionRequest({ kind: 'arbitration', officeIds: ['00000000-0000-4000-8000-000000000000'] }),
      ),
      422,
    );
    expect(unknown.detail).toContain('organismes');
  });

  it('lets the sponsor asked, not another, escalate a pending sponsorship request, once', async () => {
    const { sponsorshipId } = await pendingSponsorship('Escalade de sponsor');
    await problem(
      p.otherSponsor.post('/api/board/escalations', {
        sponsorshipId,
        reason: 'Arbitrage budgétaire national.',
      }),
      403,
    );
    const escalated = await p.sponsor.post('/api/board/escalations', {
      sponsorshipId,
      reason: 'Arbitrage budgétaire national.',
    });
    expect(escalated.statusCode, escalated.body).toBe(201);
    expect(escalated.json()).toMatchObject({
      kind: 'sponsorship',
      directorate: expect.any(String),
      state: 'waiting',
    });
    await problem(
      p.sponsor.post('/api/board/escalations', { sponsorshipId, reason: 'Une seconde fois.' }),
      409,
    );
  });
});

describe('a meeting', () => {
  it('goes planned → held → minutes published, its guards refusing in French', async () => {
    const request = await submitEvolution(p.agent, {
      title: 'Tableau de bord AM Cloud',
      evolutionTarget: 'amCloud',
    });
    const { projectId, sponsorshipId } = await pendingSponsorship('Projet soumis à l’instance');
    const escalation = (
      await p.sponsor.post('/api/board/escalations', {
        sponsorshipId,
        reason: 'Arbitrage budgétaire national.',
      })
    ).json() as { id: string };

    const meeting = await planMeeting(runner, '2031-03-12');
    expect((await problem(fireMeeting(runner, meeting.id, 'hold'), 422)).refusal?.code).toBe('emptyAgenda');
    await problem(p.agent.post(`/api/board/meetings/${meeting.id}/agenda`, { itemId: request.id }), 403);
    await runner.post(`/api/board/meetings/${meeting.id}/agenda`, { itemId: request.id });
    await runner.post(`/api/board/meetings/${meeting.id}/agenda`, { itemId: escalation.id });
    expect((await item(p.agent, request.id)).state).toBe('scheduled');

    expect((await fireMeeting(runner, meeting.id, 'hold')).statusCode).toBe(200);
    const late = await submitEvolution(p.agent, { title: 'Trop tard pour cette séance' });
    await problem(runner.post(`/api/board/meetings/${meeting.id}/agenda`, { itemId: late.id }), 409);
    expect((await problem(fireMeeting(runner, meeting.id, 'publishMinutes'), 422)).refusal?.code).toBe(
      'noAttendance',
    );
    await writeMinutes(runner, meeting.id);
    await decide(runner, meeting.id, escalation.id, {
      voteMode: 'vote',
      votesFor: 7,
      votesAgainst: 1,
      votesAbstain: 2,
    });
    const undecided = await problem(fireMeeting(runner, meeting.id, 'publishMinutes'), 422);
    expect(undecided).toMatchObject({ refusal: { code: 'undecidedItems' } });
    expect(undecided.detail).toContain('1 point(s)');
    const vote = await problem(
      runner.post(
        `/api/board/meetings/${meeting.id}/decisions`,
        decisionBody(request.id, { voteMode: 'vote' }),
      ),
      400,
    );
    expect(vote.errors?.map((e) => e.field)).toContain('votesFor');
    await decide(runner, meeting.id, request.id, {
      outcome: 'rejected',
      statement: "L'instance rejette la demande.",
    });

    // Drafts are the board's until the minutes are published.
    expect(((await p.agent.get(`/api/board/meetings/${meeting.id}`)).json() as MeetingDto).decisions).toEqual(
      [],
    );
    const published = await fireMeeting(runner, meeting.id, 'publishMinutes');
    expect(published.statusCode, published.body).toBe(200);
    const after = published.json() as MeetingDto;
    expect(after.state).toBe('minutesPublished');
    const listed = (await p.agent.get('/api/board/meetings')).json() as {
      items: { id: string; itemCount: number }[];
    };
    expect(listed.items.find((m) => m.id === meeting.id)?.itemCount).toBe(2);
    expect(after.decisions.map((d) => d.reference)).toEqual(['2031-001', '2031-002']);
    expect(after.decisions[0]).toMatchObject({
      votes: { for: 7, against: 1, abstain: 2 },
      links: [{ type: 'project', id: projectId }],
    });

    // The effects, in the same transaction: the sponsorship is accepted, both items are closed.
    const [sponsorship] = await t.db
      .select()
      .from(sponsorshipRequests)
      .where(eq(sponsorshipRequests.id, sponsorshipId));
    expect(sponsorship).toMatchObject({ state: 'accepted', rationale: expect.stringContaining('2031-001') });
    expect((await item(p.agent, request.id)).state).toBe('decided');
    expect((await item(p.agent, escalation.id)).decisions.map((d) => d.reference)).toEqual(['2031-001']);
    const heard = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'boardItem.decided'), eq(notifications.targetId, request.id)));
    expect(heard.length).toBeGreaterThan(0);
    const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.targetId, meeting.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['boardMeeting.hold', 'boardMeeting.publishMinutes']),
    );
  });

  it('publishes nothing when an effect cannot apply: the sponsorship was withdrawn meanwhile', async () => {
    const { sponsorshipId } = await pendingSponsorship('Sponsor retiré avant la séance');
    const escalation = (
      await p.sponsor.post('/api/board/escalations', { sponsorshipId, reason: 'Arbitrage.' })
    ).json() as { id: string };
    const meeting = await planMeeting(runner, '2032-01-20', [escalation.id]);
    await fireMeeting(runner, meeting.id, 'hold');
    await writeMinutes(runner, meeting.id);
    await decide(runner, meeting.id, escalation.id);
    const [row] = await t.db
      .select()
      .from(sponsorshipRequests)
      .where(eq(sponsorshipRequests.id, sponsorshipId));
    const withdrawn = await p.developer.post(`/api/sponsorship-requests/${sponsorshipId}/withdrawal`, {
      version: row?.version,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    const refused = await problem(fireMeeting(runner, meeting.id, 'publishMinutes'), 409);
    expect(refused.detail).toContain("n'est plus en attente");
    const still = (await runner.get(`/api/board/meetings/${meeting.id}`)).json() as MeetingDto;
    expect(still).toMatchObject({ state: 'held', decisions: [{ reference: null, publishedAt: null }] });
    expect((await item(p.agent, escalation.id)).state).toBe('scheduled');
  });

  it('hands its agenda back to what waits when cancelled, and takes a postponed item back too', async () => {
    const request = await submitEvolution(p.agent, {
      title: 'Catalogue du Store en anglais',
      evolutionTarget: 'store',
    });
    const cancelled = await planMeeting(runner, '2033-02-01', [request.id]);
    const reason = await problem(fireMeeting(runner, cancelled.id, 'cancel'), 400);
    expect(reason.errors?.[0]?.field).toBe('input.reason');
    expect(
      (await fireMeeting(runner, cancelled.id, 'cancel', { reason: 'Quorum non atteint.' })).statusCode,
    ).toBe(200);
    expect(await item(p.agent, request.id)).toMatchObject({ state: 'waiting', meeting: null });

    const meeting = await planMeeting(runner, '2033-03-01', [request.id]);
    await fireMeeting(runner, meeting.id, 'hold');
    await writeMinutes(runner, meeting.id);
    await decide(runner, meeting.id, request.id, {
      outcome: 'postponed',
      statement: "L'instance ajourne la demande.",
    });
    expect((await fireMeeting(runner, meeting.id, 'publishMinutes')).statusCode).toBe(200);
    expect(await item(p.agent, request.id)).toMatchObject({
      state: 'waiting',
      decisions: [{ reference: '2033-001', outcome: 'postponed' }],
    });
  });

  it('is run by the operations directorate, the board and administrators only', async () => {
    await problem(p.director.post('/api/board/meetings', { title: 'Séance', meetingOn: '2031-05-01' }), 403);
    const board = await login(
      t.app,
      (await createUser(t.db, { roles: ['governanceBoard'], organisationCode: 'CNAM-DDO' })).email,
    );
    expect(
      (await board.post('/api/board/meetings', { title: 'Séance', meetingOn: '2031-05-01' })).statusCode,
    ).toBe(201);
    const stale = await planMeeting(runner, '2031-06-01');
    await runner.patch(`/api/board/meetings/${stale.id}`, { version: stale.version, location: 'Lyon' });
    await problem(
      runner.patch(`/api/board/meetings/${stale.id}`, { version: stale.version, location: 'Lille' }),
      409,
    );
  });
});
