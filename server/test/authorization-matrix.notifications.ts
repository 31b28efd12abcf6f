import type { Role } from '../../common/roles.ts';
import type { Database } from '../db/client.ts';
import { outboxMessages } from '../db/schema.ts';
import type { Fixtures, RouteCase } from './authorization-matrix.table.ts';

/** Rows the notification and job cells need, one per cell. */
export function notificationFixtures(db: Database) {
  return {
    /** A job that used up its attempts, for the retry route. */
    async failedJob() {
      const [row] = await db
        .insert(outboxMessages)
        .values({ topic: 'matrix.none', payload: {}, attempts: 8, failedAt: new Date() })
        .returning({ id: outboxMessages.id });
      return row?.id as number;
    },
  };
}
export type NotificationFixtures = ReturnType<typeof notificationFixtures>;

const only =
  (allowed: Role[], status: number) =>
  (role: Role): number =>
    allowed.includes(role) ? status : 403;

export const NOTIFICATION_MATRIX: Record<string, RouteCase> = {
  'GET /api/admin/jobs': {
    request: () => ({ url: '/api/admin/jobs?state=failed' }),
    expected: only(['admin'], 200),
    anonymous: 401,
  },
  'POST /api/admin/jobs/:id/retry': {
    request: async (_cell, f: Fixtures) => ({
      url: `/api/admin/jobs/${await f.notifications.failedJob()}/retry`,
    }),
    expected: only(['admin'], 200),
    anonymous: 401,
  },
};
