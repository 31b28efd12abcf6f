import type { GitLabSettings } from '../config.ts';
import {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  IntegrationError,
  linkTarget,
} from './http.ts';

/**
 * The forge as the portal uses it (GitLab REST v4): create a project from the starter-kit template and
 * read a project's activity. Plain fetch rather than a generated client: seven endpoints, and the
 * pagination, rate limits and French refusals are ours to control (docs/architecture.md).
 */
export interface ForgeClient {
  readonly url: string;
  /** The group under which each office has its subgroup. */
  readonly rootGroup: string;
  createProjectFromTemplate(input: NewForgeProject): Promise<CreatedForgeProject>;
  /** Commits after `since` (the cursor of the last sync), and the rest as it stands now. */
  readActivity(projectPath: string, since: Date): Promise<FetchedActivity>;
  /** A JSON file of the default branch (composer.lock); null when the project has none. */
  readJsonFile(projectPath: string, filePath: string): Promise<unknown>;
}

export interface NewForgeProject {
  name: string;
  path: string;
  /** The group, by its full path (reseau/cpam-67). */
  namespacePath: string;
  visibility: 'private' | 'internal' | 'public';
  description: string;
  defaultBranch: string;
  members: { username: string; accessLevel: 30 | 40 }[];
}

export interface CreatedForgeProject {
  id: number;
  webUrl: string;
  pathWithNamespace: string;
  membersAdded: string[];
  membersNotFound: string[];
}

export interface ForgeItem {
  title: string;
  url: string;
  author: string;
  date: string;
}

export interface FetchedActivity {
  projectId: number;
  webUrl: string;
  pathWithNamespace: string;
  commits: (ForgeItem & { sha: string })[];
  openMergeRequests: { count: number; items: ForgeItem[] };
  openIssues: { count: number; items: ForgeItem[] };
  lastRelease: { tag: string; name: string; date: string; url: string } | null;
  lastPipeline: { status: string; ref: string; date: string; url: string } | null;
  wikiPages: { title: string; url: string }[];
  /** GitLab's `last_activity_at` of the project (any push, issue, merge request…); older data has none. */
  lastActivityAt?: string | null;
}

/** GitLab's largest page; the commits of one sync stop after this many pages (20 × 100). */
const PER_PAGE = 100;
const MAX_PAGES = 20;

interface GitLabCommit {
  id: string;
  title: string;
  author_name: string;
  committed_date: string;
  web_url: string;
}
interface GitLabIssue {
  title: string;
  web_url: string;
  author?: { name?: string };
  updated_at: string;
}

