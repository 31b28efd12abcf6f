import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { loginAttempts } from '../../db/schema.ts';

/** Failed attempts of an account (`emailKey`) or an address (`ip`) since a moment. */
export async function countFailuresSince(
  db: Executor,
  column: 'emailKey' | 'ip',
  value: string,
  since: Date,
) {
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

export async function insertLoginAttempt(db: Executor, emailKey: string, ip: string, succeeded: boolean) {
  await db.insert(loginAttempts).values({ emailKey, ip, succeeded });
}

export async function deleteAccountFailures(db: Executor, emailKey: string) {
  await db
    .delete(loginAttempts)
    .where(and(eq(loginAttempts.emailKey, emailKey), eq(loginAttempts.succeeded, false)));
}

export async function purgeOldLoginAttempts(db: Executor) {
  await db.delete(loginAttempts).where(lt(loginAttempts.attemptedAt, sql`now() - interval '1 day'`));
}
