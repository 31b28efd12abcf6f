import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { IntegrationSystemCode } from '../../db/schema.ts';
import { IntegrationError } from '../../integrations/http.ts';
import {
  findSnapshot,
  recordSnapshotFailure,
  type SnapshotRow,
  saveSnapshot,
} from './integrations.queries.ts';

/** A snapshot younger than this is not fetched again (the sync jobs run every 15 minutes). */
export const SYNC_MIN_AGE_MS = 10 * 60_000;
/** Subjects one run fetches at most, so that a run stays short; the next run takes the rest. */
const SUBJECTS_PER_RUN = 200;
const NAMES: Record<IntegrationSystemCode, string> = {
  gitlab: 'GitLab',
  jenkins: 'Jenkins',
  composer: 'Composer',
};

/**
 * One run of a sync: each subject fetched in turn from its last live snapshot (`fetch` gets it, to start
 * from its cursor), one fetched less than 10 minutes ago skipped. A failure is recorded on the subject —
 * the data of the last success stays — and the run goes on.
 */
export async function syncSubjects(deps: {
  db: Database;
  log: FastifyBaseLogger;
  now: () => Date;
  system: IntegrationSystemCode;
  subjects: readonly (string | null)[];
  fetch: (
    subject: string,
    previous: SnapshotRow | null,
    now: Date,
  ) => Promise<{ data: unknown; cursor: string | null }>;
}) {
  const result = { fetched: 0, failed: 0, skipped: 0 };
  const subjects = [...new Set(deps.subjects)].filter((s): s is string => s !== null);
  for (const subject of subjects.slice(0, SUBJECTS_PER_RUN)) {
    const now = deps.now();
    const previous = await findSnapshot(deps.db, deps.system, subject);
    const live = previous?.source === 'live' ? previous : null;
    if (live?.fetchedAt && !live.lastError && now.getTime() - live.fetchedAt.getTime() < SYNC_MIN_AGE_MS) {
      result.skipped++;
      continue;
    }
    try {
      const fetched = await deps.fetch(subject, live, now);
      await saveSnapshot(deps.db, { system: deps.system, subject, source: 'live', ...fetched, at: now });
      result.fetched++;
    } catch (error) {
      result.failed++;
      const message =
        error instanceof IntegrationError
          ? error.detail
          : `Erreur inattendue pendant la lecture de ${NAMES[deps.system]}.`;
      if (!(error instanceof IntegrationError)) deps.log.error({ err: error, subject }, 'sync failed');
      await recordSnapshotFailure(deps.db, deps.system, subject, message, now);
    }
  }
  return result;
}
