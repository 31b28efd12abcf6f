import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RETENTION_CATEGORIES,
  RETENTION_PURGED_ACTION,
  type RetentionCategory,
} from '../../../common/retention.ts';
import { auditEvents, loginAttempts, notifications, sessions, users } from '../../db/schema.ts';
import { tableFingerprints } from '../../db/table-fingerprints.ts';
import { jobDefinitions, RETENTION_CRON, RETENTION_JOB } from '../../jobs/jobs.ts';
import { createPgBossQueue } from '../../jobs/queue.ts';
import { createAuthorizer } from '../../lib/policy.ts';
import { selectRows } from '../../lib/rows.ts';
import { createTestContext, createUser, type TestContext } from '../../test/harness.ts';
import { RETENTION_PURGES, type RetentionPurge } from './retention.purges.ts';
import { purgeEndedSessions } from './retention.queries.ts';
import { applyRetention } from './retention.service.ts';

/**
 * The retention purges on a real database, with the clock moved: each test writes rows a minute on
 * either side of its category's cutoff (`NOW` minus the configured period), runs every purge as the
 * daily job does, and checks what went, what stayed, the one audit event and that nothing else moved.
 */
const DAY = 86_400_000;
const MINUTE = 60_000;
const NOW = new Date();

let t: TestContext;
let clock = NOW;
let userId: string;
beforeAll(async () => {
  t = await createTestContext({}, { now: () => clock });
  userId = (await createUser(t.db, { roles: ['agent'] })).id;
});
afterAll(() => t.close());

const cutoffOf = (category: RetentionCategory, now = NOW) =>
  new Date(now.getTime() - t.config.retention[category] * DAY);
/** A minute on the young side of the cutoff (stays) or on the old side (goes). */
const justYounger = (category: RetentionCategory) => new Date(cutoffOf(category).getTime() + MINUTE);
const justOlder = (category: RetentionCategory) => new Date(cutoffOf(category).getTime() - MINUTE);

const run = (options: { now?: Date; batchSize?: number } = {}, purges?: readonly RetentionPurge[]) =>
  applyRetention(
    { db: t.db, log: t.app.log, periods: t.config.retention, now: options.now ?? NOW, ...options },
    purges,
  );

async function purgeEvents(category: RetentionCategory) {
  return t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, RETENTION_PURGED_ACTION), eq(auditEvents.targetId, category)))
    .orderBy(asc(auditEvents.id));
}

/** Every table but those named, and the audit events but the purges' own and those named. */
async function everythingElse(tables: string[], auditIds: number[] = []) {
  const fingerprints = (await tableFingerprints(t.db)).filter(
    (f) => !tables.includes(f.table) && f.table !== 'public.audit_events',
  );
  const [audit] = await selectRows<{ rows: number; checksum: string }>(
    t.db,
    sql`SELECT count(*)::int AS rows, md5(coalesce(string_agg(e::text, E'\n' ORDER BY e.id), '')) AS checksum
        FROM audit_events e
        WHERE e.action <> ${RETENTION_PURGED_ACTION}
          AND NOT (e.id = ANY(${sql.raw(`ARRAY[${auditIds.join(',')}]::bigint[]`)}))`,
  );
  return { fingerprints, audit };
}

let eventCounter = 0;
function notification(input: { createdAt: Date; readAt: Date | null }) {
  eventCounter += 1;
  return {
    userId,
    eventId: 1_000_000 + eventCounter,
    kind: 'project.transitioned' as const,
    targetType: 'project' as const,
    targetId: crypto.randomUUID(),
    targetLabel: `Projet ${eventCounter}`,
    params: {},
    reason: 'follower' as const,
    emailCadence: 'never' as const,
    createdAt: input.createdAt,
    readAt: input.readAt,
  };
}

/** The purge event of a category, checked to carry counts and dates only. */
async function onlyEvent(category: RetentionCategory, count: number) {
  const events = await purgeEvents(category);
  expect(events).toHaveLength(1);
  const [event] = events;
  expect(event).toMatchObject({
    actorKind: 'system',
    actorUserId: null,
    targetType: 'retention',
    targetId: category,
    before: null,
    after: null,
    details: {
      category,
      count,
      cutoff: cutoffOf(category).toISOString(),
      periodDays: t.config.retention[category],
      job: RETENTION_JOB,
    },
  });
  expect(Object.keys(event?.details ?? {}).sort()).toEqual([
    'category',
    'count',
    'cutoff',
    'job',
    'periodDays',
  ]);
}

