import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferentApplicationDto } from '../../../common/schemas/community.ts';
import type { RegistrationDto, SessionDto } from '../../../common/schemas/training.ts';
import { type Agent, createTestContext, signUp, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let ddsi: Agent;
let trainer: Agent;
beforeAll(async () => {
  t = await createTestContext();
  ddsi = (await signUp(t, { roles: ['itDirectorate'], organisationCode: 'CNAM-DDSI' })).agent;
  // The CPAM du Bas-Rhin is the letter's referent for the Grand Est.
  trainer = (await signUp(t, { roles: ['referent'], organisationCode: 'CPAM-67' })).agent;
});
afterAll(() => t.close());

const PREREQUISITES = { php: true, symfony: true, versioning: true, symfonyUsed: false };

/** What a person heard of one thread: kinds and French sentences. */
async function heard(agent: Agent, targetId: string) {
  const response = await agent.get('/api/notifications');
  expect(response.statusCode).toBe(200);
  return (response.json().items as { kind: string; target: { id: string }; text: { fr: string } }[])
    .filter((n) => n.target.id === targetId)
    .map((n) => ({ kind: n.kind, text: n.text.fr }));
}

describe('notifications of the community', () => {
  it('an application to become referent reaches the DDSI; its decision, the applicant office’s director', async () => {
    const director = (await signUp(t, { roles: ['officeDirector'], organisationCode: 'CPAM-14' })).agent;
    const applied = await director.post('/api/referent-applications', {
      region: 'normandie',
      motivation: 'Nous formons déjà les développeurs de Basse-Normandie.',
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const application = applied.json<ReferentApplicationDto>();
    expect(await heard(ddsi, application.id)).toEqual([
      expect.objectContaining({
        kind: 'referentApplication.submitted',
        text: expect.stringMatching(/Normandie/),
      }),
    ]);
    const refused = await ddsi.post(`/api/referent-applications/${application.id}/transitions`, {
      action: 'refuse',
      version: application.version,
      input: { note: 'Une autre candidature est déjà retenue.' },
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(await heard(director, application.id)).toEqual([
      expect.objectContaining({
        kind: 'referentApplication.transitioned',
        text: expect.stringMatching(/« Refusée »/),
      }),
    ]);
  });

  it('each step of a training request reaches the developer, and a new request the trainer', async () => {
    const startsOn = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const published = await trainer.post('/api/training-sessions', {
      region: 'grand-est',
      title: 'Session des notifications',
      mode: 'remote',
      startsOn,
      capacity: 1,
    });
    expect(published.statusCode, published.body).toBe(201);
    const session = published.json<SessionDto>();
    const first = await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-68' });
    const second = await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-68' });
    const ask = (agent: Agent, developerId: string) =>
      agent.post('/api/training-requests', {
        developerId,
        sessionId: session.id,
        prerequisites: PREREQUISITES,
      });
    const seated = (await ask(first.agent, first.user.id)).json<RegistrationDto>();
    const waiting = (await ask(second.agent, second.user.id)).json<RegistrationDto>();
    expect(waiting.status).toBe('waitlisted');
    const trainerHeard = await heard(trainer, session.id);
    expect(trainerHeard.map((n) => n.text.split('— ')[1])).toEqual(
      expect.arrayContaining(['inscrit.', 'en liste d’attente.']),
    );

    // The first cancels: the second is promoted and hears of it.
    const cancelled = await first.agent.post(`/api/training-registrations/${seated.id}/actions`, {
      action: 'cancel',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await heard(second.agent, session.id)).map((n) => n.text.split('— ')[1])).toContain('inscrit.');

    // Cancelling the session reaches whoever is still in it.
    const current = (await trainer.get(`/api/training-sessions/${session.id}`)).json<SessionDto>();
    const ended = await trainer.post(`/api/training-sessions/${session.id}/transitions`, {
      action: 'cancel',
      version: current.version,
      input: { reason: 'Formateur indisponible.' },
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(await heard(second.agent, session.id)).toContainEqual(
      expect.objectContaining({
        kind: 'trainingSession.transitioned',
        text: expect.stringMatching(/annulée/),
      }),
    );
  });
});
