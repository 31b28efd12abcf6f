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

/**
 * An agreement with the cast's office on its application, taken through the lifecycle to `active` by its
 * parties (the DDO, then the office's director, then the DDO).
 */
export async function activeAgreement(cast: CompensationCast, overrides: Record<string, unknown> = {}) {
  const created = await cast.ddo.post('/api/agreements', {
    title: 'Maintenance de l’application',
    organisationId: cast.office,
    target: { kind: 'application', applicationId: cast.applicationId },
    officeSignatory: 'Directrice de la CPAM du Bas-Rhin',
    ddoSignatory: 'Directeur délégué aux opérations',
    periodStart: '2025-01',
    periodEnd: '2099-12',
    valuation: 'rateTable',
    flatAmountCents: null,
    ceilingCents: 300_000,
    commitments: ['maintenance'],
    commitmentNote: '',
    statementFrequency: 'quarterly',
    text: 'Article 1 — Objet.',
    ...overrides,
  });
  if (created.statusCode !== 201) throw new Error(`agreement not created: ${created.body}`);
  let agreement = created.json() as { id: string; version: number; state: string };
  for (const [agent, action] of [
    [cast.ddo, 'openNegotiation'],
    [cast.director, 'approveForOffice'],
    [cast.ddo, 'approveForDdo'],
    [cast.ddo, 'activate'],
  ] as const) {
    const fired = await agent.post(`/api/agreements/${agreement.id}/transitions`, {
      action,
      version: agreement.version,
    });
    if (fired.statusCode !== 200) throw new Error(`${action} refused: ${fired.body}`);
    agreement = fired.json();
  }
  return agreement;
}

/** Records effort of the cast's office on its application and has its director confirm the months. */
export async function confirmedEffort(
  cast: CompensationCast,
  lines: { month: string; profile: string; personDays: number }[],
) {
  for (const line of lines) {
    const recorded = await cast.developer.post('/api/effort', {
      ...line,
      activity: 'maintenance',
      target: { kind: 'application', applicationId: cast.applicationId },
    });
    if (recorded.statusCode !== 201) throw new Error(`effort not recorded: ${recorded.body}`);
  }
  for (const month of new Set(lines.map((l) => l.month))) {
    const confirmed = await cast.director.post('/api/effort/confirmations', { month });
    if (confirmed.statusCode !== 201) throw new Error(`month not confirmed: ${confirmed.body}`);
  }
}
