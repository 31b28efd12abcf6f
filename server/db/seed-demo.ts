import { count, isNull } from 'drizzle-orm';
import { DEMO_ACCOUNTS } from '../modules/auth/demo-accounts.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { findOrganisationByCode } from '../modules/organisations/organisations.queries.ts';
import type { Database } from './client.ts';
import { auditEvents, siteSettings, users } from './schema.ts';

/** Demo accounts on an empty database only: an instance that already has users is never touched. */
export async function seedDemo(db: Database, password: string): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    for (const account of DEMO_ACCOUNTS) {
      const organisation = await findOrganisationByCode(tx, account.organisationCode);
      if (!organisation)
        throw new Error(`Demo account ${account.email}: unknown office ${account.organisationCode}`);
      const [row] = await tx
        .insert(users)
        .values({
          email: account.email,
          displayName: account.displayName,
          organisationId: organisation.id,
          roles: account.roles,
          passwordHash,
        })
        .returning({ id: users.id });
      await tx.insert(auditEvents).values({
        action: 'user.create',
        targetType: 'user',
        targetId: row?.id ?? null,
        after: {
          email: account.email,
          roles: account.roles,
          organisationId: organisation.id,
          source: 'demo',
        },
      });
    }
    // Demonstration value, not a real mailbox: the address people write to about their personal data.
    await tx
      .update(siteSettings)
      .set({ dataRequestsEmail: 'donnees-personnelles@mutualis.demo' })
      .where(isNull(siteSettings.dataRequestsEmail));
    return { created: DEMO_ACCOUNTS.length };
  });
}
