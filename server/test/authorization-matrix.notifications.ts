import type { Role } from '../../common/roles.ts';
import type { Database } from '../db/client.ts';
import { outboxMessages } from '../db/schema.ts';
import { unsubscribeToken } from '../modules/notifications/unsubscribe.ts';
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
    /** The signed one-click unsubscribe link of an e-mail sent to this person. */
    unsubscribeToken: (userId: string) => unsubscribeToken(db, userId, 'comment.added'),
  };
}
export type NotificationFixtures = ReturnType<typeof notificationFixtures>;

const everyone = (status: number) => () => status;
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
  'GET /api/notifications': {
    request: () => ({ url: '/api/notifications?unread=true&kind=comment.added' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/notifications/read': {
    request: () => ({ url: '/api/notifications/read', body: { all: true } }),
    expected: everyone(200),
    anonymous: 401,
  },
  // The cell asks without Accept: text/event-stream, so an allowed caller gets 406 rather than a
  // stream that never ends (the live stream itself: notifications.stream.test.ts).
  'GET /api/notifications/stream': {
    request: () => ({ url: '/api/notifications/stream' }),
    expected: everyone(406),
    anonymous: 401,
  },
  // The link of an e-mail works without a session: whoever holds it stops that kind for its person.
  'POST /api/notifications/unsubscribe': {
    request: async ({ actor }, f) => ({
      url: `/api/notifications/unsubscribe?token=${await f.notifications.unsubscribeToken(actor.id)}`,
    }),
    expected: everyone(200),
    anonymous: 200,
  },
  'GET /api/people/mentions': {
    request: () => ({ url: '/api/people/mentions?q=a' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/me/notification-preferences': {
    request: () => ({ url: '/api/me/notification-preferences' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'PUT /api/me/notification-preferences': {
    request: () => ({
      url: '/api/me/notification-preferences',
      body: { items: [{ kind: 'comment.added', cadence: 'daily' }] },
    }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/me/follows': {
    request: () => ({ url: '/api/me/follows' }),
    expected: everyone(200),
    anonymous: 401,
  },
  ...Object.fromEntries(
    ['POST', 'DELETE'].flatMap((method) =>
      ['/api/follows', '/api/mutes'].map((url): [string, RouteCase] => [
        `${method} ${url}`,
        {
          request: ({ scope }, f) => ({
            url,
            body: { targetType: 'application', targetId: f.applicationId[scope] },
          }),
          expected: everyone(204),
          anonymous: 401,
        },
      ]),
    ),
  ),
};
