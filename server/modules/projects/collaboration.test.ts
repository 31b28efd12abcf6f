import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../test/harness.ts';
import {
  declareProject,
  fire,
  type ProjectPeople,
  sponsor,
  startProjectTests,
} from '../../test/project-fixtures.ts';

/** Sponsorship requests and the sponsor's queue, offers, capacities, contributions (§2.3) and followers. */
let t: TestContext;
let p: ProjectPeople;
beforeAll(async () => {
  ({ t, p } = await startProjectTests());
}, 60_000);
afterAll(() => t.close());

const PITCH =
  'Toutes les caisses gèrent ces congés à la main : une solution nationale économiserait du temps.';
const problem = (r: { json(): unknown }) => r.json() as { detail: string; errors?: { field: string }[] };

describe('sponsorship', () => {
  it('goes to the directorate asked: its queue shows it with its age, its sponsor decides, the project shows it', async () => {
    const project = await declareProject(p.developer, { track: 'labelling', title: 'Congés nationaux' });
    const asked = await p.developer.post(`/api/projects/${project.id}/sponsorship-requests`, {
      directorateId: p.ddgos,
      pitch: PITCH,
    });
    expect(asked.statusCode).toBe(201);
    const request = asked.json();
    expect(request).toMatchObject({ state: 'pending', directorate: { code: 'CNAM-DDGOS' }, ageDays: 0 });

    const queue = (await p.sponsor.get('/api/sponsorship-requests')).json().items;
    expect(queue.map((r: { id: string }) => r.id)).toContain(request.id);
    const otherQueue = (await p.otherSponsor.get('/api/sponsorship-requests')).json().items;
    expect(otherQueue.map((r: { id: string }) => r.id)).not.toContain(request.id);
    expect((await p.developer.get('/api/sponsorship-requests')).statusCode).toBe(403);

    const decision = {
      decision: 'accepted',
      rationale: 'Priorité 2027 de la DDGOS.',
      version: request.version,
    };
    expect(
      (await p.otherSponsor.post(`/api/sponsorship-requests/${request.id}/decision`, decision)).statusCode,
    ).toBe(403);
    const stale = await p.sponsor.post(`/api/sponsorship-requests/${request.id}/decision`, {
      ...decision,
      version: 9,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('Cette demande de parrainage a été modifiée');
    const noRationale = await p.sponsor.post(`/api/sponsorship-requests/${request.id}/decision`, {
      decision: 'accepted',
      version: request.version,
    });
    expect(noRationale.statusCode).toBe(400);
    expect(problem(noRationale).errors?.[0]?.field).toBe('rationale');
    const accepted = await p.sponsor.post(`/api/sponsorship-requests/${request.id}/decision`, decision);
    expect(accepted.json()).toMatchObject({ state: 'accepted', rationale: 'Priorité 2027 de la DDGOS.' });
    const again = await p.sponsor.post(`/api/sponsorship-requests/${request.id}/decision`, {
      ...decision,
      version: accepted.json().version,
    });
    expect(again.statusCode).toBe(409);
    expect(problem(again).detail).toBe('Cette demande est déjà acceptée.');

    const shown = (await p.agent.get(`/api/projects/${project.id}`)).json();
    expect(shown.sponsorshipAccepted).toBe(true);
    expect(shown.sponsorships[0]).toMatchObject({ state: 'accepted', directorate: { code: 'CNAM-DDGOS' } });
    expect(
      (await p.sponsor.get('/api/sponsorship-requests')).json().items.map((r: { id: string }) => r.id),
    ).not.toContain(request.id);
  });

  it('is declined with a rationale; refuses an office as sponsor, a second live request, and a stranger asking', async () => {
    const project = await declareProject(p.developer, { track: 'labelling' });
    const notNational = await p.developer.post(`/api/projects/${project.id}/sponsorship-requests`, {
      directorateId: p.marseille,
      pitch: PITCH,
    });
    expect(notNational.statusCode).toBe(422);
    expect(problem(notNational).errors?.[0]?.field).toBe('directorateId');
    const asked = (
      await p.developer.post(`/api/projects/${project.id}/sponsorship-requests`, {
        directorateId: p.ddgos,
        pitch: PITCH,
      })
    ).json();
    const twice = await p.director.post(`/api/projects/${project.id}/sponsorship-requests`, {
      directorateId: p.ddgos,
      pitch: PITCH,
    });
    expect(twice.statusCode).toBe(409);
    expect(problem(twice).errors?.[0]?.field).toBe('directorateId');
    const stranger = await p.otherDirector.post(`/api/projects/${project.id}/sponsorship-requests`, {
      directorateId: p.drp,
      pitch: PITCH,
    });
    expect(stranger.statusCode).toBe(403);
    const declined = await p.sponsor.post(`/api/sponsorship-requests/${asked.id}/decision`, {
      decision: 'declined',
      rationale: 'Hors du périmètre de la DDGOS.',
      version: asked.version,
    });
    expect(declined.json()).toMatchObject({ state: 'declined' });
    expect((await p.agent.get(`/api/projects/${project.id}`)).json().sponsorshipAccepted).toBe(false);
  });

  it('is withdrawn by its holder while pending', async () => {
    const project = await declareProject(p.developer, { track: 'labelling' });
    const asked = (
      await p.developer.post(`/api/projects/${project.id}/sponsorship-requests`, {
        directorateId: p.ddgos,
        pitch: PITCH,
      })
    ).json();
    expect(
      (
        await p.otherDeveloper.post(`/api/sponsorship-requests/${asked.id}/withdrawal`, {
          version: asked.version,
        })
      ).statusCode,
    ).toBe(403);
    const withdrawn = await p.director.post(`/api/sponsorship-requests/${asked.id}/withdrawal`, {
      version: asked.version,
    });
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn' });
    expect(withdrawn.json().withdrawnAt).not.toBeNull();
  });

  it('keeps the decision’s rationale when an accepted sponsorship is withdrawn with a reason of its own', async () => {
    const project = await declareProject(p.developer, { track: 'labelling' });
    const accepted = await sponsor(p.developer, p.sponsor, project.id, p.ddgos);
    const withdrawn = await p.sponsor.post(`/api/sponsorship-requests/${accepted.id}/withdrawal`, {
      version: accepted.version,
      rationale: 'La DDGOS reprend le projet elle-même.',
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      state: 'withdrawn',
      rationale: 'Priorité nationale.',
      withdrawalReason: 'La DDGOS reprend le projet elle-même.',
    });
  });
});

describe('offers', () => {
  it('lets another office offer developer capacity; the holder accepts and that office becomes a party', async () => {
    const project = await declareProject(p.director, { title: 'Accueil sur rendez-vous' });
    expect((await p.agent.get(`/api/projects/${project.id}`)).json().needsDevelopers).toBe(true);
    const own = await p.developer.post(`/api/projects/${project.id}/offers`, {
      kind: 'developerCapacity',
      message: 'Nous sommes déjà là.',
    });
    expect(own.statusCode).toBe(422);
    const offered = await p.otherDeveloper.post(`/api/projects/${project.id}/offers`, {
      kind: 'developerCapacity',
      message: 'Deux développeurs PHP disponibles au premier trimestre.',
      personDays: 60,
    });
    expect(offered.statusCode).toBe(201);
    const offer = offered.json();
    expect(offer).toMatchObject({ state: 'pending', personDays: 60, organisation: { code: 'CPAM-13' } });
    // Before the offer is accepted, the other office's developer is not a party.
    expect((await fire(p.otherDeveloper, project, 'frame')).statusCode).toBe(403);

    const decision = { decision: 'accepted', rationale: 'Bienvenue !', version: offer.version };
    expect((await p.otherDeveloper.post(`/api/offers/${offer.id}/decision`, decision)).statusCode).toBe(403);
    expect((await p.otherDirector.post(`/api/offers/${offer.id}/decision`, decision)).statusCode).toBe(403);
    const accepted = await p.director.post(`/api/offers/${offer.id}/decision`, decision);
    expect(accepted.json()).toMatchObject({ state: 'accepted' });
    expect(
      (
        await p.director.post(`/api/offers/${offer.id}/decision`, {
          ...decision,
          version: accepted.json().version,
        })
      ).statusCode,
    ).toBe(409);

    const shown = (await p.agent.get(`/api/projects/${project.id}`)).json();
    expect(shown.developerOrganisations.map((o: { code: string }) => o.code)).toEqual(['CPAM-13']);
    expect(shown.needsDevelopers).toBe(false);
    expect((await fire(p.otherDeveloper, project, 'frame')).statusCode).toBe(200);
  });

  it('records a declined offer without changing the project; a second offer of the same kind while one is live is refused', async () => {
    const project = await declareProject(p.developer);
    const body = { kind: 'pilotSite', message: 'Nous pouvons être site pilote.' };
    const offer = (await p.otherDirector.post(`/api/projects/${project.id}/offers`, body)).json();
    expect((await p.otherDeveloper.post(`/api/projects/${project.id}/offers`, body)).statusCode).toBe(409);
    const declined = await p.developer.post(`/api/offers/${offer.id}/decision`, {
      decision: 'declined',
      version: offer.version,
    });
    expect(declined.json().state).toBe('declined');
    expect((await p.agent.get(`/api/projects/${project.id}`)).json().pilotOrganisations).toEqual([]);
    expect((await p.agent.post(`/api/projects/${project.id}/offers`, body)).statusCode).toBe(403);
  });
});

describe('capacities', () => {
  it('are declared by an office for a quarter, replaced when declared again, and listed for everyone', async () => {
    const first = await p.otherDeveloper.post('/api/capacities', {
      quarter: '2027-T2',
      personDays: 40,
      skills: ['PHP', 'Symfony'],
    });
    expect(first.statusCode).toBe(200);
    const second = await p.otherDirector.post('/api/capacities', {
      quarter: '2027-T2',
      personDays: 25,
      skills: ['PHP'],
    });
    expect(second.json()).toMatchObject({
      personDays: 25,
      skills: ['PHP'],
      organisation: { code: 'CPAM-13' },
    });
    const listed = (await p.agent.get(`/api/capacities?organisation=${p.marseille}`)).json().items;
    expect(listed).toHaveLength(1);
    expect((await p.agent.post('/api/capacities', { quarter: '2027-T2', personDays: 5 })).statusCode).toBe(
      403,
    );
    const bad = await p.otherDeveloper.post('/api/capacities', { quarter: '2027-Q2', personDays: 5 });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors?.[0]?.field).toBe('quarter');
  });
});

describe('national participation contributions and followers', () => {
  it('records local staff contributions on a national participation only', async () => {
    const national = await declareProject(p.director, {
      track: 'nationalParticipation',
      owningDirectorateId: p.ddgos,
    });
    const contribution = {
      personName: 'Camille Martin',
      organisationId: p.rhone,
      sharePercent: 40,
      startsOn: '2026-09-01',
      endsOn: '2027-06-30',
      role: 'Développeuse back-end',
    };
    const recorded = await p.director.post(`/api/projects/${national.id}/contributions`, contribution);
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json().items[0]).toMatchObject({ personName: 'Camille Martin', sharePercent: 40 });
    expect((await p.agent.get(`/api/projects/${national.id}`)).json().contributions).toHaveLength(1);
    const backwards = await p.director.post(`/api/projects/${national.id}/contributions`, {
      ...contribution,
      endsOn: '2026-01-01',
    });
    expect(problem(backwards).errors?.[0]?.field).toBe('endsOn');
    const local = await declareProject(p.director);
    const refused = await p.director.post(`/api/projects/${local.id}/contributions`, contribution);
    expect(refused.statusCode).toBe(422);
    expect(problem(refused).detail).toContain('participation nationale');
  });

  it('follows and unfollows a project; its declarant follows it from the start', async () => {
    const project = await declareProject(p.developer);
    expect((await p.developer.get(`/api/projects/${project.id}`)).json()).toMatchObject({
      following: true,
      followerCount: 1,
    });
    expect((await p.agent.post(`/api/projects/${project.id}/followers`)).statusCode).toBe(204);
    expect((await p.agent.get(`/api/projects/${project.id}`)).json()).toMatchObject({
      following: true,
      followerCount: 2,
    });
    expect((await p.agent.request('DELETE', `/api/projects/${project.id}/followers`)).statusCode).toBe(204);
    expect((await p.agent.get(`/api/projects/${project.id}`)).json()).toMatchObject({
      following: false,
      followerCount: 1,
    });
  });
});
