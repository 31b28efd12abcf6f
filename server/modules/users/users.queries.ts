import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { UserStatus } from '../../../common/lifecycles/user-account.ts';
import type { Role } from '../../../common/roles.ts';
import type { UserListQuery } from '../../../common/schemas/user.ts';
import type { Executor } from '../../db/client.ts';
import { organisations, users } from '../../db/schema.ts';
import type { ListScope } from '../../lib/policy.ts';
import { versionedRowStore } from '../../lib/versioned-row.queries.ts';

export type UserRow = typeof users.$inferSelect;
export type UserWithOrganisation = UserRow & {
  organisation: Pick<typeof organisations.$inferSelect, 'id' | 'code' | 'name' | 'type' | 'region'>;
};

const selection = {
  user: users,
  organisation: {
    id: organisations.id,
    code: organisations.code,
    name: organisations.name,
    type: organisations.type,
    region: organisations.region,
  },
};

function scopeCondition(scope: ListScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'organisation') return eq(users.organisationId, scope.organisationId);
  return sql`false`;
}

export async function listUsers(db: Executor, scope: ListScope, query: UserListQuery) {
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    scopeCondition(scope),
    query.organisationId ? eq(users.organisationId, query.organisationId) : undefined,
    query.role ? sql`${query.role} = ANY(${users.roles})` : undefined,
    query.status ? eq(users.status, query.status) : undefined,
    pattern
      ? sql`(f_unaccent(lower(${users.displayName})) LIKE f_unaccent(lower(${pattern})) OR lower(${users.email}) LIKE lower(${pattern}))`
      : undefined,
  );
  const [rows, totals] = await Promise.all([
    db
      .select(selection)
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(where)
      .orderBy(asc(users.displayName), asc(users.email))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return {
    items: rows.map((r): UserWithOrganisation => ({ ...r.user, organisation: r.organisation })),
    total: totals[0]?.total ?? 0,
  };
}

export async function findUser(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select(selection)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, id))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('no key update', { of: users }) : await query;
  return row ? { ...row.user, organisation: row.organisation } : null;
}

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return row ?? null;
}

export async function insertUser(
  db: Executor,
  values: { email: string; displayName: string; organisationId: string; roles: Role[]; passwordHash: string },
) {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

/** Updates only when the version still matches; returns null on a lost update. */
export async function updateUserAtVersion(
  db: Executor,
  id: string,
  expectedVersion: number,
  values: Partial<Pick<UserRow, 'displayName' | 'organisationId' | 'roles' | 'status' | 'passwordHash'>>,
) {
  // A new password hash dates the change (database time, as every other stamp).
  const passwordChanged = values.passwordHash ? { passwordChangedAt: sql`now()` } : {};
  const [row] = await db
    .update(users)
    .set({ ...values, ...passwordChanged, version: expectedVersion + 1, updatedAt: sql`now()` })
    .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** Serialises the changes to the set of active administrators (advisory lock held until commit). */
const ADMIN_SET_LOCK = 782302;

/**
 * Ids of the active administrators: the last-admin guard counts those other than its subject. Inside a
 * transaction, a lock taken first serialises two administrators demoting or deactivating each other at
 * the same time: the second one counts after the first one's commit and is refused. (An advisory lock
 * rather than row locks: each of them already holds its subject's row, row locks would deadlock.)
 */
export async function countActiveAdminsById(db: Executor) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${ADMIN_SET_LOCK})`);
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.status, 'active'), sql`'admin' = ANY(${users.roles})`));
  return rows.map((r) => r.id);
}

export async function recordLogin(db: Executor, id: string) {
  await db.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, id));
}

/** The account's status, moved only by the account lifecycle (lock, version + 1). */
export const userStatusStore = versionedRowStore<typeof users, UserStatus>(users, { column: 'status' });
