import type { StarterKitDto } from '../../../common/schemas/forge.ts';
import { compareVersions, type FetchedPackage } from '../../integrations/composer.ts';
import type { FetchedBuilds } from '../../integrations/jenkins.ts';
import type { StoredForgeActivity } from './forge-activity.ts';
import type { StoredLock } from './packages.service.ts';

/**
 * What the catalogue's forge facets and the activity panels say of one forge project, from what the syncs
 * stored: the last build failed, the starter kit is behind, nothing moved for six months. Pure: the
 * refresh (forge-signals.service.ts) and the panels both compute it here, so they cannot disagree.
 */

/** The Composer package of the network's PHP starter kit (SK PHP). */
export const STARTER_KIT_PACKAGE = 'cnam/sk-php';
/** A project with no commit, release, pipeline or build for this long is inactive (six months). */
export const INACTIVE_AFTER_MS = 183 * 24 * 3600_000;

export interface ForgeSignalSources {
  activity: StoredForgeActivity | null;
  builds: FetchedBuilds | null;
  lock: StoredLock | null;
  /** The starter-kit version declared on the sheet (its technologies), when it has one. */
  declaredStarterKit: string | null;
  starterKit: FetchedPackage | null;
}

export interface ForgeSignals {
  buildFailing: boolean;
  starterKit: StarterKitDto | null;
  lastActivityAt: string | null;
  inactive: boolean;
}

/** The dotted numbers of a version (`v3.1.4` → [3, 1, 4]). */
const partsOf = (version: string) => version.replace(/^v/i, '').split(/[.-]/);

/**
 * Where a version used stands against the tagged ones: the newest, and how many are newer. A version
 * declared on a sheet says less (`3.1`): the tags are compared at its precision, so v3.1.4 is not newer
 * than a declared 3.1.
 */
export function starterKitStatus(
  used: string,
  source: 'lock' | 'declared',
  pkg: FetchedPackage | null,
): StarterKitDto {
  const current = pkg?.versions[0]?.version ?? null;
  const precision = partsOf(used).length;
  const atPrecision = (version: string) =>
    source === 'declared' ? partsOf(version).slice(0, precision).join('.') : version;
  const behind = pkg
    ? pkg.versions.filter((v) => compareVersions(atPrecision(v.version), used) > 0).length
    : null;
  return { used, source, current, behind };
}

/** The latest date among the project's commits, release, pipeline, forge activity and builds. */
function lastActivity(activity: StoredForgeActivity | null, builds: FetchedBuilds | null) {
  const dates = [
    activity?.lastActivityAt,
    activity?.commits[0]?.date,
    activity?.lastRelease?.date,
    activity?.lastPipeline?.date,
    builds?.builds[0]?.startedAt,
  ].filter((d): d is string => typeof d === 'string' && !Number.isNaN(Date.parse(d)));
  return dates.length > 0 ? new Date(Math.max(...dates.map((d) => Date.parse(d)))) : null;
}

export function forgeSignals(sources: ForgeSignalSources, now: Date): ForgeSignals {
  const lastBuild = sources.builds?.builds.find((b) => !b.building) ?? null;
  const locked = sources.lock?.requires[STARTER_KIT_PACKAGE];
  const starterKit = locked
    ? starterKitStatus(locked, 'lock', sources.starterKit)
    : sources.declaredStarterKit
      ? starterKitStatus(sources.declaredStarterKit, 'declared', sources.starterKit)
      : null;
  const last = lastActivity(sources.activity, sources.builds);
  return {
    buildFailing: lastBuild?.result === 'FAILURE',
    starterKit,
    lastActivityAt: last?.toISOString() ?? null,
    inactive: last !== null && now.getTime() - last.getTime() > INACTIVE_AFTER_MS,
  };
}
