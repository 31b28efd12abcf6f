import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../db/schema.ts';
import { createTestContext, createUser, login, TEST_PASSWORD, type TestContext } from '../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const loginRequest = (email: string, password: string, ip = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

describe('login', () => {
  it('opens a session with an HttpOnly, SameSite cookie and returns the user with a CSRF token', async () => {
    const user = await createUser(t.db, { roles: ['agent'], email: 'Camille.Durand@test.mutualis' });
    const response = await loginRequest('camille.durand@test.mutualis', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user.id).toBe(user.id);
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/mutualis_session=[\w-]{43};/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
    expect(header).not.toContain('Secure');
    const [stored] = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    // The database keeps a hash of the token, never the token itself.
    expect(stored?.id).toMatch(/^[0-9a-f]{64}$/);
    expect(header).not.toContain(stored?.id);
  });

  it('answers an unknown e-mail and a wrong password alike, in French', async () => {
    await createUser(t.db, { roles: ['agent'], email: 'known@test.mutualis' });
    const unknown = await loginRequest('nobody@test.mutualis', TEST_PASSWORD, '10.0.0.1');
    const wrong = await loginRequest('known@test.mutualis', 'not the right one', '10.0.0.1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const { requestId: _a, ...a } = unknown.json();
    const { requestId: _b, ...b } = wrong.json();
    expect(a).toEqual(b);
    expect(a.detail).toBe('Adresse e-mail ou mot de passe incorrect.');
  });

  it('refuses a deactivated account with the same answer', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    await t.db.update(users).set({ status: 'deactivated' }).where(eq(users.id, user.id));
    const response = await loginRequest(user.email, TEST_PASSWORD, '10.0.0.2');
    expect(response.statusCode).toBe(401);
  });

  it('names the missing field in French', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'a@b.fr' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { field: 'password', message: 'Le mot de passe est obligatoire.' },
    ]);
  });
});

describe('session', () => {
  it('GET /api/me returns the user, office, roles, abilities and CSRF token', async () => {
    const user = await createUser(t.db, { roles: ['developer', 'referent'], organisationCode: 'CPAM-67' });
    const agent = await login(t.app, user.email);
    const me = (await agent.get('/api/me')).json();
    expect(me.user.email).toBe(user.email);
    expect(me.organisation.code).toBe('CPAM-67');
    expect(me.roles).toEqual(['developer', 'referent']);
    expect(me.abilities).toContain('organisation.read');
    expect(me.abilities).not.toContain('user.create');
    expect(me.csrfToken).toBe(agent.csrfToken);
  });

  it('refuses an unsafe request without the CSRF header, and with a wrong one', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    const agent = await login(t.app, user.email);
    expect((await agent.request('POST', '/api/auth/logout', undefined, { csrf: false })).statusCode).toBe(
      403,
    );
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: agent.cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await agent.get('/api/me')).statusCode).toBe(200);
  });

  it('a new login replaces the session the browser carried: the old token stops working', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    const first = await login(t.app, user.email);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
      headers: { cookie: first.cookie },
    });
    expect(again.statusCode).toBe(200);
    expect((await first.get('/api/me')).statusCode).toBe(401);
  });

  it('logout ends the session', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    const agent = await login(t.app, user.email);
    expect((await agent.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await agent.get('/api/me')).statusCode).toBe(401);
  });

  it('ends after the idle timeout and after the absolute timeout', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    const idle = await login(t.app, user.email);
    await t.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '31 minutes'` })
      .where(eq(sessions.userId, user.id));
    expect((await idle.get('/api/me')).statusCode).toBe(401);

    const absolute = await login(t.app, user.email);
    expect((await absolute.get('/api/me')).statusCode).toBe(200);
    await t.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.userId, user.id));
    expect((await absolute.get('/api/me')).statusCode).toBe(401);
  });

  it('a password change ends the other sessions and keeps the current one', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    const here = await login(t.app, user.email);
    const elsewhere = await login(t.app, user.email);
    const tooShort = await here.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'court',
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors[0]).toEqual({
      field: 'newPassword',
      message: 'Le mot de passe doit compter au moins 12 caractères.',
    });
    const wrongCurrent = await here.post('/api/me/password', {
      currentPassword: 'not my password',
      newPassword: 'a brand new passphrase',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    const ok = await here.post('/api/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect(ok.statusCode).toBe(204);
    expect((await here.get('/api/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/me')).statusCode).toBe(401);
    await login(t.app, user.email, 'a brand new passphrase');
  });

  it('marks the cookie Secure and sends HSTS when the public address is https', async () => {
    const secure = await createTestContext({ publicUrl: 'https://mutualis.assurance-maladie.fr' });
    try {
      const user = await createUser(secure.db, { roles: ['agent'] });
      const response = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: TEST_PASSWORD },
      });
      expect(String(response.headers['set-cookie'])).toContain('Secure');
      expect(response.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await secure.close();
    }
  });

  it('sends the security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health/live' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});
