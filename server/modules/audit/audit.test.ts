import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema.ts';
import { type Agent, createTestContext, createUser, login, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let admin: Agent;
let adminId: string;
beforeAll(async () => {
  t = await createTestContext();
  const row = await createUser(t.db, { roles: ['admin'], organisationCode: 'CNAM-DDO' });
  adminId = row.id;
  admin = await login(t.app, row.email);
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('shows who did what, to what, when, newest first, filtered by actor, action, target and dates', async () => {
    const created = (
      await admin.post('/api/users', {
        email: 'auditee@test.mutualis',
        displayName: 'Audité',
        organisationId: (await createUser(t.db, { roles: ['agent'] })).organisationId,
        roles: ['agent'],
        password: 'une phrase de passe longue',
      })
    ).json();
    await admin.post(`/api/users/${created.id}/transitions`, { action: 'deactivate', version: 1 });

    const all = (await admin.get(`/api/audit-events?actor=${adminId}`)).json();
    expect(all.items.map((e: { action: string }) => e.action)).toEqual([
      'userAccount.deactivate',
      'user.create',
      'session.login',
    ]);
    const [deactivation] = all.items;
    expect(deactivation).toMatchObject({
      targetType: 'user',
      targetId: created.id,
      targetLabel: 'Audité <auditee@test.mutualis>',
      actor: { id: adminId },
      actorOrganisation: { code: 'CNAM-DDO' },
      before: { status: 'active' },
      after: { status: 'deactivated' },
    });
    expect(Date.parse(deactivation.occurredAt)).toBeGreaterThan(Date.now() - 60_000);

    const creations = (await admin.get('/api/audit-events?action=user.create')).json();
    expect(creations.items.every((e: { action: string }) => e.action === 'user.create')).toBe(true);
    const byPrefix = (await admin.get('/api/audit-events?action=userAccount.')).json();
    expect(byPrefix.total).toBe(1);
    const byTarget = (await admin.get(`/api/audit-events?targetType=user&targetId=${created.id}`)).json();
    expect(byTarget.total).toBe(2);

    await t.db.execute(
      sql`UPDATE ${auditEvents} SET occurred_at = '2025-01-15T10:00:00Z' WHERE action = 'user.create'`,
    );
    const january = (await admin.get('/api/audit-events?from=2025-01-01&to=2025-01-31')).json();
    expect(january.items.map((e: { action: string }) => e.action)).toEqual(['user.create']);
    const sameDay = (await admin.get('/api/audit-events?from=2025-01-15&to=2025-01-15')).json();
    expect(sameDay.total).toBe(1);

    const actions = (await admin.get('/api/audit-events/actions')).json();
    expect(actions.items).toEqual([
      'referenceData.load',
      'session.login',
      'user.create',
      'userAccount.deactivate',
    ]);
    expect(actions.targetTypes).toEqual(['referenceData', 'user']);
  });

  it('rejects a malformed date with a French message naming the field', async () => {
    const response = await admin.get('/api/audit-events?from=hier');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('from');
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
