import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSheet } from '../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, createUser, login, type TestContext } from '../../test/harness.ts';
import { declareProject, fire, type ProjectPeople, projectPeople } from '../../test/project-fixtures.ts';

/**
 * Each event kind reaches exactly the right people and no one else: the actor is never told of their
 * own action, a muted thread is silent, a rolled-back change tells nobody. Every test makes its own
 * people and threads and looks only at the notifications about its own thread.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
}, 60_000);
afterAll(() => t.close());

type Note = {
  id: string;
  kind: string;
  text: { fr: string };
  link: string;
  reason: string;
  readAt: string | null;
};

/** What an agent was told about one thread (its notifications whose link names it). */
async function heard(agent: Agent, targetId: string): Promise<Note[]> {
  const page = (await agent.get('/api/notifications?pageSize=100')).json() as { items: Note[] };
  return page.items.filter((n) => n.link.endsWith(targetId));
}
const kinds = async (agent: Agent, targetId: string) => (await heard(agent, targetId)).map((n) => n.kind);

/** Everyone of a set of people except those named: each must have heard nothing of the thread. */
async function othersHeardNothing(p: ProjectPeople, targetId: string, told: Agent[]) {
  const everyone = [
    p.developer,
    p.director,
    p.otherDirector,
    p.otherDeveloper,
    p.sponsor,
    p.otherSponsor,
    p.admin,
    p.ddsi,
    p.agent,
  ];
  for (const agent of everyone.filter((a) => !told.includes(a)))
    expect(await kinds(agent, targetId)).toEqual([]);
}

