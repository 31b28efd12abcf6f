import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS } from '../../../common/audit-actions.ts';
import { auditEvents, users } from '../../db/schema.ts';
import {
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

const auditFor = (targetId: string) =>
  t.db.select().from(auditEvents).where(eq(auditEvents.targetId, targetId)).orderBy(auditEvents.id);

describe('an office director sees the accounts of their own office only', () => {
  it('lists and reads own office, 403 elsewhere, and cannot edit', async () => {
    // The CPAM de la Gironde is the office of this test only: its list holds exactly these two accounts.
    const director = await createUser(t.db, { roles: ['officeDirector'], organisationCode: 'CPAM-33' });
    const colleague = await createUser(t.db, { roles: ['agent'], organisationCode: 'CPAM-33' });
    const stranger = await createUser(t.db, { roles: ['agent'], organisationCode: 'CPAM-13' });
    const agent = await login(t.app, director.email);
    const list = (await agent.get('/api/users?pageSize=200')).json();
    expect(list.items.map((u: { id: string }) => u.id).sort()).toEqual([director.id, colleague.id].sort());
    expect(list.total).toBe(2);
    const elsewhere = (await agent.get(`/api/users?organisationId=${stranger.organisationId}`)).json();
    expect(elsewhere).toMatchObject({ total: 0, items: [] });
    expect((await agent.get(`/api/users/${colleague.id}`)).statusCode).toBe(200);
    expect((await agent.get(`/api/users/${stranger.id}`)).statusCode).toBe(403);
    expect(
      (await agent.patch(`/api/users/${colleague.id}`, { version: 1, displayName: 'Autre' })).statusCode,
    ).toBe(403);
  });
});

describe('audit trail words', () => {
  it('every action an account goes through has a French and English label for the audit page', async () => {
    const { agent: ownAdmin } = await newAdmin();
    const created = await ownAdmin.post('/api/users', {
      email: 'libelles.audit@test.mutualis',
      displayName: 'Compte des libellés',
      organisationId: await organisationId(t.db, 'CPAM-69'),
      roles: ['agent'],
      password: 'une phrase de passe longue',
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const step = async (body: Record<string, unknown>) =>
      expect((await ownAdmin.patch(`/api/users/${id}`, body)).statusCode).toBe(200);
    await step({ version: 1, displayName: 'Compte des libellés (modifié)' });
    await step({ version: 2, password: 'mot de passe provisoire' });
    const fire = async (action: string, version: number) =>
      expect((await ownAdmin.post(`/api/users/${id}/transitions`, { action, version })).statusCode).toBe(200);
    await fire('deactivate', 3);
    await fire('reactivate', 4);
    const session = await login(t.app, 'libelles.audit@test.mutualis', 'mot de passe provisoire');
    expect(
      (
        await session.post('/api/me/password', {
          currentPassword: 'mot de passe provisoire',
          newPassword: 'une autre phrase de passe',
        })
      ).statusCode,
    ).toBe(204);
    expect((await session.post('/api/auth/logout')).statusCode).toBe(204);

    const actions = [...new Set((await auditFor(id)).map((e) => e.action))].sort();
    expect(actions).toEqual([
      'session.login',
      'session.logout',
      'user.changePassword',
      'user.create',
      'user.resetPassword',
      'user.update',
      'userAccount.deactivate',
      'userAccount.reactivate',
    ]);
    expect(
      actions.filter((action) => !AUDIT_ACTION_LABELS[action]?.fr || !AUDIT_ACTION_LABELS[action]?.en),
    ).toEqual([]);
  });
});

describe('the last active administrator', () => {
  it('survives two administrators deactivating each other at the same time: one succeeds, one is refused', async () => {
    // A database of its own: these two are its only administrators.
    const own = await createTestContext();
    try {
      const [a, b] = await Promise.all([
        createUser(own.db, { roles: ['admin'], organisationCode: 'CNAM-DDO' }),
        createUser(own.db, { roles: ['admin'], organisationCode: 'CNAM-DDO' }),
      ]);
      if (!a || !b) throw new Error('no administrators');
      const [asA, asB] = [await login(own.app, a.email), await login(own.app, b.email)];
      const responses = await Promise.all([
        asA.post(`/api/users/${b.id}/transitions`, { action: 'deactivate', version: 1 }),
        asB.post(`/api/users/${a.id}/transitions`, { action: 'deactivate', version: 1 }),
      ]);
      const statuses = responses.map((r) => r.statusCode).sort();
      // The second one is refused: as the last active administrator (422), or because its own session
      // ended with its deactivation (401) — never both deactivated.
      expect(statuses[0]).toBe(200);
      expect([401, 422]).toContain(statuses[1]);
      const active = await own.db.select().from(users).where(eq(users.status, 'active'));
      expect(active.map((u) => u.id).filter((id) => id === a.id || id === b.id)).toHaveLength(1);
    } finally {
      await own.close();
    }
  }, 120_000);
});
