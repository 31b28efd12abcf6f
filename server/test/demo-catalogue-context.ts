import { seedDemoCatalogue } from '../db/demo/seed-catalogue.ts';
import type { Agent, TestContext } from './harness.ts';
import { createTestContext, createUser, login, organisationId } from './harness.ts';

/** A test database holding the demo catalogue, with a developer of the CPAM du Rhône signed in. */
export async function demoCatalogueContext(): Promise<{ t: TestContext; developer: Agent; rhone: string }> {
  const t = await createTestContext();
  await seedDemoCatalogue(t.db);
  const rhone = await organisationId(t.db, 'CPAM-69');
  const developer = await login(
    t.app,
    (await createUser(t.db, { roles: ['developer'], organisationCode: 'CPAM-69' })).email,
  );
  return { t, developer, rhone };
}