describe('who hears of an event', () => {
  it('a sponsorship request reaches the sponsors of the directorate asked; the decision, who asked and the holder office', async () => {
    const p = await projectPeople(t);
    const project = await declareProject(p.developer, { title: 'Congés en ligne' });
    const asked = await p.developer.post(`/api/projects/${project.id}/sponsorship-requests`, {
      directorateId: p.ddgos,
      pitch: 'Un besoin national partagé par toutes les caisses du réseau.',
    });
    expect(asked.statusCode).toBe(201);
    const [request] = await heard(p.sponsor, project.id);
    expect(request).toMatchObject({ kind: 'sponsorship.requested', reason: 'party' });
    expect(request?.text.fr).toContain('de sponsoriser le projet « Congés en ligne »');
    await othersHeardNothing(p, project.id, [p.sponsor]);

    const decided = await p.sponsor.post(`/api/sponsorship-requests/${asked.json().id}/decision`, {
      decision: 'accepted',
      rationale: 'Priorité nationale.',
      version: asked.json().version,
    });
    expect(decided.statusCode).toBe(200);
    expect(await kinds(p.developer, project.id)).toEqual(['sponsorship.decided']);
    expect(await kinds(p.director, project.id)).toEqual(['sponsorship.decided']);
    expect((await heard(p.director, project.id))[0]?.text.fr).toMatch(/a accepté la demande de sponsor/);
    // The sponsor acted: told of nothing new.
    expect(await kinds(p.sponsor, project.id)).toEqual(['sponsorship.requested']);
    await othersHeardNothing(p, project.id, [p.sponsor, p.developer, p.director]);
  });

  it('an offer reaches the holder office; the answer reaches who offered and their office', async () => {
    const p = await projectPeople(t);
    const project = await declareProject(p.director, { title: 'Accueil sur rendez-vous' });
    const offered = await p.otherDeveloper.post(`/api/projects/${project.id}/offers`, {
      kind: 'pilotSite',
      message: 'Notre accueil de Marseille peut piloter.',
    });
    expect(offered.statusCode).toBe(201);
    expect(await kinds(p.developer, project.id)).toEqual(['offer.made']);
    expect(await kinds(p.director, project.id)).toEqual(['offer.made']);
    await othersHeardNothing(p, project.id, [p.developer, p.director]);

    const answer = await p.director.post(`/api/offers/${offered.json().id}/decision`, {
      decision: 'declined',
      rationale: 'Le pilote est déjà choisi.',
      version: offered.json().version,
    });
    expect(answer.statusCode).toBe(200);
    expect(await kinds(p.otherDeveloper, project.id)).toEqual(['offer.decided']);
    expect(await kinds(p.otherDirector, project.id)).toEqual(['offer.decided']);
    expect((await heard(p.otherDirector, project.id))[0]?.text.fr).toMatch(/a refusé la proposition de/);
    // The holder's people are not parties of the answer (and its director gave it).
    expect(await kinds(p.developer, project.id)).toEqual(['offer.made']);
    expect(await kinds(p.director, project.id)).toEqual(['offer.made']);
    await othersHeardNothing(p, project.id, [p.developer, p.director, p.otherDeveloper, p.otherDirector]);
  });

  it('a transition and a comment reach the followers and the people mentioned, not the actor nor a muted follower', async () => {
    const p = await projectPeople(t);
    const mentioned = await createUser(t.db, {
      roles: ['agent'],
      organisationCode: 'CPAM-13',
      displayName: 'Éloïse Cité',
    });
    const mentionedAgent = await login(t.app, mentioned.email);
    const project = await declareProject(p.developer, { title: 'Tableau de bord' });
    for (const follower of [p.agent, p.otherSponsor])
      expect(
        (await follower.post('/api/follows', { targetType: 'project', targetId: project.id })).statusCode,
      ).toBe(204);
    expect(
      (await p.otherSponsor.post('/api/mutes', { targetType: 'project', targetId: project.id })).statusCode,
    ).toBe(204);

    expect((await fire(p.director, project, 'frame')).statusCode).toBe(200);
    expect(await kinds(p.developer, project.id)).toEqual(['project.transitioned']);
    expect(await kinds(p.agent, project.id)).toEqual(['project.transitioned']);
    expect((await heard(p.agent, project.id))[0]?.text.fr).toMatch(/en phase « Cadrage »/);
    // The director acted, and now follows the project; the muted follower hears nothing.
    expect(await kinds(p.director, project.id)).toEqual([]);
    expect(await kinds(p.otherSponsor, project.id)).toEqual([]);

    const comment = await p.otherDirector.post(`/api/projects/${project.id}/comments`, {
      body: 'Question pour @eloise.cite : le tableau couvre-t-il les CPAM ?',
    });
    expect(comment.statusCode).toBe(201);
    expect(await kinds(mentionedAgent, project.id)).toEqual(['comment.added']);
    expect((await heard(mentionedAgent, project.id))[0]?.reason).toBe('mention');
    expect(await kinds(p.director, project.id)).toEqual(['comment.added']);
    expect(await kinds(p.otherDirector, project.id)).toEqual([]);
    expect(await kinds(p.otherSponsor, project.id)).toEqual([]);
    await othersHeardNothing(p, project.id, [p.developer, p.director, p.agent]);
  });

  it('a sheet update reaches its followers, a new version and a declared usage its designer office', async () => {
    const p = await projectPeople(t);
    const sheet = await createSheet(p.developer, p.rhone, { name: 'Planning des accueils' });
    const current = (await p.developer.get(`/api/applications/${sheet.id}`)).json();
    expect(current.version).toBeGreaterThan(0);
    await p.agent.post('/api/follows', { targetType: 'application', targetId: sheet.id });

    const named = await createUser(t.db, {
      roles: ['agent'],
      organisationCode: 'CPAM-13',
      displayName: 'Mélanie Fiche',
    });
    const namedAgent = await login(t.app, named.email);

    const edited = await p.ddsi.patch(`/api/applications/${sheet.id}`, {
      version: current.version,
      description: `${current.description}\n\nContact au siège : @melanie.fiche`,
      versions: [{ number: '2.0.0', releasedOn: '2026-11-02', notes: 'Nouvelle interface.' }],
    });
    expect(edited.statusCode).toBe(200);
    // Newly mentioned in the description: told of the update (not of the version: not a follower).
    expect(await kinds(namedAgent, sheet.id)).toEqual(['application.updated']);
    expect((await heard(namedAgent, sheet.id))[0]?.reason).toBe('mention');
    // The author follows the sheet it declared; its office designs it.
    expect((await kinds(p.developer, sheet.id)).sort()).toEqual([
      'application.updated',
      'application.version.released',
    ]);
    expect(await kinds(p.director, sheet.id)).toEqual(['application.version.released']);
    expect((await kinds(p.agent, sheet.id)).sort()).toEqual([
      'application.updated',
      'application.version.released',
    ]);
    expect(await kinds(p.ddsi, sheet.id)).toEqual([]);

    const used = await p.otherDirector.post(`/api/applications/${sheet.id}/usages`, {
      userCount: 12,
      versionNumber: '2.0.0',
    });
    expect(used.statusCode).toBe(201);
    const told = await heard(p.director, sheet.id);
    expect(told.map((n) => n.kind)).toContain('usage.declared');
    expect(told.find((n) => n.kind === 'usage.declared')?.text.fr).toMatch(
      /déclare utiliser « Planning des accueils »/,
    );
    expect(await kinds(p.otherDirector, sheet.id)).toEqual([]);
    // The DDSI follows the sheet since it edited it: it hears of the usage, not of its own edit.
    expect(await kinds(p.ddsi, sheet.id)).toEqual(['usage.declared']);
    // Nobody else heard of the sheet.
    await othersHeardNothing(p, sheet.id, [p.developer, p.director, p.agent, p.ddsi]);
    expect(await kinds(namedAgent, sheet.id)).toEqual(['application.updated']);
  });

  it('a project edit reaches its followers and the people its description now mentions', async () => {
    const p = await projectPeople(t);
    const named = await createUser(t.db, {
      roles: ['agent'],
      organisationCode: 'CPAM-13',
      displayName: 'Noémie Projet',
    });
    const namedAgent = await login(t.app, named.email);
    const project = await declareProject(p.developer, { title: 'Suivi des indemnités' });
    await p.agent.post('/api/follows', { targetType: 'project', targetId: project.id });
    expect(await kinds(namedAgent, project.id)).toEqual([]);

    const edited = await p.developer.patch(`/api/projects/${project.id}`, {
      version: project.version,
      description: `${project.description}\n\nRéférente métier : @noemie.projet`,
    });
    expect(edited.statusCode).toBe(200);
    expect(await kinds(namedAgent, project.id)).toEqual(['project.updated']);
    const [told] = await heard(namedAgent, project.id);
    expect(told?.reason).toBe('mention');
    expect(told?.text.fr).toMatch(/a modifié le projet « Suivi des indemnités »/);
    expect(await kinds(p.agent, project.id)).toEqual(['project.updated']);
    await othersHeardNothing(p, project.id, [p.agent]);

    // An edit that mentions nobody new: the follower hears of it, the person mentioned before does not.
    const again = await p.developer.patch(`/api/projects/${project.id}`, {
      version: edited.json().version,
      title: 'Suivi des indemnités journalières',
    });
    expect(again.statusCode).toBe(200);
    expect(await kinds(namedAgent, project.id)).toEqual(['project.updated']);
    expect(await kinds(p.agent, project.id)).toEqual(['project.updated', 'project.updated']);
  });

  it('a new project or sheet tells the people its description mentions, and nobody else', async () => {
    const p = await projectPeople(t);
    const named = await createUser(t.db, {
      roles: ['developer'],
      organisationCode: 'CPAM-13',
      displayName: 'Gaëlle Nouvelle',
    });
    const namedAgent = await login(t.app, named.email);
    const project = await declareProject(p.developer, {
      title: 'Rendez-vous en agence',
      description: 'Piloté avec @gaelle.nouvelle à Marseille.',
    });
    const [told] = await heard(namedAgent, project.id);
    expect(told).toMatchObject({ kind: 'project.updated', reason: 'mention' });
    expect(told?.text.fr).toMatch(/a déclaré le projet « Rendez-vous en agence » et vous y mentionne/);
    await othersHeardNothing(p, project.id, []);

    const sheet = await createSheet(p.developer, p.rhone, {
      name: 'Agenda des agences',
      description: 'Demandez les accès à @gaelle.nouvelle.',
    });
    expect(await kinds(namedAgent, sheet.id)).toEqual(['application.updated']);
    expect((await heard(namedAgent, sheet.id))[0]?.text.fr).toMatch(
      /a déclaré la fiche « Agenda des agences »/,
    );
    await othersHeardNothing(p, sheet.id, []);
  });

  it('an edited comment tells only the people it mentions for the first time', async () => {
    const p = await projectPeople(t);
    const [first, second] = await Promise.all(
      ['Aurélien Premier', 'Bérénice Seconde'].map((displayName) =>
        createUser(t.db, { roles: ['agent'], organisationCode: 'CPAM-13', displayName }),
      ),
    );
    const firstAgent = await login(t.app, first?.email as string);
    const secondAgent = await login(t.app, second?.email as string);
    const project = await declareProject(p.developer, { title: 'Accueil téléphonique' });
    await p.agent.post('/api/follows', { targetType: 'project', targetId: project.id });
    const posted = await p.director.post(`/api/projects/${project.id}/comments`, {
      body: 'Avis de @aurelien.premier attendu.',
    });
    expect(posted.statusCode).toBe(201);
    const commentId = posted.json().items[0].id as string;
    const edited = await p.director.patch(`/api/projects/${project.id}/comments/${commentId}`, {
      body: 'Avis de @aurelien.premier et de @berenice.seconde attendu.',
    });
    expect(edited.statusCode).toBe(200);
    expect(await kinds(firstAgent, project.id)).toEqual(['comment.added']);
    expect(await kinds(secondAgent, project.id)).toEqual(['comment.added']);
    expect((await heard(secondAgent, project.id))[0]?.text.fr).toContain('@berenice.seconde');
    // The follower read the comment once, not again for its edit.
    expect(await kinds(p.agent, project.id)).toEqual(['comment.added']);
  });

  it('a change refused and rolled back tells nobody', async () => {
    const p = await projectPeople(t);
    const project = await declareProject(p.developer, { title: 'Projet sans sponsor' });
    const refused = await p.developer.post(`/api/projects/${project.id}/sponsorship-requests`, {
      directorateId: p.marseille,
      pitch: 'Un besoin national partagé par toutes les caisses du réseau.',
    });
    expect(refused.statusCode).toBe(422);
    expect(await kinds(p.sponsor, project.id)).toEqual([]);
    await othersHeardNothing(p, project.id, []);
  });
});