describe('the retention purges, the clock moved to each cutoff', () => {
  it('deletes the sign-in log past its period: attempts, sign-ins and sign-outs; other events stay', async () => {
    const attempt = (attemptedAt: Date) => ({
      emailKey: 'quelqu.un@test.mutualis',
      ip: '192.0.2.7',
      succeeded: false,
      attemptedAt,
    });
    const attempts = await t.db
      .insert(loginAttempts)
      .values([
        attempt(justOlder('signInEvents')),
        attempt(justOlder('signInEvents')),
        attempt(justYounger('signInEvents')),
      ])
      .returning({ id: loginAttempts.id });
    const event = (action: string, occurredAt: Date) => ({
      actorUserId: userId,
      action,
      targetType: 'user',
      targetId: userId,
      occurredAt,
    });
    const events = await t.db
      .insert(auditEvents)
      .values([
        event('session.login', justOlder('signInEvents')),
        event('session.logout', justOlder('signInEvents')),
        event('session.login', justYounger('signInEvents')),
        // An account change as old as the oldest sign-in: not part of the sign-in log.
        event('user.update', justOlder('signInEvents')),
      ])
      .returning({ id: auditEvents.id });
    const goneEvents = events.slice(0, 2).map((e) => e.id);
    const before = await everythingElse(['public.login_attempts'], goneEvents);

    const runs = await run();

    expect(runs.filter((r) => r.count > 0).map((r) => r.category)).toEqual(['signInEvents']);
    const left = await t.db
      .select({ id: loginAttempts.id })
      .from(loginAttempts)
      .where(
        inArray(
          loginAttempts.id,
          attempts.map((a) => a.id),
        ),
      );
    expect(left).toEqual([attempts[2]]);
    const leftEvents = await t.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(
        inArray(
          auditEvents.id,
          events.map((e) => e.id),
        ),
      )
      .orderBy(asc(auditEvents.id));
    expect(leftEvents).toEqual([events[2], events[3]]);
    await onlyEvent('signInEvents', 4);
    expect(await everythingElse(['public.login_attempts'], goneEvents)).toEqual(before);
  });

  it('deletes sessions ended before the period — expired, or idle since — and keeps the others', async () => {
    const session = (id: string, lastSeenAt: Date, expiresAt: Date) => ({
      id: `retention-${id}`,
      userId,
      csrfToken: 'csrf',
      createdAt: new Date(lastSeenAt.getTime() - 3_600_000),
      lastSeenAt,
      expiresAt,
      ip: '192.0.2.8',
      userAgent: 'Firefox',
    });
    const older = justOlder('sessions');
    const younger = justYounger('sessions');
    await t.db
      .insert(sessions)
      .values([
        session('expired', new Date(older.getTime() - 3_600_000), older),
        session('idle', older, new Date(NOW.getTime() + 5 * 3_600_000)),
        session('recently-ended', younger, younger),
        session('live', NOW, new Date(NOW.getTime() + 12 * 3_600_000)),
      ]);
    const before = await everythingElse(['public.sessions']);

    const runs = await run();

    expect(runs.filter((r) => r.count > 0).map((r) => r.category)).toEqual(['sessions']);
    const left = await t.db.select({ id: sessions.id }).from(sessions).orderBy(asc(sessions.id));
    expect(left.map((s) => s.id)).toEqual(['retention-live', 'retention-recently-ended']);
    await onlyEvent('sessions', 2);
    expect(await everythingElse(['public.sessions'])).toEqual(before);
  });

  it('blanks the snapshots of old audit events and keeps who did what, when, on which record and why', async () => {
    const transition = {
      lifecycle: 'project',
      transition: 'reject',
      from: 'submitted',
      to: 'rejected',
      input: { reason: 'Doublon du projet 12' },
    };
    const event = (occurredAt: Date, withSnapshots: boolean) => ({
      actorUserId: userId,
      action: 'project.reject',
      targetType: 'project',
      targetId: crypto.randomUUID(),
      occurredAt,
      requestId: 'req-1',
      before: withSnapshots
        ? { contact: { name: 'Jeanne Martin', email: 'jeanne.martin@test.mutualis' } }
        : null,
      after: withSnapshots ? { contact: null } : null,
      details: { ...transition, membersAdded: ['jmartin'] },
    });
    const [old, older, young, bare] = await t.db
      .insert(auditEvents)
      .values([
        event(justOlder('auditDetails'), true),
        event(new Date(justOlder('auditDetails').getTime() - 30 * DAY), true),
        event(justYounger('auditDetails'), true),
        event(justOlder('auditDetails'), false),
      ])
      .returning();
    if (!old || !older || !young || !bare) throw new Error('events not written');
    const before = await everythingElse([], [old.id, older.id]);

    const runs = await run();

    expect(runs.filter((r) => r.count > 0).map((r) => r.category)).toEqual(['auditDetails']);
    const rows = await t.db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.id, [old.id, older.id, young.id, bare.id]))
      .orderBy(asc(auditEvents.id));
    expect(rows).toEqual([
      { ...old, before: null, after: null, details: transition },
      { ...older, before: null, after: null, details: transition },
      young,
      bare,
    ]);
    await onlyEvent('auditDetails', 2);
    expect(await everythingElse([], [old.id, older.id])).toEqual(before);
  });

  it('deletes notifications read before their period, and any notification past the longer one', async () => {
    const rows = await t.db
      .insert(notifications)
      .values([
        notification({
          createdAt: new Date(justOlder('readNotifications').getTime() - DAY),
          readAt: justOlder('readNotifications'),
        }),
        notification({
          createdAt: new Date(justYounger('readNotifications').getTime() - DAY),
          readAt: justYounger('readNotifications'),
        }),
        // Unread, older than the read ones' period: stays until the longer period.
        notification({ createdAt: justOlder('readNotifications'), readAt: null }),
        notification({ createdAt: justOlder('notifications'), readAt: null }),
        notification({ createdAt: justOlder('notifications'), readAt: null }),
        notification({ createdAt: justYounger('notifications'), readAt: null }),
      ])
      .returning({ id: notifications.id });
    const before = await everythingElse(['public.notifications']);

    const runs = await run();

    expect(runs.filter((r) => r.count > 0).map((r) => r.category)).toEqual([
      'readNotifications',
      'notifications',
    ]);
    const left = await t.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        inArray(
          notifications.id,
          rows.map((r) => r.id),
        ),
      );
    expect(new Set(left.map((r) => r.id))).toEqual(new Set([rows[1]?.id, rows[2]?.id, rows[5]?.id]));
    await onlyEvent('readNotifications', 1);
    await onlyEvent('notifications', 2);
    expect(await everythingElse(['public.notifications'])).toEqual(before);
  });

  it('erases the accounts deactivated before the cutoff, as an administrator would, and no other', async () => {
    const old = await createUser(t.db, { roles: ['agent'], displayName: 'Odile Ancienne' });
    const recent = await createUser(t.db, { roles: ['agent'], displayName: 'Rémi Récent' });
    const active = await createUser(t.db, { roles: ['agent'], displayName: 'Anne Active' });
    for (const [user, at] of [
      [old, justOlder('deactivatedAccounts')],
      [recent, justYounger('deactivatedAccounts')],
    ] as const) {
      await t.db.update(users).set({ status: 'deactivated', updatedAt: at }).where(eq(users.id, user.id));
    }
    await t.db
      .update(users)
      .set({ updatedAt: justOlder('deactivatedAccounts') })
      .where(eq(users.id, active.id));

    const runs = await run();

    expect(runs.filter((r) => r.count > 0).map((r) => r.category)).toEqual(['deactivatedAccounts']);
    const rows = await t.db
      .select({ id: users.id, displayName: users.displayName, erasedAt: users.erasedAt })
      .from(users)
      .where(inArray(users.id, [old.id, recent.id, active.id]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(old.id)?.erasedAt).not.toBeNull();
    expect(byId.get(old.id)?.displayName).not.toBe('Odile Ancienne');
    expect(byId.get(recent.id)).toMatchObject({ displayName: 'Rémi Récent', erasedAt: null });
    expect(byId.get(active.id)).toMatchObject({ displayName: 'Anne Active', erasedAt: null });
    const erasures = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.erase'), eq(auditEvents.targetId, old.id)));
    expect(erasures).toHaveLength(1);
    expect(erasures[0]?.details).toMatchObject({ job: RETENTION_JOB });
    await onlyEvent('deactivatedAccounts', 1);
  });

  it('writes nothing at all when nothing is past its period', async () => {
    const before = await tableFingerprints(t.db);
    const runs = await run();
    expect(runs.map((r) => r.category)).toEqual(RETENTION_PURGES.map((p) => p.name));
    expect(runs.every((r) => r.count === 0)).toBe(true);
    expect(await tableFingerprints(t.db)).toEqual(before);
  });
});

