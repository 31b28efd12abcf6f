import type { Executor } from '../../db/client.ts';
import type { FetchedPackage } from '../../integrations/composer.ts';
import type { FetchedBuilds } from '../../integrations/jenkins.ts';
import { readable, type StoredForgeActivity, snapshotSubject } from './forge-activity.ts';
import { listSignalSheets, readSnapshotsAt, writeForgeSignals } from './forge-signals.queries.ts';
import { forgeSignals, STARTER_KIT_PACKAGE } from './forge-signals.ts';
import type { SnapshotRow } from './integrations.queries.ts';
import { LOCK_PREFIX, type StoredLock } from './packages.service.ts';

const bySubject = (rows: SnapshotRow[]) => new Map(rows.map((r) => [r.subject, r]));

/**
 * Derives every live sheet's forge signals from the snapshots and writes those that changed (the
 * catalogue index reads them as the « Forge et usine » facet). Run at the end of each sync, so that an
 * inactivity that only time brings is seen within a quarter of an hour.
 */
export async function refreshForgeSignals(db: Executor, gitlabUrl: string | null, now: Date) {
  const sheets = (await listSignalSheets(db)).map((sheet) => ({
    ...sheet,
    subject: snapshotSubject(sheet.forgeUrl, gitlabUrl),
  }));
  const paths = [...new Set(sheets.flatMap((s) => (s.subject ? [s.subject.path] : [])))];
  const [activities, builds, composer] = await Promise.all([
    readSnapshotsAt(db, 'gitlab', paths).then(bySubject),
    readSnapshotsAt(db, 'jenkins', paths).then(bySubject),
    readSnapshotsAt(db, 'composer', [STARTER_KIT_PACKAGE, ...paths.map((p) => `${LOCK_PREFIX}${p}`)]).then(
      bySubject,
    ),
  ]);
  const starterKit = (composer.get(STARTER_KIT_PACKAGE)?.data as FetchedPackage | null) ?? null;
  const rows = sheets.map((sheet) => {
    const at = (snapshots: Map<string, SnapshotRow>, key: string | undefined) =>
      key === undefined ? null : (readable(sheet.subject, snapshots.get(key))?.data ?? null);
    const signals = forgeSignals(
      {
        activity: at(activities, sheet.subject?.path) as StoredForgeActivity | null,
        builds: at(builds, sheet.subject?.path) as FetchedBuilds | null,
        lock: at(
          composer,
          sheet.subject ? `${LOCK_PREFIX}${sheet.subject.path}` : undefined,
        ) as StoredLock | null,
        declaredStarterKit: sheet.starterKit,
        starterKit,
      },
      now,
    );
    return {
      applicationId: sheet.id,
      buildFailing: signals.buildFailing,
      starterKitUsed: signals.starterKit?.used ?? null,
      starterKitSource: signals.starterKit?.source ?? null,
      starterKitCurrent: signals.starterKit?.current ?? null,
      starterKitBehind: signals.starterKit?.behind ?? null,
      inactive: signals.inactive,
    };
  });
  await writeForgeSignals(db, rows);
  return { sheets: rows.length };
}
