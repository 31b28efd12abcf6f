import type { BuildHealthPanelDto, ForgeActivityPanelDto } from '../../../common/schemas/forge.ts';
import type { FetchedBuilds } from '../../integrations/jenkins.ts';
import type { BuildPanelSource } from './builds.service.ts';
import type { ForgePanelSource } from './forge-activity.service.ts';
import { activityOf, type StoredForgeActivity } from './forge-activity.ts';
import { forgeSignals } from './forge-signals.ts';
import type { SnapshotRow } from './integrations.queries.ts';

type PanelState = ForgeActivityPanelDto['state'];

/**
 * Where a panel stands, whatever the system: no subject (`notLinked`), no system and no demonstration data
 * (`notConfigured`), never fetched (`pending`), fetched (`fresh`), or the last attempt failed since the
 * last success (`stale`: the data is the one of `fetchedAt`, the error is said).
 */
function snapshotState(configured: boolean, subject: string | null, snapshot: SnapshotRow | null) {
  const demo = snapshot?.source === 'demo';
  const none = { fetchedAt: null, lastError: null, demo: false, data: null };
  if (!subject) return { state: 'notLinked' as PanelState, ...none };
  if (!configured && !demo) return { state: 'notConfigured' as PanelState, ...none };
  if (!snapshot?.fetchedAt || !snapshot.data)
    return { state: 'pending' as PanelState, ...none, lastError: snapshot?.lastError ?? null };
  const failedSince =
    snapshot.lastError !== null && (snapshot.attemptedAt?.getTime() ?? 0) >= snapshot.fetchedAt.getTime();
  return {
    state: (failedSince ? 'stale' : 'fresh') as PanelState,
    fetchedAt: snapshot.fetchedAt.toISOString(),
    lastError: failedSince ? snapshot.lastError : null,
    demo,
    data: snapshot.data,
  };
}

/** The activity panel: what was fetched, when, and whether the last attempt failed (then the data is older). */
export function presentForgePanel(source: ForgePanelSource, now: Date): ForgeActivityPanelDto {
  const at = snapshotState(source.configured, source.projectPath, source.snapshot);
  const signals = forgeSignals(source.signalSources, now);
  return {
    configured: source.configured,
    state: at.state,
    source: at.data ? (at.demo ? 'demo' : 'gitlab') : null,
    projectPath: source.projectPath,
    fetchedAt: at.fetchedAt,
    lastError: at.lastError,
    activity: at.data ? activityOf(at.data as StoredForgeActivity, now) : null,
    starterKit: signals.starterKit,
    psramLevel: source.psramLevel,
    inactive: signals.inactive,
  };
}

const STATUS_BY_RESULT: Record<string, 'passing' | 'unstable' | 'failing'> = {
  SUCCESS: 'passing',
  UNSTABLE: 'unstable',
  FAILURE: 'failing',
};

/** The build health panel: the last finished build decides; one running is said beside it. */
export function presentBuildPanel(source: BuildPanelSource): BuildHealthPanelDto {
  const at = snapshotState(source.configured, source.jobPath, source.snapshot);
  const fetched = at.data as FetchedBuilds | null;
  const lastBuild = fetched?.builds.find((b) => !b.building) ?? null;
  return {
    configured: source.configured,
    state: at.state,
    source: fetched ? (at.demo ? 'demo' : 'jenkins') : null,
    jobPath: source.jobPath,
    fetchedAt: at.fetchedAt,
    lastError: at.lastError,
    health: fetched
      ? {
          jobUrl: fetched.jobUrl,
          status: lastBuild ? (STATUS_BY_RESULT[lastBuild.result ?? ''] ?? 'none') : 'none',
          building: fetched.builds.some((b) => b.building),
          lastBuild,
          builds: fetched.builds.slice(0, 5),
          tests: fetched.tests,
        }
      : null,
  };
}
