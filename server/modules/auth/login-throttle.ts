import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../../db/client.ts';
import { inTransaction, type ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import {
  type AttemptScope,
  countUnsuccessfulSince,
  findKnownDevice,
  insertPendingAttempt,
  lockAttemptScope,
  rememberDevice,
  settleLoginAttempt,
} from './login-attempts.queries.ts';

/**
 * Unsuccessful attempts allowed in a sliding window: per account from browsers it has never signed in
 * from, per source address, and per known browser. A known browser (one that carries the device cookie
 * of a past sign-in to this account) is counted on its own and escapes the account's and the
 * address's limits: whoever hammers an account from elsewhere locks out new browsers only, never the
 * owner's usual one — the lock cannot be turned against the victim.
 */
export const LOGIN_LIMITS = { perAccount: 5, perIp: 30, perDevice: 5, windowMinutes: 15 } as const;

/** Cookie naming a browser that has signed in before (random token; its SHA-256 is stored). */
export const DEVICE_COOKIE = 'mutualis_device';
export const DEVICE_COOKIE_DAYS = 365;

const deviceKeyOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface ReservedAttempt {
  id: number;
  /** The known browser the attempt came from, if the cookie was one of this account's. */
  deviceKey: string | null;
}

/**
 * Counts and reserves an attempt in one serialised step, before the password is checked: parallel
 * attempts each see the ones reserved before them, so no burst gets past the limit. A reserved attempt
 * counts as a failure until it is settled.
 */
export async function reserveLoginAttempt(
  ctx: ServiceContext,
  input: { emailKey: string; ip: string; deviceToken: string | undefined },
): Promise<ReservedAttempt> {
  const deviceKey = input.deviceToken
    ? await findKnownDevice(ctx.db, deviceKeyOf(input.deviceToken), input.emailKey)
    : null;
  const scopes: { scope: AttemptScope; limit: number }[] = deviceKey
    ? [{ scope: { column: 'deviceKey', value: deviceKey }, limit: LOGIN_LIMITS.perDevice }]
    : [
        { scope: { column: 'emailKey', value: input.emailKey }, limit: LOGIN_LIMITS.perAccount },
        { scope: { column: 'ip', value: input.ip }, limit: LOGIN_LIMITS.perIp },
      ];
  return inTransaction(ctx, async (tx) => {
    const since = new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000);
    // Always in the same order (account or device, then address): two reservations never deadlock.
    for (const { scope } of scopes) await lockAttemptScope(tx.db, scope);
    for (const { scope, limit } of scopes) {
      const { count, oldest } = await countUnsuccessfulSince(tx.db, scope, since);
      if (count >= limit) throw tooManyAttempts(oldest, Boolean(deviceKey));
    }
    const id = await insertPendingAttempt(tx.db, { emailKey: input.emailKey, ip: input.ip, deviceKey });
    return { id, deviceKey };
  });
}

function tooManyAttempts(oldest: Date | null, knownDevice: boolean) {
  const windowEnd = (oldest?.getTime() ?? Date.now()) + LOGIN_LIMITS.windowMinutes * 60_000;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowEnd - Date.now()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait = `Patientez ${minutes} minute${minutes > 1 ? 's' : ''} avant de réessayer`;
  return new AppError(
    'tooManyRequests',
    knownDevice
      ? `Trop de tentatives de connexion échouées depuis ce navigateur. ${wait}, ou demandez à un administrateur de réinitialiser votre mot de passe.`
      : `Trop de tentatives de connexion échouées pour ce compte ou depuis cette adresse. ${wait}. Depuis un navigateur où vous vous êtes déjà connecté, la connexion reste possible ; sinon, demandez à un administrateur de réinitialiser votre mot de passe.`,
    { retryAfterSeconds },
  );
}

/** Records how the attempt ended; a success erases nothing — other failures keep counting. */
export async function settleAttempt(db: Executor, attempt: ReservedAttempt, succeeded: boolean) {
  await settleLoginAttempt(db, attempt.id, succeeded);
}

/**
 * After a success: the browser becomes (or stays) known for this account. Returns the cookie token to
 * set when a new one was issued (a browser shared by two people keeps the last one's).
 */
export async function recognizeDevice(
  db: Executor,
  attempt: ReservedAttempt,
  userId: string,
): Promise<string | null> {
  if (attempt.deviceKey) {
    await rememberDevice(db, attempt.deviceKey, userId);
    return null;
  }
  const token = randomBytes(32).toString('base64url');
  await rememberDevice(db, deviceKeyOf(token), userId);
  return token;
}
