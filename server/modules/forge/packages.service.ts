import type { FastifyBaseLogger } from 'fastify';
import type { PackagesPageDto } from '../../../common/schemas/packages.ts';
import type { Database } from '../../db/client.ts';
import { compareVersions, type FetchedPackage } from '../../integrations/composer.ts';
import { IntegrationError } from '../../integrations/http.ts';
import type { Integrations } from '../../integrations/index.ts';
import { requireActor, type ServiceContext } from '../../lib/context.ts';
import type { Authorizer } from '../../lib/policy.ts';
import { forgeProjectPath, readable, snapshotSubject } from './forge-activity.ts';
import { refreshForgeSignals } from './forge-signals.service.ts';
import {
  listForgeUrls,
  listLinkedApplications,
  listSnapshots,
  recordSnapshotFailure,
  saveSnapshot,
} from './integrations.queries.ts';
import { syncSubjects } from './snapshot-sync.ts';

/**
 * The Composer snapshots: `packages.json` (the names the repository lists, and its errors), one per
 * package (`vendor/name`, cursor: its file's Last-Modified), one per forge project (`composer.lock:<path>`,
 * what its lock file requires, read through GitLab). A package name has no colon, so they never meet.
 */
export const INDEX_SUBJECT = 'packages.json';
export const LOCK_PREFIX = 'composer.lock:';

export interface StoredLock {
  /** False when the project has no composer.lock on its default branch. */
  found: boolean;
  /** Package → version locked (packages and packages-dev). */
  requires: Record<string, string>;
}

/** What a composer.lock requires: its `packages` and `packages-dev`, name → version. */
export function lockRequirements(lock: unknown): StoredLock {
  if (!lock || typeof lock !== 'object') return { found: false, requires: {} };
  const requires: Record<string, string> = {};
  const { packages, 'packages-dev': dev } = lock as { packages?: unknown; 'packages-dev'?: unknown };
  for (const list of [packages, dev])
    for (const entry of Array.isArray(list) ? list : []) {
      const { name, version } = (entry ?? {}) as { name?: unknown; version?: unknown };
      if (typeof name === 'string' && typeof version === 'string') requires[name] = version;
    }
  return { found: true, requires };
}

/**
 * The scheduled sync of the packages: the repository's list, each package read again only when its file
 * changed (304 keeps the stored one), then the composer.lock of every forge project. A failure of the
 * list is recorded on `packages.json`; the page keeps the packages of the last success.
 */
export async function syncPackages(deps: {
  db: Database;
  log: FastifyBaseLogger;
  integrations: Integrations;
  now: () => Date;
}) {
  const { composer, gitlab } = deps.integrations;
  const result = { fetched: 0, failed: 0, skipped: 0 };
  const add = (run: typeof result) => {
    result.fetched += run.fetched;
    result.failed += run.failed;
    result.skipped += run.skipped;
  };
  if (composer) {
    const at = deps.now();
    let names: string[] | null = null;
    try {
      names = await composer.listPackages();
    } catch (error) {
      if (!(error instanceof IntegrationError)) deps.log.error({ err: error }, 'packages sync failed');
      const detail =
        error instanceof IntegrationError
          ? error.detail
          : 'Erreur inattendue pendant la lecture de Composer.';
      await recordSnapshotFailure(deps.db, 'composer', INDEX_SUBJECT, detail, at);
      result.failed++;
    }
    if (names) {
      await saveSnapshot(deps.db, {
        system: 'composer',
        subject: INDEX_SUBJECT,
        source: 'live',
        data: { packages: names },
        cursor: null,
        at,
      });
      add(
        await syncSubjects({
          ...deps,
          system: 'composer',
          subjects: names,
          fetch: async (name, previous) => {
            const read = await composer.readPackage(name, previous?.data ? previous.cursor : null);
            if (read === 'unchanged') return { data: previous?.data, cursor: previous?.cursor ?? null };
            return { data: read, cursor: read.lastModified };
          },
        }),
      );
    }
  }
  if (gitlab)
    add(
      await syncSubjects({
        ...deps,
        system: 'composer',
        subjects: (await listForgeUrls(deps.db)).map((url) => {
          const path = forgeProjectPath(url, gitlab.url);
          return path ? `${LOCK_PREFIX}${path}` : null;
        }),
        fetch: async (subject) => ({
          data: lockRequirements(
            await gitlab.readJsonFile(subject.slice(LOCK_PREFIX.length), 'composer.lock'),
          ),
          cursor: null,
        }),
      }),
    );
  await refreshForgeSignals(deps.db, gitlab?.url ?? null, deps.now());
  return result;
}

/** The packages page: each listed package, its versions, and the sheets that lock it (behind or not). */
export async function getPackagesPage(
  ctx: ServiceContext,
  authorizer: Authorizer,
  integrations: Integrations,
): Promise<PackagesPageDto> {
  authorizer.authorize(requireActor(ctx), 'application.read');
  const snapshots = await listSnapshots(ctx.db, 'composer');
  const index = snapshots.find((s) => s.subject === INDEX_SUBJECT) ?? null;
  const listed = new Set((index?.data as { packages?: string[] } | null)?.packages ?? []);
  const locks = new Map(
    snapshots.filter((s) => s.subject.startsWith(LOCK_PREFIX) && s.data).map((s) => [s.subject, s]),
  );
  const sheets = (await listLinkedApplications(ctx.db)).map((sheet) => {
    // A demo sheet's address is not on the GitLab configured: its demonstration lock is under its own path.
    const subject = snapshotSubject(sheet.forgeUrl, integrations.gitlab?.url ?? null);
    const lock = readable(subject, subject ? locks.get(`${LOCK_PREFIX}${subject.path}`) : null);
    return { ...sheet, lock: (lock?.data ?? null) as StoredLock | null };
  });
  const packages = snapshots
    .filter((s) => listed.has(s.subject) && s.data)
    .map((s) => s.data as FetchedPackage)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((pkg) => {
      const latest = pkg.versions[0] ?? null;
      const users = sheets.flatMap((sheet) => {
        const version = sheet.lock?.requires[pkg.name];
        if (!version) return [];
        const behind = latest !== null && compareVersions(version, latest.version) < 0;
        return [{ applicationId: sheet.id, applicationName: sheet.name, version, behind }];
      });
      return {
        name: pkg.name,
        description: pkg.description,
        latest: latest?.version ?? null,
        licences: latest?.licences ?? [],
        versions: pkg.versions.slice(0, 10),
        users,
        behindCount: users.filter((u) => u.behind).length,
      };
    });
  const failedSince =
    index?.lastError != null && (index.attemptedAt?.getTime() ?? 0) >= (index.fetchedAt?.getTime() ?? 0);
  return {
    configured: integrations.composer !== null,
    source: index?.fetchedAt ? (index.source === 'demo' ? 'demo' : 'composer') : null,
    fetchedAt: index?.fetchedAt?.toISOString() ?? null,
    lastError: failedSince ? (index?.lastError ?? null) : null,
    packages,
  };
}
