import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { IntegrationSystemCode } from '../../db/schema.ts';
import type { FetchedPackage } from '../../integrations/composer.ts';
import type { ForgeClient } from '../../integrations/gitlab.ts';
import type { FetchedBuilds } from '../../integrations/jenkins.ts';
import { requireActor, type ServiceContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { findProjectSubject } from '../projects/projects.queries.ts';
import { projectNotFound } from '../projects/projects.service.ts';
import {
  forgeProjectPath,
  mergeActivity,
  readable,
  type StoredForgeActivity,
  snapshotSubject,
  syncSince,
} from './forge-activity.ts';
import { refreshForgeSignals } from './forge-signals.service.ts';
import { type ForgeSignalSources, STARTER_KIT_PACKAGE } from './forge-signals.ts';
import {
  findApplicationForgeUrl,
  findSnapshot,
  listForgeUrls,
  type SnapshotRow,
} from './integrations.queries.ts';
import { LOCK_PREFIX, type StoredLock } from './packages.service.ts';
import { syncSubjects } from './snapshot-sync.ts';

/** What the activity panel of a sheet or a project is built from. */
export interface ForgePanelSource {
  configured: boolean;
  projectPath: string | null;
  snapshot: SnapshotRow | null;
  /** What the starter kit and inactivity are computed from, at the presenter's `now`. */
  signalSources: ForgeSignalSources;
  psramLevel: string | null;
}

async function panelSource(
  ctx: ServiceContext,
  gitlab: ForgeClient | null,
  url: string | null,
  declared: { starterKit?: string | null; psram?: string | null } = {},
): Promise<ForgePanelSource> {
  const subject = snapshotSubject(url, gitlab?.url ?? null);
  const at = async (system: IntegrationSystemCode, key: string) =>
    subject ? readable(subject, await findSnapshot(ctx.db, system, key)) : null;
  const snapshot = await at('gitlab', subject?.path ?? '');
  const signalSources: ForgeSignalSources = {
    activity: (snapshot?.data ?? null) as StoredForgeActivity | null,
    builds: ((await at('jenkins', subject?.path ?? ''))?.data ?? null) as FetchedBuilds | null,
    lock: ((await at('composer', `${LOCK_PREFIX}${subject?.path}`))?.data ?? null) as StoredLock | null,
    declaredStarterKit: declared.starterKit || null,
    starterKit: ((await findSnapshot(ctx.db, 'composer', STARTER_KIT_PACKAGE))?.data ??
      null) as FetchedPackage | null,
  };
  return {
    configured: gitlab !== null,
    // An address elsewhere than on the GitLab configured is linked only through its demonstration data.
    projectPath: subject && (!subject.demoOnly || snapshot) ? subject.path : null,
    snapshot,
    signalSources,
    psramLevel: declared.psram || null,
  };
}

/** A sheet's forge activity, as last fetched (never waits for GitLab). */
export async function getApplicationForgeActivity(
  ctx: ServiceContext,
  authorizer: Authorizer,
  gitlab: ForgeClient | null,
  id: string,
): Promise<ForgePanelSource> {
  authorizer.authorize(requireActor(ctx), 'application.read');
  const sheet = await findApplicationForgeUrl(ctx.db, id);
  if (!sheet) throw notFound('Cette fiche est');
  return panelSource(ctx, gitlab, sheet.forgeUrl, sheet.technologies);
}

/** A project's forge activity, as last fetched. */
export async function getProjectForgeActivity(
  ctx: ServiceContext,
  authorizer: Authorizer,
  gitlab: ForgeClient | null,
  id: string,
): Promise<ForgePanelSource> {
  authorizer.authorize(requireActor(ctx), 'project.read');
  const project = await findProjectSubject(ctx.db, id);
  if (!project) throw projectNotFound();
  return panelSource(ctx, gitlab, project.forgeUrl);
}

/**
 * The scheduled sync: every forge address of a sheet or a project on the configured GitLab, fetched
 * from the cursor of its last success (only the new commits), one at a time. A failure is recorded on
 * the subject and the run goes on: the pages keep showing the data of the last success.
 */
export async function syncForgeActivity(deps: {
  db: Database;
  log: FastifyBaseLogger;
  gitlab: ForgeClient | null;
  now: () => Date;
}) {
  const gitlab = deps.gitlab;
  if (!gitlab) {
    await refreshForgeSignals(deps.db, null, deps.now());
    return { fetched: 0, failed: 0, skipped: 0 };
  }
  const result = await syncSubjects({
    ...deps,
    system: 'gitlab',
    subjects: (await listForgeUrls(deps.db)).map((url) => forgeProjectPath(url, gitlab.url)),
    fetch: async (path, previous, now) => {
      const stored = (previous?.data as StoredForgeActivity | null) ?? null;
      const fetched = await gitlab.readActivity(
        path,
        syncSince(stored ? (previous?.cursor ?? null) : null, now),
      );
      return mergeActivity(stored, fetched, now);
    },
  });
  await refreshForgeSignals(deps.db, gitlab.url, deps.now());
  return result;
}
