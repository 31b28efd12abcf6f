import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { ForgeClient } from '../../integrations/gitlab.ts';
import { IntegrationError } from '../../integrations/http.ts';
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
  recordSnapshotFailure,
  type SnapshotRow,
  saveSnapshot,
} from './integrations.queries.ts';

/** A snapshot younger than this is not fetched again by the sync (the job runs every 15 minutes). */
export const FORGE_SYNC_MIN_AGE_MS = 10 * 60_000;
/** Subjects one run fetches at most, so that a run stays short; the next run takes the rest. */
const SUBJECTS_PER_RUN = 200;

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
  const result = { fetched: 0, failed: 0, skipped: 0 };
  const gitlab = deps.gitlab;
  if (!gitlab) return result;
  const paths = [
    ...new Set((await listForgeUrls(deps.db)).map((url) => forgeProjectPath(url, gitlab.url))),
  ].filter((path): path is string => path !== null);
  for (const path of paths.slice(0, SUBJECTS_PER_RUN)) {
    const now = deps.now();
    const previous = await findSnapshot(deps.db, 'gitlab', path);
    const fresh =
      previous?.source === 'live' &&
      previous.fetchedAt &&
      !previous.lastError &&
      now.getTime() - previous.fetchedAt.getTime() < FORGE_SYNC_MIN_AGE_MS;
    if (fresh) {
      result.skipped++;
      continue;
    }
    const stored = previous?.source === 'live' ? (previous.data as StoredForgeActivity | null) : null;
    try {
      const fetched = await gitlab.readActivity(
        path,
        syncSince(stored ? (previous?.cursor ?? null) : null, now),
      );
      const merged = mergeActivity(stored, fetched, now);
      await saveSnapshot(deps.db, {
        system: 'gitlab',
        subject: path,
        source: 'live',
        data: merged.data,
        cursor: merged.cursor,
        at: now,
      });
      result.fetched++;
    } catch (error) {
      result.failed++;
      const message =
        error instanceof IntegrationError ? error.detail : 'Erreur inattendue pendant la lecture de GitLab.';
      if (!(error instanceof IntegrationError)) deps.log.error({ err: error, path }, 'forge sync failed');
      await recordSnapshotFailure(deps.db, 'gitlab', path, message, now);
    }
  }
  return result;
}
