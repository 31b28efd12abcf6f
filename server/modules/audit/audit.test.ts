import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema.ts';
import { createSheet } from '../../test/catalog-fixtures.ts';
import {
  type Agent,
  createTestContext,
  createUser,
  login,
  organisationId,
  signUp,
  type TestContext,
} from '../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** An administrator of its own: the events it writes and its version belong to the test that asked. */
const newAdmin = () => signUp(t, { roles: ['admin'], organisationCode: 'CNAM-DDO' });

/** Creates an account as `admin` through the API, then deactivates it: three events by that admin. */
async function createAndDeactivate(admin: Agent, email: string, displayName: string) {
  const created = await admin.post('/api/users', {
    email,
    displayName,
    organisationId: await organisationId(t.db, 'CPAM-69'),
    roles: ['agent'],
    password: 'une phrase de passe longue',
  });
  expect(created.statusCode).toBe(201);
  const { id } = created.json() as { id: string };
  const deactivated = await admin.post(`/api/users/${id}/transitions`, { action: 'deactivate', version: 1 });
  expect(deactivated.statusCode).toBe(200);
  return id;
}

const actions = (page: { items: { action: string }[] }) => page.items.map((e) => e.action);

describe('audit trail', () => {
  it('shows who did what, to what, when, newest first, filtered by actor, action, target and dates', async () => {
    const {
      user: { id: adminId },
      agent: admin,
    } = await newAdmin();
    const createdId = await createAndDeactivate(admin, 'auditee@test.mutualis', 'Audité');

    const all = (await admin.get(`/api/audit-events?actor=${adminId}`)).json();
    expect(actions(all)).toEqual(['userAccount.deactivate', 'user.create', 'session.login']);
    expect(all.total).toBe(3);
    const [deactivation] = all.items;
    expect(deactivation).toMatchObject({
      targetType: 'user',
      targetId: createdId,
      targetLabel: 'Audité <auditee@test.mutualis>',
      actor: { id: adminId },
      actorOrganisation: { code: 'CNAM-DDO' },
      before: { status: 'active' },
      after: { status: 'deactivated' },
    });
    expect(Date.parse(deactivation.occurredAt)).toBeGreaterThan(Date.now() - 60_000);

    const mine = (filter: string) => admin.get(`/api/audit-events?actor=${adminId}&${filter}`);
    const creations = (await mine('action=user.create')).json();
    expect(creations.items).toHaveLength(1);
    expect(creations.items[0]).toMatchObject({ action: 'user.create', targetId: createdId });
    expect(actions((await mine('action=userAccount.')).json())).toEqual(['userAccount.deactivate']);
    const byTarget = (await admin.get(`/api/audit-events?targetType=user&targetId=${createdId}`)).json();
    expect(actions(byTarget)).toEqual(['userAccount.deactivate', 'user.create']);

    await t.db
      .update(auditEvents)
      .set({ occurredAt: new Date('2025-01-15T10:00:00Z') })
      .where(and(eq(auditEvents.action, 'user.create'), eq(auditEvents.targetId, createdId)));
    expect(actions((await mine('from=2025-01-01&to=2025-01-31')).json())).toEqual(['user.create']);
    expect(actions((await mine('from=2025-01-15&to=2025-01-15')).json())).toEqual(['user.create']);
    expect(actions((await mine('to=2025-01-14')).json())).toEqual([]);
    // Newest first: the backdated creation now comes last.
    expect(actions((await mine('from=2025-01-01')).json())).toEqual([
      'userAccount.deactivate',
      'session.login',
      'user.create',
    ]);
  });

  it('lists the actions and target types found in the journal, sorted, for the filters', async () => {
    const { agent: admin } = await newAdmin();
    await createAndDeactivate(admin, 'vocabulaire@test.mutualis', 'Vocabulaire');
    const vocabulary = (await admin.get('/api/audit-events/actions')).json();
    const distinct = async (column: typeof auditEvents.action | typeof auditEvents.targetType) =>
      (await t.db.selectDistinct({ value: column }).from(auditEvents).orderBy(sql`1`)).map((r) => r.value);
    expect(vocabulary.items).toEqual(await distinct(auditEvents.action));
    expect(vocabulary.targetTypes).toEqual(await distinct(auditEvents.targetType));
    // The template database was loaded with the reference data; this test wrote the account events.
    expect(vocabulary.items).toEqual(
      expect.arrayContaining([
        'referenceData.load',
        'session.login',
        'user.create',
        'userAccount.deactivate',
      ]),
    );
    expect(vocabulary.targetTypes).toEqual(expect.arrayContaining(['referenceData', 'user']));
  });

  it('rejects a malformed date with a French message naming the field', async () => {
    const { agent: admin } = await newAdmin();
    const response = await admin.get('/api/audit-events?from=hier');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('from');
  });

  it('names the sheet an event is about, and hides sign-ins on request', async () => {
    const { user, agent: developer } = await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-69' });
    const sheet = await createSheet(developer, user.organisationId, { name: 'Registre audité' });
    const { agent: admin } = await newAdmin();
    const onSheet = (await admin.get(`/api/audit-events?targetType=application&targetId=${sheet.id}`)).json();
    expect(onSheet.items).toHaveLength(1);
    expect(onSheet.items[0]).toMatchObject({
      action: 'application.create',
      targetLabel: `Registre audité (${sheet.code})`,
      actor: { id: user.id },
    });

    const byDeveloper = `/api/audit-events?actor=${user.id}`;
    expect(actions((await admin.get(byDeveloper)).json())).toEqual(['application.create', 'session.login']);
    expect(actions((await admin.get(`${byDeveloper}&hideSessions=true`)).json())).toEqual([
      'application.create',
    ]);
    const wrong = await admin.get('/api/audit-events?hideSessions=oui');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'hideSessions' });
  });

  it('lets the DDSI read the events on the sheets, and nothing else', async () => {
    const { user, agent: developer } = await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-69' });
    const sheet = await createSheet(developer, user.organisationId, { name: 'Registre de la DDSI' });
    const { user: ddsiUser, agent: ddsi } = await signUp(t, {
      roles: ['itDirectorate'],
      organisationCode: 'CNAM-DDSI',
    });
    const onSheet = (await ddsi.get(`/api/audit-events?targetId=${sheet.id}`)).json();
    expect(actions(onSheet)).toEqual(['application.create']);
    // Its own sign-in and the developer's are events on accounts: not in what the DDSI reads.
    expect((await ddsi.get(`/api/audit-events?actor=${ddsiUser.id}`)).json().total).toBe(0);
    expect((await ddsi.get(`/api/audit-events?actor=${user.id}`)).json().items).toEqual([
      expect.objectContaining({ action: 'application.create' }),
    ]);
    const page = (await ddsi.get('/api/audit-events?pageSize=200')).json();
    expect(page.items.length).toBeGreaterThan(0);
    expect(new Set(page.items.map((e: { targetType: string }) => e.targetType))).toEqual(
      new Set(['application']),
    );
    const vocabulary = (await ddsi.get('/api/audit-events/actions')).json();
    expect(vocabulary.targetTypes).toEqual(['application']);
    expect(vocabulary.items).toContain('application.create');
    expect(vocabulary.items).not.toContain('session.login');
  });

  it('is open to the DDO and closed to an agent', async () => {
    const ddo = await login(t.app, (await createUser(t.db, { roles: ['operationsDirectorate'] })).email);
    expect((await ddo.get('/api/audit-events')).statusCode).toBe(200);
    const agent = await login(t.app, (await createUser(t.db, { roles: ['agent'] })).email);
    const refused = await agent.get('/api/audit-events');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe("Vous n'avez pas les droits nécessaires pour cette action.");
  });
});