export function createGitLabClient(
  settings: GitLabSettings,
  http: Partial<HttpClientOptions> = {},
): ForgeClient {
  const client = createHttpClient({
    system: 'GitLab',
    baseUrl: `${settings.url}/api/v4`,
    headers: { 'PRIVATE-TOKEN': settings.token },
    ...http,
  });
  const project = (path: string | number) => `/projects/${encodeURIComponent(String(path))}`;

  return {
    url: settings.url,
    rootGroup: settings.rootGroup,
    async createProjectFromTemplate(input) {
      const group = await client.request<{ id: number }>(
        'GET',
        `/groups/${encodeURIComponent(input.namespacePath)}`,
        {
          subject: `le groupe ${input.namespacePath}`,
        },
      );
      const created = await client.request<{ id: number; web_url: string; path_with_namespace: string }>(
        'POST',
        '/projects',
        {
          body: {
            name: input.name,
            path: input.path,
            namespace_id: group.body.id,
            visibility: input.visibility,
            description: input.description,
            default_branch: input.defaultBranch,
            use_custom_template: true,
            template_project_id: settings.templateProjectId,
            ...(settings.templateGroupId
              ? { group_with_project_templates_id: settings.templateGroupId }
              : {}),
          },
          subject: 'le modèle de projet (starter kit)',
        },
      );
      const membersAdded: string[] = [];
      const membersNotFound: string[] = [];
      for (const member of input.members) {
        const users = await client.request<{ id: number; username: string }[]>('GET', '/users', {
          query: { username: member.username },
        });
        const user = users.body[0];
        if (!user) {
          membersNotFound.push(member.username);
          continue;
        }
        await addMember(client, `${project(created.body.id)}/members`, user.id, member.accessLevel);
        membersAdded.push(member.username);
      }
      return {
        id: created.body.id,
        webUrl: created.body.web_url,
        pathWithNamespace: created.body.path_with_namespace,
        membersAdded,
        membersNotFound,
      };
    },

    async readActivity(projectPath, since) {
      const found = await client.request<{
        id: number;
        web_url: string;
        path_with_namespace: string;
        last_activity_at?: string;
      }>('GET', project(projectPath), { subject: `le projet ${projectPath}` });
      const base = project(found.body.id);
      const commits = await paginate<GitLabCommit>(client, `${base}/repository/commits`, {
        since: since.toISOString(),
      });
      const mergeRequests = await counted<GitLabIssue>(client, `${base}/merge_requests`);
      const issues = await counted<GitLabIssue>(client, `${base}/issues`);
      const releases = await client.request<
        { tag_name: string; name: string; released_at: string; _links?: { self?: string } }[]
      >('GET', `${base}/releases`, { query: { per_page: 1, order_by: 'released_at', sort: 'desc' } });
      const pipelines = await client.request<
        { status: string; ref: string; updated_at?: string; created_at: string; web_url: string }[]
      >('GET', `${base}/pipelines`, { query: { per_page: 1, order_by: 'id', sort: 'desc' } });
      const wiki = await client
        .request<{ slug: string; title: string }[]>('GET', `${base}/wikis`)
        .catch((error: unknown) => {
          // A project whose wiki is disabled answers 403 or 404: no pages.
          if (error instanceof IntegrationError && (error.kind === 'notFound' || error.kind === 'forbidden'))
            return { body: [] as { slug: string; title: string }[] };
          throw error;
        });
      const release = releases.body[0];
      const pipeline = pipelines.body[0];
      return {
        projectId: found.body.id,
        webUrl: found.body.web_url,
        pathWithNamespace: found.body.path_with_namespace,
        lastActivityAt: found.body.last_activity_at ?? null,
        commits: commits.map((c) => ({
          sha: c.id,
          title: c.title,
          author: c.author_name,
          date: c.committed_date,
          url: c.web_url,
        })),
        openMergeRequests: mergeRequests,
        openIssues: issues,
        lastRelease: release
          ? {
              tag: release.tag_name,
              name: release.name,
              date: release.released_at,
              url:
                release._links?.self ??
                `${found.body.web_url}/-/releases/${encodeURIComponent(release.tag_name)}`,
            }
          : null,
        lastPipeline: pipeline
          ? {
              status: pipeline.status,
              ref: pipeline.ref,
              date: pipeline.updated_at ?? pipeline.created_at,
              url: pipeline.web_url,
            }
          : null,
        wikiPages: wiki.body.map((page) => ({
          title: page.title,
          url: `${found.body.web_url}/-/wikis/${page.slug}`,
        })),
      };
    },

    readJsonFile: (projectPath, filePath) => readJsonFile(client, projectPath, filePath),
  };
}

/** The raw file (`GET /projects/:id/repository/files/:file_path/raw`, the default branch's HEAD). */
async function readJsonFile(client: HttpClient, projectPath: string, filePath: string) {
  try {
    const file = await client.request<unknown>(
      'GET',
      `/projects/${encodeURIComponent(projectPath)}/repository/files/${encodeURIComponent(filePath)}/raw`,
      { subject: `le projet ${projectPath}` },
    );
    return file.body;
  } catch (error) {
    // GitLab answers « 404 File Not Found » for a project without the file.
    if (error instanceof IntegrationError && error.kind === 'notFound') return null;
    throw error;
  }
}

/** A member already there (409) is fine: the team is what was asked. */
async function addMember(client: HttpClient, path: string, userId: number, accessLevel: number) {
  try {
    await client.request('POST', path, { body: { user_id: userId, access_level: accessLevel } });
  } catch (error) {
    if (!(error instanceof IntegrationError && error.status === 409)) throw error;
  }
}

/**
 * Every page of a list: `X-Next-Page` (empty on the last page), else the `Link` header's `rel="next"`
 * (GitLab leaves out `X-Total` and `X-Total-Pages` above 10,000 rows, so neither is relied on).
 */
export async function paginate<T>(
  client: HttpClient,
  path: string,
  query: Record<string, string | number>,
): Promise<T[]> {
  const rows: T[] = [];
  let page: string | null = '1';
  for (let n = 0; page && n < MAX_PAGES; n++) {
    const response: Awaited<ReturnType<typeof client.request<T[]>>> = await client.request<T[]>('GET', path, {
      query: { ...query, per_page: PER_PAGE, page },
    });
    rows.push(...response.body);
    const next = response.headers.get('x-next-page');
    const link = next ? null : linkTarget(response.headers, 'next');
    page = next || (link ? new URL(link).searchParams.get('page') : null);
  }
  return rows;
}

/** The open items of a list: the total from `X-Total` (or the page when it is missing), the five latest. */
async function counted<T extends GitLabIssue>(client: HttpClient, path: string) {
  const response = await client.request<T[]>('GET', path, {
    query: { state: 'opened', per_page: 5, order_by: 'updated_at', sort: 'desc' },
  });
  const total = Number(response.headers.get('x-total'));
  return {
    count: Number.isFinite(total) && response.headers.has('x-total') ? total : response.body.length,
    items: response.body.map((item) => ({
      title: item.title,
      url: item.web_url,
      author: item.author?.name ?? '',
      date: item.updated_at,
    })),
  };
}
