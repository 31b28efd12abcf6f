import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { ForgeClient } from '../../integrations/gitlab.ts';
import { requireActor, type ServiceContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { findProjectSubject } from '../projects/projects.queries.ts';
import { projectNotFound } from '../projects/projects.service.ts';
import { forgeProjectPath, mergeActivity, type StoredForgeActivity, syncSince } from './forge-activity.ts';
import {
  findApplicationForgeUrl,
  findSnapshot,
  listForgeUrls,
  type SnapshotRow,
} from './integrations.queries.ts';
import { syncSubjects } from './snapshot-sync.ts';

/** What the activity panel of a sheet or a project is built from. */
export interface ForgePanelSource {
  configured: boolean;
  projectPath: string | null;
  snapshot: SnapshotRow | null;
}

async function panelSource(ctx: ServiceContext, gitlab: ForgeClient | null, url: string | null) {
  const projectPath = forgeProjectPath(url, gitlab?.url ?? null);
  return {
    configured: gitlab !== null,
    projectPath,
    snapshot: projectPath ? await findSnapshot(ctx.db, 'gitlab', projectPath) : null,
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
  return panelSource(ctx, gitlab, sheet.forgeUrl);
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
  if (!gitlab) return { fetched: 0, failed: 0, skipped: 0 };
  return syncSubjects({
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
}
