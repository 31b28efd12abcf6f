import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Role } from '../../../common/roles.ts';
import type { Executor } from '../../db/client.ts';
import { sessions, users } from '../../db/schema.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

/** Creates a session; returns the cookie token (256 random bits), never stored in clear. */
export async function insertSession(
  db: Executor,
  input: { userId: string; ip: string; userAgent: string | undefined; timeouts: SessionTimeouts },
) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + input.timeouts.absoluteHours * 3_600_000);
  await db.insert(sessions).values({
    id: hashToken(token),
    userId: input.userId,
    csrfToken,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export interface ActiveSession {
  sessionId: string;
  userId: string;
  organisationId: string;
  roles: Role[];
  csrfToken: string;
  lastSeenAt: Date;
}

/** A session counts only while it is within both timeouts and its user is active (join `users`). */
const isLive = (timeouts: SessionTimeouts) =>
  and(
    gt(sessions.expiresAt, sql`now()`),
    gt(sessions.lastSeenAt, new Date(Date.now() - timeouts.idleMinutes * 60_000)),
    eq(users.status, 'active'),
  );

export async function findActiveSession(
  db: Executor,
  token: string,
  timeouts: SessionTimeouts,
): Promise<ActiveSession | null> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      userId: users.id,
      organisationId: users.organisationId,
      roles: users.roles,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, hashToken(token)), isLive(timeouts)))
    .limit(1);
  return row ?? null;
}

export async function touchSession(db: Executor, sessionId: string) {
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, sessionId));
}

/**
 * Ended sessions are announced at commit (NOTIFY), so that whatever a process holds open for them — a
 * live stream of notifications — closes at once, whichever process ended them. 100 ids of 64 characters
 * a message stay under PostgreSQL's 8,000 bytes.
 */
export const SESSIONS_ENDED_CHANNEL = 'mutualis_sessions_ended';
async function announceEnded(db: Executor, sessionIds: string[]) {
  for (let i = 0; i < sessionIds.length; i += 100)
    await db.execute(
      sql`SELECT pg_notify(${SESSIONS_ENDED_CHANNEL}, ${sessionIds.slice(i, i + 100).join(',')})`,
    );
}

export async function deleteSession(db: Executor, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
  await announceEnded(db, [sessionId]);
}

/** Ends every session of a user, but the one to keep (if any). Returns how many ended. */
export async function deleteUserSessions(db: Executor, userId: string, keepSessionId?: string) {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined))
    .returning({ id: sessions.id });
  await announceEnded(
    db,
    ended.map((s) => s.id),
  );
  return ended.length;
}

/** Of these sessions, those still live (within both timeouts, their user active). */
export async function liveSessions(db: Executor, sessionIds: string[], timeouts: SessionTimeouts) {
  if (sessionIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(inArray(sessions.id, sessionIds), isLive(timeouts)));
  return new Set(rows.map((r) => r.id));
}
