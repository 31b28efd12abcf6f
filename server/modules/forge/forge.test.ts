import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { seedDemoForge } from '../../db/demo/seed-forge.ts';
import { auditEvents } from '../../db/schema.ts';
import { createIntegrations } from '../../integrations/index.ts';
import { createSheet } from '../../test/catalog-fixtures.ts';
import { type FakeGitLab, startFakeGitLab } from '../../test/fake-gitlab.ts';
import { login, type TestContext } from '../../test/harness.ts';
import { declareProject, fire, type ProjectPeople, startProjectTests } from '../../test/project-fixtures.ts';
import { syncForgeActivity } from './forge-activity.service.ts';

let gitlab: FakeGitLab;
let t: TestContext;
let p: ProjectPeople;
let clock = new Date('2026-11-30T10:00:00Z');

beforeAll(async () => {
  gitlab = await startFakeGitLab();
  gitlab.groups.set('reseau/cpam-69', 69);
  const settings = {
    url: gitlab.url,
    token: gitlab.token,
    templateProjectId: 42,
    templateGroupId: null,
    rootGroup: 'reseau',
  };
  ({ t, p } = await startProjectTests(
    { gitlab: settings },
    {
      now: () => clock,
      integrations: createIntegrations({ gitlab: settings } as Parameters<typeof createIntegrations>[0], {
        sleep: async () => undefined,
      }),
    },
  ));
}, 120_000);
afterAll(async () => {
  await t.close();
  await gitlab.close();
});

const sync = () =>
  syncForgeActivity({ db: t.db, log: t.app.log, gitlab: t.app.deps.integrations.gitlab, now: () => clock });

const forgeBody = (version: number, overrides: Record<string, unknown> = {}) => ({
  version,
  name: 'Gestion des congés',
  path: 'gestion-conges',
  visibility: 'internal',
  description: 'Congés des agents',
  defaultBranch: 'main',
  members: [{ username: 'jean.dupont', accessLevel: 40 }],
  ...overrides,
});

const commit = (id: string, date: string) => ({
  id,
  title: `Commit ${id}`,
  author_name: 'Jean Dupont',
  committed_date: date,
});

