import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { loginAttempts } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';

/** Failed attempts allowed in the window, per account and per source address. */
export const LOGIN_LIMITS = { perAccount: 5, perIp: 30, windowMinutes: 15 } as const;

async function failuresSince(db: Executor, column: 'emailKey' | 'ip', value: string, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts[column], value),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.attemptedAt, since),
      ),
    );
  return row?.n ?? 0;
}

/** Refuses with 429 once an account or an address has too many recent failures. */
export async function assertLoginAllowed(db: Executor, emailKey: string, ip: string) {
  const since = new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000);
  const [byAccount, byIp] = await Promise.all([
    failuresSince(db, 'emailKey', emailKey, since),
    failuresSince(db, 'ip', ip, since),
  ]);
  if (byAccount >= LOGIN_LIMITS.perAccount || byIp >= LOGIN_LIMITS.perIp) {
    throw new AppError(
      'tooManyRequests',
      `Trop de tentatives de connexion échouées. Patientez ${LOGIN_LIMITS.windowMinutes} minutes avant de réessayer, ou demandez à un administrateur de réinitialiser votre mot de passe.`,
      { retryAfterSeconds: LOGIN_LIMITS.windowMinutes * 60 },
    );
  }
}

export async function recordLoginAttempt(db: Executor, emailKey: string, ip: string, succeeded: boolean) {
  await db.insert(loginAttempts).values({ emailKey, ip, succeeded });
  // A success clears the account's failures; the address keeps its own count.
  if (succeeded) {
    await db
      .delete(loginAttempts)
      .where(and(eq(loginAttempts.emailKey, emailKey), eq(loginAttempts.succeeded, false)));
  }
}

export async function purgeOldLoginAttempts(db: Executor) {
  await db.delete(loginAttempts).where(lt(loginAttempts.attemptedAt, sql`now() - interval '1 day'`));
}
