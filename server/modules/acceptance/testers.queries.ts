import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { organisations, users } from '../../db/schema.ts';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Active accounts whose name or e-mail contains `q` (accents as typed), with their office: 20 at most. */
export async function testerCandidates(db: Executor, q: string) {
  const pattern = `%${escapeLike(q)}%`;
  return db
    .select({ id: users.id, name: users.displayName, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(eq(users.status, 'active'), or(ilike(users.displayName, pattern), ilike(users.email, pattern))),
    )
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(20);
}