describe('follows and the notifications list', () => {
  it('follows, unfollows (kept against automatic follows) and lists what one follows', async () => {
    const p = await projectPeople(t);
    const project = await declareProject(p.developer, { title: 'Suivi des follows' });
    const mine = (await p.developer.get('/api/me/follows')).json().items;
    expect(mine).toContainEqual(
      expect.objectContaining({ targetId: project.id, automatic: true, following: true }),
    );

    const del = await p.developer.request('DELETE', '/api/follows', {
      targetType: 'project',
      targetId: project.id,
    });
    expect(del.statusCode).toBe(204);
    // Commenting would follow again automatically: an unfollow by hand stands.
    await p.developer.post(`/api/projects/${project.id}/comments`, { body: 'Je ne suis plus ce projet.' });
    expect(
      (await p.developer.get('/api/me/follows')).json().items.map((f: { targetId: string }) => f.targetId),
    ).not.toContain(project.id);
    await p.director.post(`/api/projects/${project.id}/comments`, { body: 'Commentaire du directeur.' });
    expect(await kinds(p.developer, project.id)).toEqual([]);

    const missing = await p.agent.post('/api/follows', {
      targetType: 'project',
      targetId: '7d1f3a52-0f6e-4c55-9a1e-2b0c8d9e4f10',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toBe('Ce projet est introuvable.');
  });

  it('filters by unread and kind, marks some or all read, never another person’s', async () => {
    const p = await projectPeople(t);
    const project = await declareProject(p.developer, { title: 'Lecture des notifications' });
    await p.agent.post('/api/follows', { targetType: 'project', targetId: project.id });
    await p.director.post(`/api/projects/${project.id}/comments`, { body: 'Premier.' });
    await p.director.post(`/api/projects/${project.id}/comments`, { body: 'Second.' });
    expect((await fire(p.director, project, 'frame')).statusCode).toBe(200);

    const all = await heard(p.agent, project.id);
    expect(all.map((n) => n.kind)).toEqual(['project.transitioned', 'comment.added', 'comment.added']);
    const comments = (await p.agent.get('/api/notifications?kind=comment.added&pageSize=100')).json()
      .items as Note[];
    expect(comments.filter((n) => n.link.endsWith(project.id))).toHaveLength(2);

    // Another person's ids are ignored.
    const theirs = (await heard(p.developer, project.id)).map((n) => n.id);
    expect(theirs.length).toBeGreaterThan(0);
    await p.agent.post('/api/notifications/read', { ids: theirs });
    expect((await heard(p.developer, project.id)).every((n) => n.readAt === null)).toBe(true);

    const read = await p.agent.post('/api/notifications/read', { ids: [all[0]?.id] });
    expect(read.statusCode).toBe(200);
    expect(read.json().unread).toBe(2);
    const unread = (await p.agent.get('/api/notifications?unread=true&pageSize=100')).json().items as Note[];
    expect(unread.map((n) => n.kind)).toEqual(['comment.added', 'comment.added']);
    expect((await p.agent.post('/api/notifications/read', { all: true })).json().unread).toBe(0);

    const both = await p.agent.post('/api/notifications/read', { all: true, ids: [all[0]?.id] });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].field).toBe('ids');
  });
});