describe('creating a project on the forge from the starter kit (local GitLab speaking the REST v4 API)', () => {
  it('creates it in the developer group, sets the forge link, audits it, and the project can enter development', async () => {
    const project = await declareProject(p.developer, {
      track: 'homologation',
      title: 'Congés sur la Forge',
    });
    expect((await fire(p.developer, project, 'frame')).statusCode).toBe(200);
    const closed = await fire(p.developer, project, 'startDevelopment');
    expect(closed.json().refusal?.code).toBe('forgeLinkRequired');

    const offer = (await p.developer.get(`/api/projects/${project.id}/forge-project`)).json();
    expect(offer).toMatchObject({ configured: true, allowed: true, namespace: 'reseau/cpam-69' });

    const current = (await p.developer.get(`/api/projects/${project.id}`)).json();
    const created = await p.developer.post(
      `/api/projects/${project.id}/forge-project`,
      forgeBody(current.version),
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      projectPath: 'reseau/cpam-69/gestion-conges',
      webUrl: `${gitlab.url}/reseau/cpam-69/gestion-conges`,
      membersAdded: ['jean.dupont'],
      membersNotFound: [],
    });
    const after = (await p.developer.get(`/api/projects/${project.id}`)).json();
    expect(after.forgeUrl).toBe(`${gitlab.url}/reseau/cpam-69/gestion-conges`);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'project.createForgeProject'), eq(auditEvents.targetId, project.id)));
    expect(event?.details).toMatchObject({ namespace: 'reseau/cpam-69', membersAdded: ['jean.dupont'] });

    expect((await fire(p.developer, project, 'startDevelopment')).json().phase).toBe('development');
    const again = await p.developer.post(
      `/api/projects/${project.id}/forge-project`,
      forgeBody(after.version),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('Ce projet a déjà une adresse sur la Forge');
  });

  it('answers a path already taken with a French 409 naming the field, and leaves the project as it was', async () => {
    gitlab.addProject('reseau/cpam-69/deja-pris');
    const project = await declareProject(p.developer, { track: 'homologation' });
    const taken = await p.developer.post(
      `/api/projects/${project.id}/forge-project`,
      forgeBody(project.version, { path: 'deja-pris' }),
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.headers['content-type']).toContain('application/problem+json');
    expect(taken.json().errors).toEqual([
      { field: 'path', message: 'Le chemin « deja-pris » est déjà pris dans reseau/cpam-69.' },
    ]);
    expect((await p.developer.get(`/api/projects/${project.id}`)).json().forgeUrl).toBeNull();
  });

  it('refuses bad input in French naming each field, a stale version, and callers who do not run the project', async () => {
    const project = await declareProject(p.developer, { track: 'homologation' });
    const bad = await p.developer.post(
      `/api/projects/${project.id}/forge-project`,
      forgeBody(project.version, {
        path: 'gestion congés',
        visibility: 'secret',
        members: [{ username: 'a b', accessLevel: 50 }],
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['members.0.accessLevel', 'members.0.username', 'path', 'visibility']);
    expect(bad.json().errors.find((e: { field: string }) => e.field === 'path').message).toContain(
      'ne contient que des lettres sans accent',
    );
    const stale = await p.developer.post(
      `/api/projects/${project.id}/forge-project`,
      forgeBody(project.version + 1),
    );
    expect(stale.statusCode).toBe(409);
    for (const other of [p.otherDeveloper, p.agent, p.director]) {
      const refused = await other.post(
        `/api/projects/${project.id}/forge-project`,
        forgeBody(project.version),
      );
      expect(refused.statusCode).toBe(403);
    }
    const missing = await p.developer.post(
      '/api/projects/00000000-0000-4000-8000-000000000000/forge-project',
      forgeBody(1),
    );
    expect(missing.statusCode).toBe(404);
  });

  it('says in French that GitLab is not configured, without failing the pages', async () => {
    const bare = await buildApp({ db: t.db, config: { ...t.config, gitlab: null }, logger: false });
    try {
      const developer = await login(bare, (await p.developer.get('/api/me')).json().user.email);
      const project = await declareProject(developer, { track: 'homologation' });
      const refused = await developer.post(
        `/api/projects/${project.id}/forge-project`,
        forgeBody(project.version),
      );
      expect(refused.statusCode).toBe(503);
      expect(refused.json().detail).toContain("GitLab n'est pas configuré sur ce portail");
      expect((await developer.get(`/api/projects/${project.id}/forge-project`)).json()).toMatchObject({
        configured: false,
        namespace: null,
      });
      const panel = (await developer.get(`/api/projects/${project.id}/forge-activity`)).json();
      expect(panel).toMatchObject({ configured: false, state: 'notLinked', activity: null });

      // A forge address without GitLab: « not configured », until the demonstration seed writes its activity.
      const sheet = await createSheet(developer, p.rhone, {
        name: 'Fiche de démonstration',
        forgeUrl: 'https://forge.assurance-maladie.fr/cpam-69/demo-forge',
      });
      const url = `/api/applications/${sheet.id}/forge-activity`;
      expect((await developer.get(url)).json()).toMatchObject({ state: 'notConfigured', activity: null });
      expect((await seedDemoForge(t.db, clock)).created).toBeGreaterThan(0);
      expect((await seedDemoForge(t.db, clock)).created).toBe(0);
      const demo = (await developer.get(url)).json();
      expect(demo).toMatchObject({
        configured: false,
        state: 'fresh',
        source: 'demo',
        projectPath: 'cpam-69/demo-forge',
      });
      expect(demo.activity.weeks).toHaveLength(12);
      expect(demo.activity.wikiPages.length).toBeGreaterThan(0);
      const builds = (await developer.get(`/api/applications/${sheet.id}/builds`)).json();
      expect(builds).toMatchObject({ configured: false, state: 'fresh', source: 'demo' });
      expect(builds.health.builds.length).toBeGreaterThan(0);
      // The demonstration packages: the starter kit locked by the demo sheet, said to be demonstration data.
      const packages = (await developer.get('/api/packages')).json();
      expect(packages).toMatchObject({ configured: false, source: 'demo' });
      const starterKit = packages.packages.find((p: { name: string }) => p.name === 'cnam/sk-php');
      expect(starterKit.users.map((u: { applicationId: string }) => u.applicationId)).toContain(sheet.id);
    } finally {
      await bare.close();
    }
  });
});

