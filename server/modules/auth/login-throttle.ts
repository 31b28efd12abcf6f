import type { Executor } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { countFailuresSince, deleteAccountFailures, insertLoginAttempt } from './login-attempts.queries.ts';

/** Failed attempts allowed in the window, per account and per source address. */
export const LOGIN_LIMITS = { perAccount: 5, perIp: 30, windowMinutes: 15 } as const;

/** Refuses with 429 once an account or an address has too many recent failures. */
export async function assertLoginAllowed(db: Executor, emailKey: string, ip: string) {
  const since = new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000);
  const [byAccount, byIp] = await Promise.all([
    countFailuresSince(db, 'emailKey', emailKey, since),
    countFailuresSince(db, 'ip', ip, since),
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
  await insertLoginAttempt(db, emailKey, ip, succeeded);
  // A success clears the account's failures; the address keeps its own count.
  if (succeeded) await deleteAccountFailures(db, emailKey);
}
