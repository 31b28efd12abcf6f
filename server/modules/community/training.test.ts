import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeveloperProfileDto } from '../../../common/schemas/community.ts';
import type { RegistrationDto, SessionDto } from '../../../common/schemas/training.ts';
import { type Agent, createTestContext, signUp, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let trainer: Agent;
beforeAll(async () => {
  t = await createTestContext();
  // The CPAM du Bas-Rhin is the letter's referent for the Grand Est.
  trainer = (await signUp(t, { roles: ['referent'], organisationCode: 'CPAM-67' })).agent;
});
afterAll(() => t.close());

const PREREQUISITES = { php: true, symfony: true, versioning: true, symfonyUsed: false };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function publish(capacity: number, startsOn = day(30)) {
  const response = await trainer.post('/api/training-sessions', {
    region: 'grand-est',
    title: `Session du ${startsOn}`,
    mode: 'onSite',
    place: 'Strasbourg, salle Gutenberg',
    startsOn,
    capacity,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<SessionDto>();
}

async function developerOf(code = 'CPAM-68') {
  return signUp(t, { roles: ['developer'], organisationCode: code });
}

const ask = (agent: Agent, developerId: string, sessionId?: string, prerequisites = PREREQUISITES) =>
  agent.post('/api/training-requests', { developerId, ...(sessionId ? { sessionId } : {}), prerequisites });

const act = (agent: Agent, id: string, action: string, reason?: string) =>
  agent.post(`/api/training-registrations/${id}/actions`, { action, ...(reason ? { reason } : {}) });

describe('starter-kit training sessions', () => {
  it('a referent of the region publishes a three-day session; others may not', async () => {
    const session = await publish(12, '2027-03-08');
    expect(session).toMatchObject({
      startsOn: '2027-03-08',
      endsOn: '2027-03-10',
      state: 'published',
      seated: 0,
    });
    const elsewhere = (await signUp(t, { roles: ['referent'], organisationCode: 'CPAM-13' })).agent;
    const refused = await elsewhere.post('/api/training-sessions', {
      region: 'grand-est',
      title: 'Session',
      mode: 'remote',
      startsOn: '2027-03-08',
      capacity: 5,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].field).toBe('region');
    const developer = (await developerOf()).agent;
    expect((await developer.post('/api/training-sessions', { region: 'grand-est' })).statusCode).toBe(403);
    const badCapacity = await trainer.post('/api/training-sessions', {
      region: 'grand-est',
      title: 'Session',
      mode: 'remote',
      startsOn: '2027-03-08',
      capacity: 0,
    });
    expect(badCapacity.statusCode).toBe(400);
    expect(badCapacity.json().errors[0]).toEqual({
      field: 'capacity',
      message: 'La capacité est d’au moins une place.',
    });
  });

  it('gives places in order, then the waiting list; a cancelled place goes to the first waiting', async () => {
    const session = await publish(2);
    const director = (await signUp(t, { roles: ['officeDirector'], organisationCode: 'CPAM-68' })).agent;
    const people = [await developerOf(), await developerOf(), await developerOf()];
    const first = (await ask(director, people[0]?.user.id as string, session.id)).json<RegistrationDto>();
    const second = (
      await ask(people[1]?.agent as Agent, people[1]?.user.id as string, session.id)
    ).json<RegistrationDto>();
    const third = (await ask(director, people[2]?.user.id as string, session.id)).json<RegistrationDto>();
    expect([first.status, second.status, third.status]).toEqual(['registered', 'registered', 'waitlisted']);
    const again = await ask(director, people[0]?.user.id as string, session.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('developerId');

    const waiting = (await trainer.get(`/api/training-sessions/${session.id}`)).json<SessionDto>();
    expect(waiting.registrations.find((r) => r.id === third.id)?.position).toBe(1);

    const cancelled = await act(director, first.id, 'cancel');
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    const after = (await trainer.get(`/api/training-sessions/${session.id}`)).json<SessionDto>();
    expect(after.registrations.find((r) => r.id === third.id)?.status).toBe('registered');
    expect(after).toMatchObject({ seated: 2, waitlisted: 0 });
  });

  it('two requests for the last place at once: exactly one gets it, the other waits', async () => {
    const session = await publish(1);
    const a = await developerOf();
    const b = await developerOf();
    const answers = await Promise.all([
      ask(a.agent, a.user.id, session.id),
      ask(b.agent, b.user.id, session.id),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(answers.map((r) => r.json<RegistrationDto>().status).sort()).toEqual(['registered', 'waitlisted']);
  });

  it('holds the prerequisites and who may ask, in French', async () => {
    const session = await publish(5);
    const { user, agent } = await developerOf();
    const missing = await ask(agent, user.id, session.id, { ...PREREQUISITES, symfony: false as true });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('prerequisites.symfony');
    expect(missing.json().errors[0].message).toMatch(/formé à Symfony/);
    const stranger = (await signUp(t, { roles: ['officeDirector'], organisationCode: 'CPAM-13' })).agent;
    expect((await ask(stranger, user.id, session.id)).statusCode).toBe(403);
    const marseille = await developerOf('CPAM-13');
    const otherRegion = await ask(marseille.agent, marseille.user.id, session.id);
    expect(otherRegion.statusCode).toBe(422);
    expect(otherRegion.json().errors[0].field).toBe('sessionId');
    const agentOnly = (await signUp(t, { roles: ['agent'], organisationCode: 'CPAM-68' })).agent;
    expect((await ask(agentOnly, user.id, session.id)).statusCode).toBe(403);

    const registration = (await ask(agent, user.id, session.id)).json<RegistrationDto>();
    expect((await act(agent, registration.id, 'checkPrerequisites')).statusCode).toBe(403);
    const checked = await act(trainer, registration.id, 'checkPrerequisites');
    expect(checked.json().prerequisitesCheckedAt).not.toBeNull();
    const noReason = await act(trainer, registration.id, 'refuse');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([{ field: 'reason', message: 'Indiquez le motif du refus.' }]);
    const early = await act(trainer, registration.id, 'markAttended');
    expect(early.statusCode).toBe(409);
  });

  it('attendance, then completing the session marks the attendees trained', async () => {
    const session = await publish(3, day(-5));
    const present = await developerOf();
    const away = await developerOf();
    const p = (await ask(present.agent, present.user.id, session.id)).json<RegistrationDto>();
    const a = (await ask(away.agent, away.user.id, session.id)).json<RegistrationDto>();
    await act(trainer, p.id, 'markAttended');
    const complete = (version: number) =>
      trainer.post(`/api/training-sessions/${session.id}/transitions`, { action: 'complete', version });
    const early = await complete(session.version);
    expect(early.statusCode).toBe(422);
    expect(early.json().refusal).toEqual({ code: 'attendanceMissing', params: { count: 1 } });
    await act(trainer, a.id, 'markAbsent');
    const done = await complete(session.version);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'completed' });

    const trained = (
      await present.agent.get(`/api/developers/${present.user.id}`)
    ).json<DeveloperProfileDto>();
    expect(trained.trainedAt).toBe(session.endsOn);
    const notTrained = (await away.agent.get(`/api/developers/${away.user.id}`)).json<DeveloperProfileDto>();
    expect(notTrained.trainedAt).toBeNull();
    // A trained developer asks for no second training.
    const next = await publish(3);
    expect((await ask(present.agent, present.user.id, next.id)).statusCode).toBe(422);
  });

  it('a request without a session is demand the referents see; the .ics invites to the three days', async () => {
    const { user, agent } = await developerOf('CPAM-14');
    const demand = await ask(agent, user.id);
    expect(demand.statusCode, demand.body).toBe(201);
    expect(demand.json()).toMatchObject({ status: 'demand', region: 'normandie', sessionId: null });
    const seen = (await trainer.get('/api/training-demand')).json();
    expect(
      seen.regions.find((r: { region: string }) => r.region === 'normandie').requests[0].developer.id,
    ).toBe(user.id);
    expect((await agent.get('/api/training-demand')).statusCode).toBe(403);

    const session = await publish(4, '2027-05-03');
    const ics = await agent.get(`/api/training-sessions/${session.id}/invitation.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.body).toContain('DTSTART;VALUE=DATE:20270503\r\n');
    expect(ics.body).toContain('DTEND;VALUE=DATE:20270506\r\n');
    expect(ics.body).toContain('LOCATION:Strasbourg\\, salle Gutenberg');
    expect(ics.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });
});
