import type { Role } from '../common/roles.ts';
import type { Database } from '../server/db/client.ts';
import { insertSession } from '../server/modules/auth/sessions.queries.ts';
import { findOrganisationByCode } from '../server/modules/organisations/organisations.queries.ts';
import { insertUser } from '../server/modules/users/users.queries.ts';

/** A bench user of `officeCode` with `roles`, and an open session: its cookie and CSRF token. */
export async function benchSession(db: Database, officeCode: string, roles: Role[]) {
  const office = await findOrganisationByCode(db, officeCode);
  const user = await insertUser(db, {
    email: `bench.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@mutualis.bench`,
    displayName: 'Bench',
    organisationId: office?.id as string,
    roles,
    passwordHash: 'not-used',
  });
  const session = await insertSession(db, {
    userId: user.id,
    ip: '127.0.0.1',
    userAgent: 'bench',
    timeouts: { idleMinutes: 600, absoluteHours: 24 },
  });
  return { user, cookie: `mutualis_session=${session.token}`, csrfToken: session.csrfToken };
}
