import { and, eq, gt, isNull, lt, min, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { knownDevices, loginAttempts, users } from '../../db/schema.ts';

/** Whose attempts are counted together: an account from unknown browsers, an address, or one known browser. */
export type AttemptScope =
  | { column: 'emailKey'; value: string }
  | { column: 'ip'; value: string }
  | { column: 'deviceKey'; value: string };

/**
 * Attempts of a scope since a moment that did not succeed — failures and attempts still being checked —,
 * with the oldest one's time (when the window frees a place). Attempts from known browsers are kept out
 * of an account's count: an attacker's failures never lock the owner's usual browser out.
 */
export async function countUnsuccessfulSince(db: Executor, scope: AttemptScope, since: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, oldest: min(loginAttempts.attemptedAt) })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts[scope.column], scope.value),
        scope.column === 'emailKey' ? isNull(loginAttempts.deviceKey) : undefined,
        or(isNull(loginAttempts.succeeded), ne(loginAttempts.succeeded, true)),
        gt(loginAttempts.attemptedAt, since),
      ),
    );
  return { count: Number(row?.n ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}

/** Serialises the reservations of one scope until the end of the transaction. */
export async function lockAttemptScope(db: Executor, scope: AttemptScope) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(782303, hashtext(${`${scope.column}:${scope.value}`}))`);
}

/** Reserves an attempt before the password is checked; `settleLoginAttempt` records how it ended. */
export async function insertPendingAttempt(
  db: Executor,
  attempt: { emailKey: string; ip: string; deviceKey: string | null },
) {
  const [row] = await db
    .insert(loginAttempts)
    .values({ ...attempt, succeeded: null })
    .returning({ id: loginAttempts.id });
  if (!row) throw new Error('login attempt not reserved');
  return row.id;
}

export async function settleLoginAttempt(db: Executor, id: number, succeeded: boolean) {
  await db.update(loginAttempts).set({ succeeded }).where(eq(loginAttempts.id, id));
}

/**
 * Browsers unused for a year, the life of their cookie. The attempts themselves are the sign-in log,
 * kept for the configured period and purged by the retention job (modules/retention).
 */
export async function purgeUnusedKnownDevices(db: Executor) {
  await db.delete(knownDevices).where(lt(knownDevices.lastUsedAt, sql`now() - interval '1 year'`));
}

/** The known browser `deviceKey` if it belongs to the account signing in with `emailKey`. */
export async function findKnownDevice(db: Executor, deviceKey: string, emailKey: string) {
  const [row] = await db
    .select({ id: knownDevices.id })
    .from(knownDevices)
    .innerJoin(users, eq(users.id, knownDevices.userId))
    .where(and(eq(knownDevices.id, deviceKey), eq(sql`lower(${users.email})`, emailKey)));
  return row?.id ?? null;
}

export async function rememberDevice(db: Executor, deviceKey: string, userId: string) {
  await db
    .insert(knownDevices)
    .values({ id: deviceKey, userId })
    .onConflictDoUpdate({ target: knownDevices.id, set: { lastUsedAt: sql`now()` } });
}
