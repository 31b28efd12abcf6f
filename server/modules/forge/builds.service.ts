import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { Integrations } from '../../integrations/index.ts';
import { requireActor, type ServiceContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { forgeProjectPath, readable, snapshotSubject } from './forge-activity.ts';
import { refreshForgeSignals } from './forge-signals.service.ts';
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
  // A demo sheet's address is not on the GitLab configured: its demonstration builds are under its own path.
  const subject = snapshotSubject(sheet.forgeUrl, integrations.gitlab?.url ?? null);
  const snapshot = subject ? readable(subject, await findSnapshot(ctx.db, 'jenkins', subject.path)) : null;
  return {
    configured: integrations.jenkins !== null,
    jobPath: subject && (!subject.demoOnly || snapshot) ? subject.path : null,
    snapshot,
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
  const gitlabUrl = deps.integrations.gitlab?.url ?? null;
  if (!jenkins) {
    await refreshForgeSignals(deps.db, gitlabUrl, deps.now());
    return { fetched: 0, failed: 0, skipped: 0 };
  }
  const result = await syncSubjects({
    ...deps,
    system: 'jenkins',
    subjects: (await listForgeUrls(deps.db)).map((url) => jobPathOf(url, deps.integrations)),
    fetch: async (path) => {
      const data = await jenkins.readBuilds(path);
      return { data, cursor: data.builds[0] ? String(data.builds[0].number) : null };
    },
  });
  await refreshForgeSignals(deps.db, gitlabUrl, deps.now());
  return result;
}
