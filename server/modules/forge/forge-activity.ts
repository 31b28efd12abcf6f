import type { ForgeActivityDto } from '../../../common/schemas/forge.ts';
import type { FetchedActivity, ForgeItem } from '../../integrations/gitlab.ts';

/** The weeks a sheet's activity covers (the sparkline). */
export const ACTIVITY_WEEKS = 12;
const WEEK_MS = 7 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** What `integration_snapshots.data` holds for a GitLab project: the commits of the last 12 weeks, the rest as fetched. */
export interface StoredForgeActivity extends Omit<FetchedActivity, 'commits' | 'projectId'> {
  gitlabProjectId: number | null;
  /** The newest first, within the last 12 weeks. */
  commits: (ForgeItem & { sha: string })[];
}

/**
 * The project path of a forge address on the configured GitLab (`https://forge/reseau/cpam-67/conges` →
 * `reseau/cpam-67/conges`); without GitLab configured, the address's path (the demonstration data is
 * keyed that way). An address elsewhere, or without a path, has none.
 */
export function forgeProjectPath(url: string | null, gitlabUrl: string | null): string | null {
  if (!url) return null;
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return null;
  }
  let path = address.pathname;
  if (gitlabUrl) {
    const base = new URL(gitlabUrl);
    const basePath = base.pathname.replace(/\/$/, '');
    if (address.origin !== base.origin || !path.startsWith(`${basePath}/`)) return null;
    path = path.slice(basePath.length);
  }
  const cleaned = path
    .replace(/\/-\/.*$/, '')
    .replace(/\.git$/, '')
    .replace(/^\/+|\/+$/g, '');
  return cleaned.includes('/') ? cleaned : null;
}

/**
 * Where a forge address's snapshots are read: its path on the configured GitLab (what the syncs write);
 * for an address elsewhere, its own path, where only demonstration data is read (seedDemoForge keys it
 * so: the demo sheets' addresses are not on the GitLab a demo portal is configured with).
 */
export function snapshotSubject(
  url: string | null,
  gitlabUrl: string | null,
): { path: string; demoOnly: boolean } | null {
  const path = forgeProjectPath(url, gitlabUrl);
  if (path) return { path, demoOnly: false };
  const own = gitlabUrl ? forgeProjectPath(url, null) : null;
  return own ? { path: own, demoOnly: true } : null;
}

/** A snapshot read at a subject, or null when only demonstration data may be read there and it is not. */
export function readable<T extends { source: 'live' | 'demo' }>(
  subject: { demoOnly: boolean } | null,
  snapshot: T | null | undefined,
): T | null {
  if (!subject || !snapshot) return null;
  return !subject.demoOnly || snapshot.source === 'demo' ? snapshot : null;
}

/** A sync's result over the stored one: new commits added (once each), those older than 12 weeks dropped. */
export function mergeActivity(
  previous: StoredForgeActivity | null,
  fetched: FetchedActivity,
  now: Date,
): { data: StoredForgeActivity; cursor: string | null } {
  const oldest = now.getTime() - ACTIVITY_WEEKS * WEEK_MS;
  const bySha = new Map<string, StoredForgeActivity['commits'][number]>();
  for (const commit of [...fetched.commits, ...(previous?.commits ?? [])])
    if (!bySha.has(commit.sha) && Date.parse(commit.date) >= oldest) bySha.set(commit.sha, commit);
  const commits = [...bySha.values()].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
  const { commits: _fetched, projectId, ...rest } = fetched;
  return {
    data: { ...rest, gitlabProjectId: projectId, commits },
    cursor: commits[0]?.date ?? null,
  };
}

/** Where the next sync starts: after the newest commit kept, or 12 weeks back. */
export function syncSince(cursor: string | null, now: Date): Date {
  const back = new Date(now.getTime() - ACTIVITY_WEEKS * WEEK_MS);
  const at = cursor ? new Date(cursor) : null;
  return at && at > back ? at : back;
}

/** The Monday (UTC) of a date's week. */
function mondayOf(time: number): number {
  const day = new Date(time);
  const start = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  return start - ((new Date(start).getUTCDay() + 6) % 7) * DAY_MS;
}

/** The stored activity as the API shows it: commits counted per week over the 12 weeks to `now`. */
export function activityOf(stored: StoredForgeActivity, now: Date): ForgeActivityDto {
  const thisWeek = mondayOf(now.getTime());
  const weeks = Array.from({ length: ACTIVITY_WEEKS }, (_, i) => ({
    start: new Date(thisWeek - (ACTIVITY_WEEKS - 1 - i) * WEEK_MS).toISOString().slice(0, 10),
    commits: 0,
  }));
  for (const commit of stored.commits) {
    const index = ACTIVITY_WEEKS - 1 - Math.round((thisWeek - mondayOf(Date.parse(commit.date))) / WEEK_MS);
    const week = weeks[index];
    if (week) week.commits++;
  }
  return {
    webUrl: stored.webUrl,
    projectPath: stored.pathWithNamespace,
    weeks,
    lastCommits: stored.commits.slice(0, 5),
    lastCommitAt: stored.commits[0]?.date ?? null,
    openMergeRequests: stored.openMergeRequests,
    openIssues: stored.openIssues,
    lastRelease: stored.lastRelease,
    lastPipeline: stored.lastPipeline,
    wikiPages: stored.wikiPages,
  };
}
