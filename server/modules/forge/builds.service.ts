import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { Integrations } from '../../integrations/index.ts';
import { requireActor, type ServiceContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { forgeProjectPath } from './forge-activity.ts';
import {
  findApplicationForgeUrl,
  findSnapshot,
  listForgeUrls,
  type SnapshotRow,
} from './integrations.queries.ts';
import { syncSubjects } from './snapshot-sync.ts';

export interface BuildPanelSource {
  configured: boolean;
  jobPath: string | null;
  snapshot: SnapshotRow | null;
}

/** The job of a forge address: its project path on GitLab (or the address's path when GitLab is not configured). */
const jobPathOf = (url: string | null, integrations: Integrations) =>
  forgeProjectPath(url, integrations.gitlab?.url ?? null);

/** A sheet's build health, as last fetched (never waits for Jenkins). */
export async function getApplicationBuilds(
  ctx: ServiceContext,
  authorizer: Authorizer,
  integrations: Integrations,
  id: string,
): Promise<BuildPanelSource> {
  authorizer.authorize(requireActor(ctx), 'application.read');
  const sheet = await findApplicationForgeUrl(ctx.db, id);
  if (!sheet) throw notFound('Cette fiche est');
  const jobPath = jobPathOf(sheet.forgeUrl, integrations);
  return {
    configured: integrations.jenkins !== null,
    jobPath,
    snapshot: jobPath ? await findSnapshot(ctx.db, 'jenkins', jobPath) : null,
  };
}

/**
 * The scheduled sync of the software factory: the last builds of the job of every forge address (the
 * cursor is the last build number read).
 */
export async function syncBuilds(deps: {
  db: Database;
  log: FastifyBaseLogger;
  integrations: Integrations;
  now: () => Date;
}) {
  const jenkins = deps.integrations.jenkins;
  if (!jenkins) return { fetched: 0, failed: 0, skipped: 0 };
  return syncSubjects({
    ...deps,
    system: 'jenkins',
    subjects: (await listForgeUrls(deps.db)).map((url) => jobPathOf(url, deps.integrations)),
    fetch: async (path) => {
      const data = await jenkins.readBuilds(path);
      return { data, cursor: data.builds[0] ? String(data.builds[0].number) : null };
    },
  });
}