describe('activity on a sheet (local GitLab speaking the REST v4 API)', () => {
  it('syncs incrementally from its cursor, and shows the data of the last success when GitLab is down', async () => {
    const project = gitlab.addProject('reseau/cpam-69/activite', {
      commits: [commit('a1', '2026-11-02T09:00:00Z'), commit('a2', '2026-11-16T09:00:00Z')],
      issues: [{ title: 'Bug export', updated_at: '2026-11-20T09:00:00Z' }],
      pipelines: [{ status: 'success', ref: 'main', updated_at: '2026-11-16T10:00:00Z' }],
      wiki: [{ slug: 'installation', title: 'Installation' }],
    });
    const sheet = await createSheet(p.developer, p.rhone, {
      name: 'Suivi des activités',
      forgeUrl: `${gitlab.url}/reseau/cpam-69/activite`,
    });
    const url = `/api/applications/${sheet.id}/forge-activity`;
    expect((await p.agent.get(url)).json()).toMatchObject({
      configured: true,
      state: 'pending',
      activity: null,
    });

    gitlab.requests.length = 0;
    await sync();
    const first = (await p.agent.get(url)).json();
    expect(first).toMatchObject({ state: 'fresh', source: 'gitlab', fetchedAt: '2026-11-30T10:00:00.000Z' });
    expect(first.activity.weeks).toHaveLength(12);
    expect(first.activity.weeks.reduce((n: number, w: { commits: number }) => n + w.commits, 0)).toBe(2);
    expect(first.activity).toMatchObject({
      lastCommitAt: '2026-11-16T09:00:00Z',
      openIssues: { count: 1 },
      lastPipeline: { status: 'success' },
      wikiPages: [
        { title: 'Installation', url: `${gitlab.url}/reseau/cpam-69/activite/-/wikis/installation` },
      ],
    });
    const commitsOf = () =>
      gitlab.requests.find((r) => r.path === `/projects/${project.id}/repository/commits`);
    const firstSince = commitsOf()?.query.get('since');
    expect(firstSince).toBe('2026-09-07T10:00:00.000Z');

    // Within ten minutes nothing is fetched again; later, only what came after the cursor.
    project.commits.push(commit('a3', '2026-11-29T09:00:00Z'));
    gitlab.requests.length = 0;
    await sync();
    expect(
      gitlab.requests.filter((r) => r.path.includes('/activite') || r.path.includes(`/${project.id}`)),
    ).toEqual([]);
    clock = new Date('2026-11-30T10:30:00Z');
    await sync();
    expect(commitsOf()?.query.get('since')).toBe('2026-11-16T09:00:00.000Z');
    const second = (await p.agent.get(url)).json();
    expect(second.activity.lastCommits.map((c: { sha: string }) => c.sha)).toEqual(['a3', 'a2', 'a1']);

    clock = new Date('2026-12-01T08:00:00Z');
    gitlab.fail('/projects/reseau/cpam-69/activite', 503, 3);
    await sync();
    const down = await p.agent.get(url);
    expect(down.statusCode).toBe(200);
    expect(down.json()).toMatchObject({
      state: 'stale',
      fetchedAt: '2026-11-30T10:30:00.000Z',
      lastError: 'GitLab ne répond pas correctement (erreur 503) après 3 tentatives : réessayez plus tard.',
    });
    expect(down.json().activity.lastCommits).toHaveLength(3);

    const status = (await p.ddsi.get('/api/admin/integrations')).json();
    const forge = status.items.find((i: { system: string }) => i.system === 'gitlab');
    expect(forge).toMatchObject({ configured: true, url: gitlab.url });
    expect(forge.errors).toContainEqual(
      expect.objectContaining({ subject: 'reseau/cpam-69/activite', at: '2026-12-01T08:00:00.000Z' }),
    );
    expect((await p.agent.get('/api/admin/integrations')).statusCode).toBe(403);
  });

  it('says a sheet without a forge address on this GitLab is not linked, and 404s an unknown sheet in French', async () => {
    const sheet = await createSheet(p.developer, p.rhone, {
      name: 'Sans forge',
      forgeUrl: 'https://ailleurs.example/x/y',
    });
    expect((await p.agent.get(`/api/applications/${sheet.id}/forge-activity`)).json()).toMatchObject({
      state: 'notLinked',
    });
    const missing = await p.agent.get(
      '/api/applications/00000000-0000-4000-8000-000000000000/forge-activity',
    );
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toBe('Cette fiche est introuvable.');
  });
});
