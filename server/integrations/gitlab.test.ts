import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGitLab, startFakeGitLab } from '../test/fake-gitlab.ts';
import { refusal } from '../test/integration-refusal.ts';
import { createGitLabClient, type ForgeClient } from './gitlab.ts';

let gitlab: FakeGitLab;
let waits: number[];
let client: ForgeClient;
const NOW = Date.parse('2026-11-30T10:00:00Z');

beforeAll(async () => {
  gitlab = await startFakeGitLab();
  client = clientWith(gitlab.token);
});
afterAll(() => gitlab.close());

function clientWith(token: string) {
  waits = [];
  return createGitLabClient(
    { url: gitlab.url, token, templateProjectId: 42, templateGroupId: 7, rootGroup: 'reseau' },
    { sleep: async (ms) => void waits.push(ms), now: () => NOW },
  );
}

const commits = (n: number, from = Date.parse('2026-11-27T12:00:00Z')) =>
  Array.from({ length: n }, (_, i) => ({
    id: `sha${String(i).padStart(6, '0')}`,
    title: `Commit ${i}`,
    author_name: 'Jean Dupont',
    committed_date: new Date(from - i * 3600_000).toISOString(),
  }));

describe('GitLab REST v4 client, against a local server answering as the GitLab API documentation describes', () => {
  it('creates a project from the starter-kit template with the body POST /projects documents, then adds the team', async () => {
    gitlab.requests.length = 0;
    const created = await client.createProjectFromTemplate({
      name: 'Gestion des congés',
      path: 'gestion-conges',
      namespacePath: 'reseau/cpam-67',
      visibility: 'internal',
      description: 'Congés des agents',
      defaultBranch: 'main',
      members: [
        { username: 'jean.dupont', accessLevel: 40 },
        { username: 'inconnu', accessLevel: 30 },
      ],
    });
    const post = gitlab.requests.find((r) => r.method === 'POST' && r.path === '/projects');
    expect(post?.body).toEqual({
      name: 'Gestion des congés',
      path: 'gestion-conges',
      namespace_id: 67,
      visibility: 'internal',
      description: 'Congés des agents',
      default_branch: 'main',
      use_custom_template: true,
      template_project_id: 42,
      group_with_project_templates_id: 7,
    });
    expect(created).toMatchObject({
      pathWithNamespace: 'reseau/cpam-67/gestion-conges',
      webUrl: `${gitlab.url}/reseau/cpam-67/gestion-conges`,
      membersAdded: ['jean.dupont'],
      membersNotFound: ['inconnu'],
    });
    const project = gitlab.projects.find((p) => p.id === created.id);
    expect(project?.members).toEqual([{ user_id: 11, access_level: 40 }]);
  });

  it('reads commits over three pages by X-Next-Page, and counts open items from X-Total', async () => {
    gitlab.addProject('reseau/cpam-67/paginee', {
      commits: commits(250),
      issues: Array.from({ length: 7 }, (_, i) => ({
        title: `Ticket ${i}`,
        updated_at: '2026-11-20T08:00:00Z',
      })),
      mergeRequests: [{ title: 'Ajout du export', updated_at: '2026-11-25T08:00:00Z' }],
      releases: [{ tag_name: 'v1.4.0', name: 'Version 1.4', released_at: '2026-11-01T09:00:00Z' }],
      pipelines: [{ status: 'failed', ref: 'main', updated_at: '2026-11-28T09:00:00Z' }],
      wiki: null,
    });
    gitlab.requests.length = 0;
    const activity = await client.readActivity('reseau/cpam-67/paginee', new Date('2026-09-01T00:00:00Z'));
    const pages = gitlab.requests
      .filter((r) => r.path.endsWith('/repository/commits'))
      .map((r) => r.query.get('page'));
    expect(pages).toEqual(['1', '2', '3']);
    expect(activity.commits).toHaveLength(250);
    expect(new Set(activity.commits.map((c) => c.sha)).size).toBe(250);
    expect(activity.openIssues.count).toBe(7);
    expect(activity.openIssues.items).toHaveLength(5);
    expect(activity.openMergeRequests.count).toBe(1);
    expect(activity.lastRelease).toMatchObject({ tag: 'v1.4.0', date: '2026-11-01T09:00:00Z' });
    expect(activity.lastPipeline).toMatchObject({ status: 'failed', ref: 'main' });
    expect(activity.wikiPages).toEqual([]);
  });

  it('waits for Retry-After on a 429, then goes on', async () => {
    gitlab.addProject('reseau/cpam-67/limitee', { commits: commits(3) });
    gitlab.fail('/repository/commits', 429, 1, { 'retry-after': '7', 'ratelimit-remaining': '0' });
    const activity = await clientWith(gitlab.token).readActivity('reseau/cpam-67/limitee', new Date(0));
    expect(waits).toContain(7000);
    expect(activity.commits).toHaveLength(3);
  });

  it('waits for RateLimit-Reset when a 429 has no Retry-After', async () => {
    gitlab.fail('/repository/commits', 429, 1, {
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(NOW / 1000 + 12),
    });
    const activity = await clientWith(gitlab.token).readActivity('reseau/cpam-67/limitee', new Date(0));
    expect(waits).toContain(12_000);
    expect(activity.commits).toHaveLength(3);
  });

  it('reports in French a rate limit whose reset is too far to wait for', async () => {
    gitlab.fail('/repository/commits', 429, 1, { 'retry-after': '3600' });
    const error = await refusal(clientWith(gitlab.token).readActivity('reseau/cpam-67/limitee', new Date(0)));
    expect(error.kind).toBe('rateLimited');
    expect(error.detail).toBe(
      'GitLab limite le nombre de requêtes du portail : nouvel essai possible dans 3600 s.',
    );
  });

  it('retries a 5xx, and reports it in French after three attempts', async () => {
    gitlab.fail('/issues', 502, 1);
    const recovered = await clientWith(gitlab.token).readActivity('reseau/cpam-67/limitee', new Date(0));
    expect(recovered.commits).toHaveLength(3);
    expect(waits).toEqual([500]);

    gitlab.fail('/issues', 503, 3);
    const error = await refusal(clientWith(gitlab.token).readActivity('reseau/cpam-67/limitee', new Date(0)));
    expect(waits).toEqual([500, 1000]);
    expect(error).toMatchObject({ kind: 'unavailable', status: 503 });
    expect(error.detail).toBe(
      'GitLab ne répond pas correctement (erreur 503) après 3 tentatives : réessayez plus tard.',
    );
  });

  it('maps 401, 403 and 404 to French messages that say what to do', async () => {
    const unauthorized = await refusal(
      clientWith('mauvais-jeton').readActivity('reseau/cpam-67/limitee', new Date(0)),
    );
    expect(unauthorized.detail).toBe(
      'GitLab refuse le jeton du portail (401) : il est invalide ou a expiré. Un administrateur doit le renouveler.',
    );
    gitlab.fail('/projects/reseau/cpam-67/limitee', 403, 1);
    const forbidden = await refusal(client.readActivity('reseau/cpam-67/limitee', new Date(0)));
    expect(forbidden.detail).toBe(
      "GitLab refuse l'accès (403) : le compte du portail n'a pas les droits nécessaires sur le projet reseau/cpam-67/limitee.",
    );
    const missing = await refusal(client.readActivity('reseau/cpam-67/absent', new Date(0)));
    expect(missing.detail).toBe(
      "Le projet reseau/cpam-67/absent est introuvable sur GitLab (404) : vérifiez l'adresse ou le nom.",
    );
  });

  it('reports an unknown group as a 404 naming it', async () => {
    const error = await refusal(
      client.createProjectFromTemplate({
        name: 'X',
        path: 'x',
        namespacePath: 'reseau/cpam-99',
        visibility: 'private',
        description: '',
        defaultBranch: 'main',
        members: [],
      }),
    );
    expect(error.detail).toBe(
      "Le groupe reseau/cpam-99 est introuvable sur GitLab (404) : vérifiez l'adresse ou le nom.",
    );
  });
});
