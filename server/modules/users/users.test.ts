import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../db/schema.ts';
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
let admin: Agent;
let adminId: string;
beforeAll(async () => {
  t = await createTestContext();
  const adminRow = await createUser(t.db, { roles: ['admin'], organisationCode: 'CNAM-DDO' });
  adminId = adminRow.id;
  admin = await login(t.app, adminRow.email);
});
afterAll(() => t.close());

/** An administrator of its own: the events it writes and its version belong to the test that asked. */
const newAdmin = () => signUp(t, { roles: ['admin'], organisationCode: 'CNAM-DDO' });

const auditFor = (targetId: string) =>
  t.db.select().from(auditEvents).where(eq(auditEvents.targetId, targetId)).orderBy(auditEvents.id);

describe('an administrator manages accounts', () => {
  it('creates a user with roles in an office, audited in the same transaction', async () => {
    const rhone = await organisationId(t.db, 'CPAM-69');
    const response = await admin.post('/api/users', {
      email: '  Marie.Lefevre@Assurance-Maladie.fr ',
      displayName: 'Marie Lefèvre',
      organisationId: rhone,
      roles: ['developer', 'referent', 'developer'],
      password: 'une phrase de passe longue',
    });
    expect(response.statusCode).toBe(201);
    const user = response.json();
    expect(user).toMatchObject({
      email: 'marie.lefevre@assurance-maladie.fr',
      roles: ['developer', 'referent'],
      status: 'active',
      version: 1,
      organisation: { code: 'CPAM-69' },
    });
    expect(user).not.toHaveProperty('passwordHash');
    const [event] = await auditFor(user.id);
    expect(event).toMatchObject({ action: 'user.create', targetType: 'user', actorUserId: adminId });
    expect(JSON.stringify(event?.after)).not.toContain('argon2');
    expect(event?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    await login(t.app, 'marie.lefevre@assurance-maladie.fr', 'une phrase de passe longue');
  });

  it('lists every field in error, in French, and writes nothing', async () => {
    const before = await t.db.select().from(users);
    const response = await admin.post('/api/users', {
      email: 'pas-une-adresse',
      displayName: 'X',
      organisationId: 'nope',
      roles: ['chef'],
      password: 'court',
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.detail).toContain('« email »');
    const fields = problem.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['displayName', 'email', 'organisationId', 'password', 'roles.0']);
    expect(problem.errors.find((e: { field: string }) => e.field === 'email').message).toBe(
      "L'adresse e-mail n'est pas valide.",
    );
    expect(await t.db.select().from(users)).toHaveLength(before.length);
  });

  it('refuses a duplicate e-mail (whatever its case) and an unknown office', async () => {
    const existing = await createUser(t.db, { roles: ['agent'] });
    const duplicate = await admin.post('/api/users', {
      email: existing.email.toUpperCase(),
      displayName: 'Doublon',
      organisationId: existing.organisationId,
      roles: ['agent'],
      password: 'une phrase de passe longue',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].field).toBe('email');
    const unknownOffice = await admin.post('/api/users', {
      email: 'new.one@test.mutualis',
      displayName: 'Nouvel agent',
      organisationId: '00000000-0000-4000-8000-000000000000',
      roles: ['agent'],
      password: 'une phrase de passe longue',
    });
    expect(unknownOffice.statusCode).toBe(400);
    expect(unknownOffice.json().errors[0].field).toBe('organisationId');
  });

  it('edits roles and office with the version, and refuses a stale version with 409', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    const basRhin = await organisationId(t.db, 'CPAM-67');
    const first = await admin.patch(`/api/users/${user.id}`, {
      version: 1,
      roles: ['agent', 'developer'],
      organisationId: basRhin,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      version: 2,
      roles: ['agent', 'developer'],
      organisation: { code: 'CPAM-67' },
    });

    const stale = await admin.patch(`/api/users/${user.id}`, { version: 1, displayName: 'Écrasement' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain("Ce compte a été modifié par quelqu'un d'autre");
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.displayName).toBe(user.displayName);

    const events = await auditFor(user.id);
    expect(events.map((e) => e.action)).toEqual(['user.update']);
    expect(events[0]?.before).toMatchObject({ roles: ['agent'] });
    expect(events[0]?.after).toMatchObject({ roles: ['agent', 'developer'], organisationId: basRhin });
  });

  it('deactivates a user through the transitions route: their sessions end at once; reactivation restores access', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    const session = await login(t.app, user.email);
    expect((await session.get('/api/me')).statusCode).toBe(200);

    const shown = (await admin.get(`/api/users/${user.id}`)).json();
    const deactivate = shown.transitions.find((x: { action: string }) => x.action === 'deactivate');
    expect(deactivate).toMatchObject({ allowed: true, to: ['deactivated'], confirm: true, reason: null });
    expect(deactivate.parties).toEqual([
      { kind: 'role', label: { fr: 'Administrateur', en: 'Administrator' } },
    ]);
    expect(deactivate.input.properties.reason).toMatchObject({ label: { fr: 'Motif (facultatif)' } });

    const response = await admin.post(`/api/users/${user.id}/transitions`, {
      action: 'deactivate',
      version: 1,
      input: { reason: 'Départ à la retraite' },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ status: 'deactivated', version: 2 });
    expect(
      body.transitions
        .filter((x: { allowed: boolean }) => x.allowed)
        .map((x: { action: string }) => x.action),
    ).toEqual(['reactivate']);
    expect(body.lifecycles[0].reached.map((r: { state: string }) => r.state)).toEqual([
      'active',
      'deactivated',
    ]);
    expect(body.lifecycles[0].reached[1]).toMatchObject({
      by: { kind: 'user', name: expect.any(String) },
      input: [{ label: { fr: 'Motif (facultatif)' }, value: 'Départ à la retraite' }],
    });
    expect((await session.get('/api/me')).statusCode).toBe(401);
    const relogin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'correct horse battery' },
    });
    expect(relogin.statusCode).toBe(401);

    const again = await admin.post(`/api/users/${user.id}/transitions`, { action: 'reactivate', version: 2 });
    expect(again.statusCode).toBe(200);
    await login(t.app, user.email);
    const events = await auditFor(user.id);
    expect(events.map((e) => e.action)).toEqual([
      'session.login',
      'userAccount.deactivate',
      'userAccount.reactivate',
      'session.login',
    ]);
    expect(events[1]?.details).toEqual({
      lifecycle: 'userAccount',
      transition: 'deactivate',
      from: 'active',
      to: 'deactivated',
      input: { reason: 'Départ à la retraite' },
    });
  });

  it('no longer changes the status through PATCH: 400 naming the field and the action to use', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    const response = await admin.patch(`/api/users/${user.id}`, { version: 1, status: 'deactivated' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: 'status' });
    expect(response.json().detail).toContain('Désactiver le compte');
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ status: 'active', version: 1 });
  });

  it('refuses a deactivation made on a stale version: 409, the account stays active and signed in', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    const session = await login(t.app, user.email);
    expect(
      (await admin.patch(`/api/users/${user.id}`, { version: 1, displayName: 'Nom changé' })).statusCode,
    ).toBe(200);
    const stale = await admin.post(`/api/users/${user.id}/transitions`, { action: 'deactivate', version: 1 });
    expect(stale.statusCode).toBe(409);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ status: 'active', version: 2 });
    expect((await session.get('/api/me')).statusCode).toBe(200);
  });

  it('refuses to remove its own administrator role', async () => {
    const {
      agent,
      user: { id },
    } = await newAdmin();
    const response = await agent.patch(`/api/users/${id}`, { version: 1, roles: ['agent'] });
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toContain('propre rôle administrateur');
    const [row] = await t.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ roles: ['admin'], version: 1 });
  });

  it('refuses to deactivate oneself: 422 with the guard code, shown as not allowed with the same reason', async () => {
    const {
      agent,
      user: { id },
    } = await newAdmin();
    const self = (await agent.get(`/api/users/${id}`)).json();
    const offered = self.transitions.find((x: { action: string }) => x.action === 'deactivate');
    expect(offered).toMatchObject({ allowed: false, reason: { kind: 'guard', code: 'self' } });
    expect(offered.reason.message.en).toContain('your own account');
    const response = await agent.post(`/api/users/${id}/transitions`, {
      action: 'deactivate',
      version: self.version,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ refusal: { code: 'self' } });
    expect(response.json().detail).toContain('propre compte');
    const [row] = await t.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ status: 'active' });
  });

  it('refuses transitions to a non-party (403 with its code), an unknown action (400) and bad input (400 naming the field)', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    const director = await createUser(t.db, { roles: ['officeDirector'] });
    const directorAgent = await login(t.app, director.email);
    const refused = await directorAgent.post(`/api/users/${user.id}/transitions`, {
      action: 'deactivate',
      version: 1,
    });
    expect(refused.statusCode).toBe(403);
    const unknown = await admin.post(`/api/users/${user.id}/transitions`, { action: 'delete', version: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('action');
    // Names every JavaScript object answers to are no actions either.
    for (const action of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const inherited = await admin.post(`/api/users/${user.id}/transitions`, { action, version: 1 });
      expect(inherited.statusCode, action).toBe(400);
    }
    const bad = await admin.post(`/api/users/${user.id}/transitions`, {
      action: 'deactivate',
      version: 1,
      input: { reason: 'x'.repeat(501) },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({
      field: 'input.reason',
      message: expect.stringContaining('500'),
    });
    const wrongState = await admin.post(`/api/users/${user.id}/transitions`, {
      action: 'reactivate',
      version: 1,
    });
    expect(wrongState.statusCode).toBe(409);
    expect(wrongState.json().refusal.code).toBe('wrongState');
    const missing = await admin.post('/api/users/00000000-0000-4000-8000-000000000000/transitions', {
      action: 'deactivate',
      version: 1,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('resets a password: the user is signed out everywhere', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    const session = await login(t.app, user.email);
    const response = await admin.patch(`/api/users/${user.id}`, {
      version: 1,
      password: 'mot de passe provisoire',
    });
    expect(response.statusCode).toBe(200);
    expect((await session.get('/api/me')).statusCode).toBe(401);
    await login(t.app, user.email, 'mot de passe provisoire');
  });

  it('answers 404 for an unknown account and 400 for a malformed id', async () => {
    expect((await admin.get('/api/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const malformed = await admin.get('/api/users/42');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('id');
  });

  it('filters the list by office, role, status and text', async () => {
    // Every account of this test carries the word "Zéphyrin"; the DDGOS is the office of this test only.
    const ddgos = await organisationId(t.db, 'CNAM-DDGOS');
    const sponsor = await createUser(t.db, {
      roles: ['sponsor'],
      organisationCode: 'CNAM-DDGOS',
      displayName: 'Hélène Zéphyrin',
    });
    const agentHere = await createUser(t.db, {
      roles: ['agent'],
      organisationCode: 'CNAM-DDGOS',
      displayName: 'Paul Zéphyrin',
    });
    const sponsorElsewhere = await createUser(t.db, {
      roles: ['sponsor'],
      organisationCode: 'CPAM-21',
      displayName: 'Jeanne Zéphyrin',
    });
    const gone = await createUser(t.db, {
      roles: ['sponsor'],
      organisationCode: 'CNAM-DDGOS',
      displayName: 'Marc Zéphyrin',
    });
    expect(
      (await admin.post(`/api/users/${gone.id}/transitions`, { action: 'deactivate', version: 1 }))
        .statusCode,
    ).toBe(200);
    const ids = async (query: string) => {
      const page = (await admin.get(`/api/users?${query}`)).json();
      const found = page.items.map((u: { id: string }) => u.id).sort();
      expect(page.total).toBe(found.length);
      return found;
    };
    const sorted = (...rows: { id: string }[]) => rows.map((r) => r.id).sort();

    expect(await ids('q=zephyrin')).toEqual(sorted(sponsor, agentHere, sponsorElsewhere, gone));
    expect(await ids('q=HELENE%20zeph')).toEqual(sorted(sponsor));
    expect(await ids(`organisationId=${ddgos}`)).toEqual(sorted(sponsor, agentHere, gone));
    expect(await ids('q=zephyrin&role=sponsor')).toEqual(sorted(sponsor, sponsorElsewhere, gone));
    expect(await ids('q=zephyrin&status=deactivated')).toEqual(sorted(gone));
    expect(await ids(`q=zephyrin&role=sponsor&status=active&organisationId=${ddgos}`)).toEqual(
      sorted(sponsor),
    );
  });
});
