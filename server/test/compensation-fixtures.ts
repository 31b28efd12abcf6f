import { createSheet } from './catalog-fixtures.ts';
import { organisationId, signUp, type TestContext } from './harness.ts';

/**
 * The people of a compensation test: the DDO, the director and a developer of the CPAM du Bas-Rhin, and an
 * application its developer declared (the object of effort and agreements).
 */
export async function compensationCast(t: TestContext) {
  const ddo = (await signUp(t, { roles: ['operationsDirectorate'], organisationCode: 'CNAM-DDO' })).agent;
  const director = (await signUp(t, { roles: ['officeDirector'], organisationCode: 'CPAM-67' })).agent;
  const developer = (await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-67' })).agent;
  const office = await organisationId(t.db, 'CPAM-67');
  const sheet = await createSheet(developer, office);
  return { ddo, director, developer, office, applicationId: sheet.id, applicationCode: sheet.code };
}
export type CompensationCast = Awaited<ReturnType<typeof compensationCast>>;