describe('batches', () => {
  const expiredSessions = (prefix: string, n: number) =>
    t.db.insert(sessions).values(
      Array.from({ length: n }, (_, i) => ({
        id: `${prefix}-${i}`,
        userId,
        csrfToken: 'csrf',
        lastSeenAt: new Date(NOW.getTime() - 10 * DAY),
        expiresAt: new Date(NOW.getTime() - 10 * DAY),
      })),
    );
  const countLike = async (prefix: string) =>
    (await t.db.select({ id: sessions.id }).from(sessions)).filter((s) => s.id.startsWith(prefix)).length;

  it('purges in batches of its own transactions and records one event counting them all', async () => {
    await expiredSessions('batch', 5);
    const limits: number[] = [];
    const counting: RetentionPurge = {
      name: 'sessions',
      period: 'sessions',
      purge: async (db, cutoff, limit) => {
        limits.push(limit);
        return purgeEndedSessions(db, cutoff, limit);
      },
    };
    const eventsBefore = (await purgeEvents('sessions')).length;

    expect(await run({ batchSize: 2 }, [counting])).toEqual([
      { category: 'sessions', count: 5, cutoff: cutoffOf('sessions').toISOString() },
    ]);

    expect(limits).toEqual([2, 2, 2]);
    expect(await countLike('batch')).toBe(0);
    const events = await purgeEvents('sessions');
    expect(events).toHaveLength(eventsBefore + 1);
    expect(events.at(-1)?.details).toMatchObject({ count: 5 });
  });

  it('counts exactly what was committed when a batch fails, and runs the other purges', async () => {
    await expiredSessions('crash', 5);
    let calls = 0;
    const failing: RetentionPurge = {
      name: 'sessions',
      period: 'sessions',
      purge: async (db, cutoff, limit) => {
        calls += 1;
        const count = await purgeEndedSessions(db, cutoff, limit);
        if (calls === 2) throw new Error('connection lost');
        return count;
      },
    };
    const ran: string[] = [];
    const next: RetentionPurge = {
      name: 'readNotifications',
      period: 'readNotifications',
      purge: async () => {
        ran.push('readNotifications');
        return 0;
      },
    };
    const eventsBefore = (await purgeEvents('sessions')).length;

    await expect(run({ batchSize: 2 }, [failing, next])).rejects.toThrow(/retention purges failed: sessions/);

    expect(ran).toEqual(['readNotifications']);
    expect(await countLike('crash')).toBe(3);
    const events = await purgeEvents('sessions');
    expect(events).toHaveLength(eventsBefore + 1);
    expect(events.at(-1)?.details).toMatchObject({ count: 2 });
  });
});

