import type { FastifyBaseLogger } from 'fastify';
import type { RetentionCategory } from '../../../common/retention.ts';
import type { Transaction } from '../../db/client.ts';
import { purgeDeactivatedAccounts } from '../privacy/privacy.service.ts';
import {
  purgeAuditDetails,
  purgeEndedSessions,
  purgeNotifications,
  purgeReadNotifications,
  purgeSignInEvents,
} from './retention.queries.ts';

/**
 * One purge of the retention job: the category its audit event names, the configured period it
 * applies (`config.retention[period]`, in days), and the function that removes or blanks, in the
 * transaction it is given, at most `limit` rows older than `cutoff` and answers how many it touched.
 */
export interface RetentionPurge {
  name: RetentionCategory;
  period: RetentionCategory;
  purge(db: Transaction, cutoff: Date, limit: number, log: FastifyBaseLogger): Promise<number>;
  /** Rows per transaction when the purge is heavier per row than the default batch allows. */
  batch?: number;
}

/**
 * The purges, in the order they run (read notifications before all notifications, so that each count
 * says what its own rule removed). To add one: a category in common/retention.ts, its variable in
 * server/config-retention.ts, a line here, a case in retention.test.ts and a row in
 * docs/rgpd/retention.md. Deactivated accounts are erased as an administrator erases one (pseudonymised
 * everywhere, server/modules/privacy/), a few per transaction: each erasure rewrites every name-bearing column.
 */
export const RETENTION_PURGES: readonly RetentionPurge[] = [
  { name: 'signInEvents', period: 'signInEvents', purge: purgeSignInEvents },
  { name: 'sessions', period: 'sessions', purge: purgeEndedSessions },
  { name: 'auditDetails', period: 'auditDetails', purge: purgeAuditDetails },
  { name: 'readNotifications', period: 'readNotifications', purge: purgeReadNotifications },
  { name: 'notifications', period: 'notifications', purge: purgeNotifications },
  {
    name: 'deactivatedAccounts',
    period: 'deactivatedAccounts',
    purge: purgeDeactivatedAccounts,
    batch: 10,
  },
];
