import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { EmailCadence, EventKind, FollowTarget } from '../../../common/notifications.ts';
import type { Executor } from '../../db/client.ts';
import {
  applications,
  boardItems,
  calls,
  deploymentRequests,
  follows,
  hostingBudgets,
  notificationMutes,
  notificationPreferences,
  notifications,
  organisations,
  projects,
  referentApplications,
  supportTickets,
  trainingSessions,
  users,
} from '../../db/schema.ts';
import { selectRows } from '../../lib/rows.ts';

type Target = { type: FollowTarget; id: string };

/** The label of each kind of followable thread (a project's title, a request's reference…). */
const LABELS: Partial<Record<FollowTarget, (db: Executor, id: string) => Promise<{ label: string }[]>>> = {
  project: (db, id) => db.select({ label: projects.title }).from(projects).where(eq(projects.id, id)),
  application: (db, id) =>
    db.select({ label: applications.name }).from(applications).where(eq(applications.id, id)),
  deploymentRequest: (db, id) =>
    db
      .select({ label: deploymentRequests.reference })
      .from(deploymentRequests)
      .where(eq(deploymentRequests.id, id)),
  call: (db, id) => db.select({ label: calls.title }).from(calls).where(eq(calls.id, id)),
  boardItem: (db, id) => db.select({ label: boardItems.title }).from(boardItems).where(eq(boardItems.id, id)),
  trainingSession: (db, id) =>
    db.select({ label: trainingSessions.title }).from(trainingSessions).where(eq(trainingSessions.id, id)),
  supportTicket: (db, id) =>
    db.select({ label: supportTickets.subject }).from(supportTickets).where(eq(supportTickets.id, id)),
  hostingBudget: (db, id) =>
    db
      .select({
        label: sql<string>`'Budget AM Cloud ' || ${hostingBudgets.year} || ' — ' || ${organisations.name}`,
      })
      .from(hostingBudgets)
      .innerJoin(organisations, eq(organisations.id, hostingBudgets.organisationId))
      .where(eq(hostingBudgets.id, id)),
  club: (db, id) =>
    db
      .select({ label: sql<string>`'Club ' || ${applications.name}` })
      .from(applications)
      .where(eq(applications.id, id)),
  referentApplication: (db, id) =>
    db
      .select({ label: sql<string>`${referentApplications.region}` })
      .from(referentApplications)
      .where(eq(referentApplications.id, id)),
};

/** The label of a followable thread, or null when it does not exist (or is not followable by hand). */
export async function targetLabel(db: Executor, target: Target) {
  const read = LABELS[target.type];
  if (!read) return null;
  const [row] = await read(db, target.id);
  return row?.label ?? null;
}

/** Follows or unfollows by hand (an unfollow is kept, so that automatic follows leave it be). */
export async function setFollow(db: Executor, userId: string, target: Target, following: boolean) {
  await db
    .insert(follows)
    .values({ userId, targetType: target.type, targetId: target.id, following })
    .onConflictDoUpdate({
      target: [follows.userId, follows.targetType, follows.targetId],
      set: { following, automatic: false },
    });
}

export async function setMute(db: Executor, userId: string, target: Target, muted: boolean) {
  if (muted)
    await db
      .insert(notificationMutes)
      .values({ userId, targetType: target.type, targetId: target.id })
      .onConflictDoNothing();
  else
    await db
      .delete(notificationMutes)
      .where(
        and(
          eq(notificationMutes.userId, userId),
          eq(notificationMutes.targetType, target.type),
          eq(notificationMutes.targetId, target.id),
        ),
      );
}

/** What a person follows or mutes, with the thread's label, the latest first. */
export async function listFollows(db: Executor, userId: string) {
  const rows = await selectRows<{
    target_type: FollowTarget;
    target_id: string;
    label: string | null;
    following: boolean;
    automatic: boolean;
    muted: boolean;
    since: Date | string;
  }>(
    db,
    sql`
    SELECT t.target_type, t.target_id,
           coalesce(p.title, a.name, d.reference, c.title, b.title, ts.title, st.subject, ra.region, 'Club ' || club.name) AS label,
           coalesce(f.following, false) AS following,
           coalesce(f.automatic, false) AS automatic,
           (m.user_id IS NOT NULL) AS muted,
           greatest(f.created_at, m.created_at) AS since
    FROM (SELECT target_type, target_id FROM ${follows} WHERE user_id = ${userId} AND following
          UNION SELECT target_type, target_id FROM ${notificationMutes} WHERE user_id = ${userId}) t
    LEFT JOIN ${follows} f ON f.user_id = ${userId} AND f.target_type = t.target_type AND f.target_id = t.target_id
    LEFT JOIN ${notificationMutes} m ON m.user_id = ${userId} AND m.target_type = t.target_type AND m.target_id = t.target_id
    LEFT JOIN ${projects} p ON t.target_type = 'project' AND p.id = t.target_id
    LEFT JOIN ${applications} a ON t.target_type = 'application' AND a.id = t.target_id
    LEFT JOIN ${deploymentRequests} d ON t.target_type = 'deploymentRequest' AND d.id = t.target_id
    LEFT JOIN ${calls} c ON t.target_type = 'call' AND c.id = t.target_id
    LEFT JOIN ${boardItems} b ON t.target_type = 'boardItem' AND b.id = t.target_id
    LEFT JOIN ${trainingSessions} ts ON t.target_type = 'trainingSession' AND ts.id = t.target_id
    LEFT JOIN ${supportTickets} st ON t.target_type = 'supportTicket' AND st.id = t.target_id
    LEFT JOIN ${referentApplications} ra ON t.target_type = 'referentApplication' AND ra.id = t.target_id
    LEFT JOIN ${applications} club ON t.target_type = 'club' AND club.id = t.target_id
    ORDER BY since DESC, t.target_id`,
  );
  return rows.map((r) => ({
    targetType: r.target_type,
    targetId: r.target_id,
    label: r.label ?? '',
    following: r.following,
    automatic: r.automatic,
    muted: r.muted,
    since: new Date(r.since),
  }));
}
export type FollowRow = Awaited<ReturnType<typeof listFollows>>[number];

export async function preferencesOf(db: Executor, userId: string) {
  const rows = await db
    .select({ kind: notificationPreferences.kind, cadence: notificationPreferences.cadence })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId))
    .orderBy(desc(notificationPreferences.kind));
  return new Map(rows.map((r) => [r.kind, r.cadence]));
}

export async function savePreferences(
  db: Executor,
  userId: string,
  preferences: { kind: EventKind; cadence: EmailCadence }[],
) {
  if (preferences.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(preferences.map((p) => ({ userId, kind: p.kind, cadence: p.cadence })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { cadence: sql`excluded.cadence`, updatedAt: sql`now()` },
    });
}

/** Whether the account exists (an unsubscribe link may outlive it). */
export async function userExists(db: Executor, userId: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return row !== undefined;
}

/** The kinds a person receives at a digest's cadence. */
export async function kindsAtCadence(db: Executor, userId: string, cadence: EmailCadence) {
  const rows = await db
    .select({ kind: notificationPreferences.kind })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.cadence, cadence)));
  return rows.map((r) => r.kind);
}

/** Notifications of these kinds still waiting for their e-mail (a digest) will not get one. */
export async function cancelPendingEmails(db: Executor, userId: string, kinds: EventKind[]) {
  if (kinds.length === 0) return;
  await db
    .update(notifications)
    .set({ emailCadence: 'never' })
    .where(
      and(
        eq(notifications.userId, userId),
        inArray(notifications.kind, kinds),
        isNull(notifications.emailedAt),
      ),
    );
}
