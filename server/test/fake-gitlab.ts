import { createServer, type IncomingMessage, type Server } from 'node:http';

/**
 * A GitLab REST v4 that runs in the test process, answering as GitLab's API documentation describes:
 * `PRIVATE-TOKEN` (401 without the right one, `{"message":"401 Unauthorized"}`), projects by id or by
 * URL-encoded path, offset pagination with `X-Page`, `X-Per-Page`, `X-Next-Page` (empty on the last page),
 * `X-Total` and a `Link` header, rate-limit headers (`RateLimit-Remaining`, `RateLimit-Reset`,
 * `Retry-After` on 429), and the creation of a project from a custom template. Tests script failures.
 */
export interface FakeCommit {
  id: string;
  title: string;
  author_name: string;
  committed_date: string;
}
export interface FakeProject {
  id: number;
  path_with_namespace: string;
  commits: FakeCommit[];
  issues: { title: string; updated_at: string }[];
  mergeRequests: { title: string; updated_at: string }[];
  releases: { tag_name: string; name: string; released_at: string }[];
  pipelines: { status: string; ref: string; updated_at: string }[];
  wiki: { slug: string; title: string }[] | null;
  members: { user_id: number; access_level: number }[];
  /** Files of the default branch, by path (composer.lock). */
  files: Record<string, string>;
}
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface FakeGitLab {
  url: string;
  token: string;
  requests: RecordedRequest[];
  groups: Map<string, number>;
  users: Map<string, number>;
  projects: FakeProject[];
  /** The next `count` requests matching `path` (a substring) answer `status` (with headers). */
  fail(path: string, status: number, count?: number, headers?: Record<string, string>): void;
  addProject(pathWithNamespace: string, project?: Partial<FakeProject>): FakeProject;
  close(): Promise<void>;
}

