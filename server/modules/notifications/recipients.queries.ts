import { and, eq, inArray, ne, notExists, type SQL, sql } from 'drizzle-orm';
import type { FollowTarget, RecipientReason } from '../../../common/notifications.ts';
import type { Role } from '../../../common/roles.ts';
import type { Executor } from '../../db/client.ts';
import { follows, notificationMutes, organisations, users } from '../../db/schema.ts';

/** The people of an office who act for it: its developers and its director (and those of a directorate). */
export const OFFICE_ROLES: Role[] = ['developer', 'officeDirector'];

/** The handle of a person, `prenom.nom`, from the display name, in SQL (see `handleOf` in common/). */
const handle = sql`lower(regexp_replace(trim(f_unaccent(${users.displayName})), '\\s+', '.', 'g'))`;

export async function followersOfTarget(db: Executor, target: { type: FollowTarget; id: string }) {
  const rows = await db
    .select({ userId: follows.userId })
    .from(follows)
    .where(
      and(eq(follows.targetType, target.type), eq(follows.targetId, target.id), eq(follows.following, true)),
    );
  return rows.map((r) => r.userId);
}

/** People of these offices holding one of these roles. */
export async function peopleOfOffices(db: Executor, organisationIds: string[], roles: readonly string[]) {
  if (organisationIds.length === 0 || roles.length === 0) return [];
  const rows = await db
    .select({ userId: users.id })
    .from(users)
    .where(
      and(
        inArray(users.organisationId, organisationIds),
        sql`${users.roles} && ARRAY[${sql.join(
          roles.map((r) => sql`${r}`),
          sql`, `,
        )}]::text[]`,
      ),
    );
  return rows.map((r) => r.userId);
}

/** Active people holding one of these roles, wherever they are (the DDSI, a national team). */
export async function peopleWithRoles(db: Executor, roles: readonly string[]) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.status, 'active'),
        sql`${users.roles} && ARRAY[${sql.join(
          roles.map((r) => sql`${r}`),
          sql`, `,
        )}]::text[]`,
      ),
    );
  return rows.map((r) => r.id);
}

export async function peopleByHandle(db: Executor, handles: string[]) {
  if (handles.length === 0) return [];
  const rows = await db
    .select({ userId: users.id })
    .from(users)
    .where(inArray(handle as SQL, handles));
  return rows.map((r) => r.userId);
}

/**
 * Of the candidates, those who hear of the event: active accounts, not the actor, not muting the thread.
 * The reason kept for each is the first of its candidates (they come in order of precedence).
 */
export async function keepRecipients(
  db: Executor,
  candidates: { userId: string; reason: RecipientReason }[],
  actorId: string | null,
  target: { type: FollowTarget; id: string },
) {
  const reasons = new Map<string, RecipientReason>();
  for (const c of candidates)
    if (c.userId !== actorId && !reasons.has(c.userId)) reasons.set(c.userId, c.reason);
  if (reasons.size === 0) return [];
  const rows = await db
    .select({ userId: users.id })
    .from(users)
    .where(
      and(
        inArray(users.id, [...reasons.keys()]),
        eq(users.status, 'active'),
        notExists(
          db
            .select({ one: sql`1` })
            .from(notificationMutes)
            .where(
              and(
                eq(notificationMutes.userId, users.id),
                eq(notificationMutes.targetType, target.type),
                eq(notificationMutes.targetId, target.id),
              ),
            ),
        ),
      ),
    );
  return rows.map((r) => ({ userId: r.userId, reason: reasons.get(r.userId) as RecipientReason }));
}

/** The actor of an event follows its thread, unless they unfollowed it before (the row is kept then). */
export async function followAutomatically(
  db: Executor,
  userId: string,
  target: { type: FollowTarget; id: string },
) {
  await db
    .insert(follows)
    .values({ userId, targetType: target.type, targetId: target.id, automatic: true })
    .onConflictDoNothing();
}

/**
 * People whose handle starts with `start`, or one of whose names does (`sch` finds `lea.schmitt`):
 * active accounts but the asker's own, by handle, at most `limit`. `start` is a handle already (lower case, no accent).
 */
export async function suggestMentions(db: Executor, start: string, exceptUserId: string, limit: number) {
  const prefix = `${start.replace(/[\\%_]/g, '')}%`;
  return db
    .select({
      id: users.id,
      handle: sql<string>`${handle}`,
      displayName: users.displayName,
      office: organisations.name,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(users.status, 'active'),
        ne(users.id, exceptUserId),
        sql`(${handle} LIKE ${prefix} OR ${handle} LIKE ${`%.${prefix}`} OR ${handle} LIKE ${`%-${prefix}`})`,
      ),
    )
    .orderBy(sql`${handle}`)
    .limit(limit);
}
