import type { ForgeActivityPanelDto } from '../../../common/schemas/forge.ts';
import type { ForgePanelSource } from './forge-activity.service.ts';
import { activityOf, type StoredForgeActivity } from './forge-activity.ts';

/** The activity panel: what was fetched, when, and whether the last attempt failed (then the data is older). */
export function presentForgePanel(source: ForgePanelSource, now: Date): ForgeActivityPanelDto {
  const snapshot = source.snapshot;
  const demo = snapshot?.source === 'demo';
  const base = {
    configured: source.configured,
    source: snapshot?.fetchedAt ? (demo ? ('demo' as const) : ('gitlab' as const)) : null,
    projectPath: source.projectPath,
    fetchedAt: snapshot?.fetchedAt?.toISOString() ?? null,
    lastError: snapshot?.lastError ?? null,
    activity: null,
  };
  if (!source.projectPath) return { ...base, state: 'notLinked', source: null, fetchedAt: null };
  if (!source.configured && !demo) return { ...base, state: 'notConfigured', source: null, fetchedAt: null };
  if (!snapshot?.fetchedAt || !snapshot.data) return { ...base, state: 'pending' };
  const failedSince =
    snapshot.lastError !== null && (snapshot.attemptedAt?.getTime() ?? 0) >= snapshot.fetchedAt.getTime();
  return {
    ...base,
    lastError: failedSince ? snapshot.lastError : null,
    state: failedSince ? 'stale' : 'fresh',
    activity: activityOf(snapshot.data as StoredForgeActivity, now),
  };
}