export async function startFakeGitLab(token = 'glpat-test-token'): Promise<FakeGitLab> {
  const requests: RecordedRequest[] = [];
  const groups = new Map<string, number>([['reseau/cpam-67', 67]]);
  const users = new Map<string, number>([['jean.dupont', 11]]);
  const projects: FakeProject[] = [];
  const failures: { path: string; status: number; count: number; headers: Record<string, string> }[] = [];
  let nextId = 1000;
  let url = '';

  const addProject = (pathWithNamespace: string, project: Partial<FakeProject> = {}) => {
    const row: FakeProject = {
      id: nextId++,
      path_with_namespace: pathWithNamespace,
      commits: [],
      issues: [],
      mergeRequests: [],
      releases: [],
      pipelines: [],
      wiki: [],
      members: [],
      files: {},
      ...project,
    };
    projects.push(row);
    return row;
  };
  const webUrl = (p: FakeProject) => `${url}/${p.path_with_namespace}`;

  const server: Server = createServer(async (request, response) => {
    const address = new URL(request.url ?? '/', 'http://localhost');
    const body = await readBody(request);
    const path = decodeURIComponent(address.pathname.replace(/^\/api\/v4/, ''));
    requests.push({ method: request.method ?? 'GET', path, query: address.searchParams, body });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, {
        'content-type': 'application/json',
        'ratelimit-limit': '600',
        'ratelimit-remaining': '599',
        ...headers,
      });
      response.end(JSON.stringify(payload));
    };
    if (request.headers['private-token'] !== token) return send(401, { message: '401 Unauthorized' });
    const failure = failures.find((f) => path.includes(f.path) && f.count > 0);
    if (failure) {
      failure.count--;
      return send(failure.status, { message: `${failure.status} scripted` }, failure.headers);
    }
    const list = (rows: unknown[]) => {
      const perPage = Number(address.searchParams.get('per_page') ?? 20);
      const page = Number(address.searchParams.get('page') ?? 1);
      const pages = Math.max(1, Math.ceil(rows.length / perPage));
      const next = page < pages ? String(page + 1) : '';
      const link = (p: number, rel: string) => {
        const target = new URL(address.toString().replace('http://localhost', url));
        target.searchParams.set('page', String(p));
        return `<${target}>; rel="${rel}"`;
      };
      send(200, rows.slice((page - 1) * perPage, page * perPage), {
        'x-page': String(page),
        'x-per-page': String(perPage),
        'x-next-page': next,
        'x-prev-page': page > 1 ? String(page - 1) : '',
        'x-total': String(rows.length),
        'x-total-pages': String(pages),
        link: [...(next ? [link(page + 1, 'next')] : []), link(1, 'first'), link(pages, 'last')].join(', '),
      });
    };

    const group = /^\/groups\/(.+)$/.exec(path);
    if (request.method === 'GET' && group) {
      const id = groups.get(group[1] ?? '');
      return id ? send(200, { id, full_path: group[1] }) : send(404, { message: '404 Group Not Found' });
    }
    if (request.method === 'GET' && path === '/users') {
      const username = address.searchParams.get('username') ?? '';
      const id = users.get(username);
      return send(200, id ? [{ id, username, name: username, state: 'active' }] : []);
    }
    if (request.method === 'POST' && path === '/projects') {
      const input = body as Record<string, unknown>;
      const namespace = [...groups].find(([, id]) => id === input.namespace_id)?.[0];
      if (!namespace) return send(404, { message: '404 Namespace Not Found' });
      const full = `${namespace}/${String(input.path)}`;
      if (projects.some((p) => p.path_with_namespace === full))
        return send(400, { message: { path: ['has already been taken'] } });
      // A project made from a custom template starts with the template's history.
      const template = input.use_custom_template
        ? projects.find((p) => p.id === input.template_project_id)
        : undefined;
      const created = addProject(full, { commits: [...(template?.commits ?? [])] });
      return send(201, {
        id: created.id,
        name: input.name,
        path: input.path,
        path_with_namespace: full,
        web_url: webUrl(created),
        default_branch: input.default_branch,
        visibility: input.visibility,
      });
    }
    const file = /^\/projects\/(.+?)\/repository\/files\/(.+)\/raw$/.exec(path);
    if (request.method === 'GET' && file) {
      const owner = projects.find((p) => String(p.id) === file[1] || p.path_with_namespace === file[1]);
      if (!owner) return send(404, { message: '404 Project Not Found' });
      const content = owner.files[file[2] ?? ''];
      if (content === undefined) return send(404, { message: '404 File Not Found' });
      response.writeHead(200, {
        'content-type': 'text/plain; charset=utf-8',
        'x-gitlab-file-path': file[2] ?? '',
      });
      return response.end(content);
    }
    const match =
      /^\/projects\/([^/]+|.+?)(\/(repository\/commits|merge_requests|issues|releases|pipelines|wikis|members))?$/.exec(
        path,
      );
    const project = match
      ? projects.find((p) => String(p.id) === match[1] || p.path_with_namespace === match[1])
      : undefined;
    if (!match || !project) return send(404, { message: '404 Project Not Found' });
    const author = { name: 'Jean Dupont', username: 'jean.dupont' };
    switch (match[3]) {
      case undefined:
        return send(200, {
          id: project.id,
          path_with_namespace: project.path_with_namespace,
          web_url: webUrl(project),
          last_activity_at:
            project.commits
              .map((c) => c.committed_date)
              .sort()
              .at(-1) ?? null,
        });
      case 'repository/commits': {
        const since = address.searchParams.get('since');
        return list(
          project.commits
            .filter((c) => !since || c.committed_date >= since)
            .sort((a, b) => b.committed_date.localeCompare(a.committed_date))
            .map((c) => ({
              ...c,
              short_id: c.id.slice(0, 8),
              web_url: `${webUrl(project)}/-/commit/${c.id}`,
            })),
        );
      }
      case 'merge_requests':
      case 'issues': {
        const rows = match[3] === 'issues' ? project.issues : project.mergeRequests;
        return list(
          rows.map((r, i) => ({
            iid: i + 1,
            state: 'opened',
            author,
            web_url: `${webUrl(project)}/-/${match[3]}/${i + 1}`,
            ...r,
          })),
        );
      }
      case 'releases':
        return list(
          project.releases.map((r) => ({
            ...r,
            _links: { self: `${webUrl(project)}/-/releases/${r.tag_name}` },
          })),
        );
      case 'pipelines':
        return list(
          project.pipelines.map((p, i) => ({
            id: i + 1,
            web_url: `${webUrl(project)}/-/pipelines/${i + 1}`,
            created_at: p.updated_at,
            ...p,
          })),
        );
      case 'wikis':
        return project.wiki
          ? send(
              200,
              project.wiki.map((w) => ({ ...w, format: 'markdown' })),
            )
          : send(404, { message: '404 Not Found' });
      case 'members': {
        const input = body as { user_id: number; access_level: number };
        if (project.members.some((m) => m.user_id === input.user_id))
          return send(409, { message: 'Member already exists' });
        project.members.push(input);
        return send(201, { id: input.user_id, access_level: input.access_level });
      }
    }
    return send(404, { message: '404 Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    token,
    requests,
    groups,
    users,
    projects,
    fail: (path, status, count = 1, headers = {}) => failures.push({ path, status, count, headers }),
    addProject,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : null;
}
