import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { organisations, users } from '../../db/schema.ts';
import { selectRows } from '../../lib/rows.ts';
import { CONTACT_PHONES, SIGN_IN_ATTEMPTS } from './personal-data.ts';

export type JsonRow = Record<string, unknown>;

/** The rows of `table` whose `column` is the person, whole (the presenter picks what it shows). */
export async function rowsReferring(db: Executor, table: string, column: string, userId: string) {
  const rows = await selectRows<{ row: JsonRow }>(
    db,
    sql`SELECT to_jsonb(t) AS row FROM ${sql.identifier(table)} AS t
        WHERE t.${sql.identifier(column)} = ${userId} ORDER BY 1`,
  );
  return rows.map((r) => r.row);
}

/** The account with its office, password hash left out. */
export async function accountOf(db: Executor, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      roles: users.roles,
      status: users.status,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
      lastLoginAt: users.lastLoginAt,
      passwordChangedAt: users.passwordChangedAt,
      erasedAt: users.erasedAt,
      organisation: { id: organisations.id, code: organisations.code, name: organisations.name },
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, userId));
  return row ?? null;
}
export type Account = NonNullable<Awaited<ReturnType<typeof accountOf>>>;

/** Sign-in attempts made with the person's e-mail (address, time, outcome; never the device key). */
export async function signInAttemptsOf(db: Executor, email: string) {
  return selectRows<{ attempted_at: string; ip: string; succeeded: boolean | null }>(
    db,
    sql`SELECT attempted_at, ip, succeeded FROM ${sql.identifier(SIGN_IN_ATTEMPTS.table)}
        WHERE ${sql.identifier(SIGN_IN_ATTEMPTS.emailKey)} = ${email.toLowerCase()} ORDER BY attempted_at`,
  );
}

/** Audit events about the account itself (created, edited, deactivated), whoever wrote them. */
export async function auditEventsAbout(db: Executor, userId: string) {
  return selectRows<{ id: number; occurred_at: string; action: string }>(
    db,
    sql`SELECT id, occurred_at, action FROM audit_events
        WHERE target_type = 'user' AND target_id = ${userId} ORDER BY id`,
  );
}

/** The SQL type of each column (`text`, `ARRAY`, `jsonb`…), by `table.column`. */
export async function columnTypes(db: Executor) {
  const rows = await selectRows<{ name: string; data_type: string }>(
    db,
    sql`SELECT table_name || '.' || column_name AS name, data_type FROM information_schema.columns
        WHERE table_schema = 'public'`,
  );
  return new Map(rows.map((r) => [r.name, r.data_type]));
}

/** A case-insensitive pattern for a whole word or address (PostgreSQL's regular expressions). */
export interface Replacement {
  pattern: string;
  /** The same, as it reads inside a JSON string. */
  jsonPattern: string;
  value: string;
  jsonValue: string;
}

function replaced(expression: SQL, replacements: Replacement[], json: boolean): SQL {
  return replacements.reduce(
    (inner, r) =>
      sql`regexp_replace(${inner}, ${json ? r.jsonPattern : r.pattern}, ${json ? r.jsonValue : r.value}, 'gi')`,
    expression,
  );
}

/**
 * Replaces the person's name and e-mail in one column, on every row where they appear; other rows and
 * columns are left as they are (no version bump: the record's content is the same, only who it names).
 */
export async function replaceInColumn(
  db: Executor,
  table: string,
  column: string,
  dataType: string,
  replacements: Replacement[],
) {
  const col = sql.identifier(column);
  const matches = sql.join(
    replacements.map((r) => sql`${col}::text ~* ${dataType === 'jsonb' ? r.jsonPattern : r.pattern}`),
    sql` OR `,
  );
  let value: SQL;
  if (dataType === 'jsonb') value = sql`(${replaced(sql`${col}::text`, replacements, true)})::jsonb`;
  else if (dataType === 'ARRAY')
    value = sql`ARRAY(SELECT ${replaced(sql`u.x`, replacements, false)}
                      FROM unnest(${col}) WITH ORDINALITY AS u(x, n) ORDER BY u.n)`;
  else value = replaced(sql`${col}`, replacements, false);
  await db.execute(sql`UPDATE ${sql.identifier(table)} SET ${col} = ${value} WHERE ${matches}`);
}

/** Phone numbers on contact cards whose e-mail is the person's (before it is replaced). */
export async function clearContactPhones(db: Executor, email: string) {
  const key = email.toLowerCase();
  for (const c of CONTACT_PHONES.columns) {
    await db.execute(
      sql`UPDATE ${sql.identifier(c.table)} SET ${sql.identifier(c.phone)} = NULL
          WHERE lower(${sql.identifier(c.email)}) = ${key} AND ${sql.identifier(c.phone)} IS NOT NULL`,
    );
  }
  for (const d of CONTACT_PHONES.documents) {
    const col = sql.identifier(d.column);
    await db.execute(
      sql`UPDATE ${sql.identifier(d.table)} SET ${col} = jsonb_set(${col}, '{phone}', 'null'::jsonb)
          WHERE lower(${col}->>'email') = ${key} AND ${col}->>'phone' IS NOT NULL`,
    );
  }
}

export async function deleteRowsReferring(db: Executor, table: string, column: string, userId: string) {
  await db.execute(sql`DELETE FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${userId}`);
}

export async function deleteSignInAttempts(db: Executor, email: string) {
  await db.execute(
    sql`DELETE FROM ${sql.identifier(SIGN_IN_ATTEMPTS.table)}
        WHERE ${sql.identifier(SIGN_IN_ATTEMPTS.emailKey)} = ${email.toLowerCase()}`,
  );
}

/** Serialises erasures, so that two never draw the same number. */
const ERASURE_LOCK = 782303;

export async function nextErasureNumber(db: Executor) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${ERASURE_LOCK})`);
  const [row] = await db.select({ last: sql<number | null>`max(${users.erasureNumber})` }).from(users);
  return (row?.last ?? 0) + 1;
}

/** The account row, pseudonymised and closed for good. */
export async function pseudonymiseAccount(
  db: Executor,
  id: string,
  values: { email: string; displayName: string; passwordHash: string; erasureNumber: number },
) {
  const [row] = await db
    .update(users)
    .set({
      ...values,
      status: 'deactivated',
      erasedAt: sql`now()`,
      version: sql`${users.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(users.id, id), isNull(users.erasedAt)))
    .returning({ id: users.id, version: users.version });
  return row ?? null;
}

/**
 * Accounts deactivated before `cutoff` and not yet erased: deactivated when their last `userAccount.deactivate`
 * event says so (the row's last change when the trail has none).
 */
export async function deactivatedBefore(db: Executor, cutoff: Date) {
  const rows = await selectRows<{ id: string }>(
    db,
    sql`SELECT u.id FROM users u
        WHERE u.status = 'deactivated' AND u.erased_at IS NULL
          AND coalesce((SELECT max(a.occurred_at) FROM audit_events a
                        WHERE a.target_type = 'user' AND a.target_id = u.id::text AND a.action = 'userAccount.deactivate'),
                       u.updated_at) < ${cutoff.toISOString()}
        ORDER BY u.id`,
  );
  return rows.map((r) => r.id);
}