describe('the daily job', () => {
  it('is declared every day at 02:30 UTC, and pg-boss schedules it', async () => {
    const definitions = jobDefinitions({
      db: t.db,
      log: t.app.log,
      authorizer: createAuthorizer([], []),
      bindings: [],
      outboxHandlers: new Map(),
      retention: t.config.retention,
    });
    const retention = definitions.filter((d) => d.name === RETENTION_JOB);
    expect(retention.map((d) => d.cron)).toEqual([RETENTION_CRON]);
    expect(RETENTION_CRON).toBe('30 2 * * *');

    const queue = createPgBossQueue(t.handle, { log: t.app.log, jobs: retention });
    try {
      await queue.start();
      const schedules = await selectRows<{ name: string; cron: string; timezone: string }>(
        t.db,
        sql`SELECT name, cron, timezone FROM pgboss.schedule WHERE name = ${RETENTION_JOB}`,
      );
      expect(schedules).toEqual([{ name: RETENTION_JOB, cron: '30 2 * * *', timezone: 'UTC' }]);
    } finally {
      await queue.stop();
    }
  });

  it('runs on the server’s clock: a session that ends today is gone two days later', async () => {
    // The sessions of the tests above would go too, two days on: this one is alone.
    await t.db.delete(sessions);
    await t.db.insert(sessions).values({
      id: 'clock-moved',
      userId,
      csrfToken: 'csrf',
      lastSeenAt: NOW,
      expiresAt: new Date(NOW.getTime() + 12 * 3_600_000),
    });
    await t.app.deps.jobs.nudge(RETENTION_JOB);
    expect(
      await t.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, 'clock-moved')),
    ).toHaveLength(1);

    clock = new Date(NOW.getTime() + 2 * DAY);
    try {
      await t.app.deps.jobs.nudge(RETENTION_JOB);
    } finally {
      clock = NOW;
    }
    expect(
      await t.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, 'clock-moved')),
    ).toEqual([]);
    const last = (await purgeEvents('sessions')).at(-1);
    expect(last?.details).toMatchObject({ category: 'sessions', count: 1, job: RETENTION_JOB });
  });
});

describe('the periods in the public configuration', () => {
  it('are read by anyone, in days per category, as configured', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/config' });
    expect(response.statusCode).toBe(200);
    expect(response.json().retention).toEqual(t.config.retention);
    expect(Object.keys(response.json().retention).sort()).toEqual([...RETENTION_CATEGORIES].sort());
  });
});
