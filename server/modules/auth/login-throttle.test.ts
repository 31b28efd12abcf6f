import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAttempts } from '../../db/schema.ts';
import { createTestContext, createUser, TEST_PASSWORD, type TestContext } from '../../test/harness.ts';
import { DEVICE_COOKIE, LOGIN_LIMITS } from './login-throttle.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const WRONG = 'not the right password';

function attempt(email: string, password: string, ip: string, deviceToken?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: ip,
    ...(deviceToken ? { cookies: { [DEVICE_COOKIE]: deviceToken } } : {}),
  });
}

/** Signs in once from a browser and returns the known-device token it was given. */
async function knownDeviceOf(email: string, ip: string) {
  const response = await attempt(email, TEST_PASSWORD, ip);
  expect(response.statusCode).toBe(200);
  const cookie = response.cookies.find((c) => c.name === DEVICE_COOKIE);
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.path).toBe('/api/auth');
  return cookie?.value ?? '';
}

const statuses = (responses: { statusCode: number }[]) =>
  responses.reduce<Record<number, number>>((acc, r) => {
    acc[r.statusCode] = (acc[r.statusCode] ?? 0) + 1;
    return acc;
  }, {});

describe('login throttling', () => {
  it('is rate-limited per account after repeated failures, even with the right password', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      expect((await attempt(user.email, WRONG, `10.1.0.${i}`)).statusCode).toBe(401);
    }
    const blocked = await attempt(user.email, TEST_PASSWORD, '10.1.1.1');
    expect(blocked.statusCode).toBe(429);
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(LOGIN_LIMITS.windowMinutes * 60 - 120);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.windowMinutes * 60);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect(blocked.json().detail).toContain('Trop de tentatives');
    expect(blocked.json().detail).toContain('déjà connecté');
  });

  it('checks no more passwords than the limit when 100 wrong ones arrive at once', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    const burst = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        attempt(user.email, WRONG, `10.2.${Math.floor(i / 50)}.${i % 50}`),
      ),
    );
    expect(statuses(burst)).toEqual({ 401: LOGIN_LIMITS.perAccount, 429: 100 - LOGIN_LIMITS.perAccount });
  });

  it('a right password in a burst of 59 wrong ones is checked only within the limit, and erases nothing', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    const burst = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        attempt(user.email, i === 30 ? TEST_PASSWORD : WRONG, `10.3.0.${i}`),
      ),
    );
    const counts = statuses(burst);
    // Exactly `perAccount` attempts reached the password check; the others were refused before it.
    expect((counts[200] ?? 0) + (counts[401] ?? 0)).toBe(LOGIN_LIMITS.perAccount);
    expect(counts[429]).toBe(60 - LOGIN_LIMITS.perAccount);
    const failures = await t.db
      .select()
      .from(loginAttempts)
      .where(and(eq(loginAttempts.emailKey, user.email.toLowerCase()), eq(loginAttempts.succeeded, false)));
    expect(failures).toHaveLength(counts[401] ?? 0);
  });

  it('a success erases no failure: they keep counting until they leave the window', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    for (let i = 0; i < 3; i++)
      expect((await attempt(user.email, WRONG, `10.4.0.${i}`)).statusCode).toBe(401);
    expect((await attempt(user.email, TEST_PASSWORD, '10.4.1.1')).statusCode).toBe(200);
    for (let i = 3; i < LOGIN_LIMITS.perAccount; i++) {
      expect((await attempt(user.email, WRONG, `10.4.0.${i}`)).statusCode).toBe(401);
    }
    expect((await attempt(user.email, TEST_PASSWORD, '10.4.1.2')).statusCode).toBe(429);
  });

  it('an account locked by failures from elsewhere still opens from a browser it signed in from', async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    const device = await knownDeviceOf(user.email, '10.5.0.1');
    for (let i = 0; i < 20; i++) await attempt(user.email, WRONG, `10.5.1.${i}`);
    expect((await attempt(user.email, TEST_PASSWORD, '10.5.2.1')).statusCode).toBe(429);
    const fromKnown = await attempt(user.email, TEST_PASSWORD, '10.5.2.1', device);
    expect(fromKnown.statusCode).toBe(200);
    // The known browser keeps its token: no new cookie is issued.
    expect(fromKnown.cookies.find((c) => c.name === DEVICE_COOKIE)).toBeUndefined();
  });

  it("a known browser's own failures are limited, without locking the account for the owner's other browsers", async () => {
    const user = await createUser(t.db, { roles: ['agent'] });
    const device = await knownDeviceOf(user.email, '10.6.0.1');
    for (let i = 0; i < LOGIN_LIMITS.perDevice; i++) {
      expect((await attempt(user.email, WRONG, '10.6.0.1', device)).statusCode).toBe(401);
    }
    const blocked = await attempt(user.email, TEST_PASSWORD, '10.6.0.1', device);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().detail).toContain('depuis ce navigateur');
    expect((await attempt(user.email, TEST_PASSWORD, '10.6.0.2')).statusCode).toBe(200);
  });

  it("another account's device cookie is not a known browser for this one", async () => {
    const owner = await createUser(t.db, { roles: ['agent'] });
    const victim = await createUser(t.db, { roles: ['agent'] });
    const device = await knownDeviceOf(owner.email, '10.7.0.1');
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) await attempt(victim.email, WRONG, `10.7.1.${i}`);
    expect((await attempt(victim.email, TEST_PASSWORD, '10.7.2.1', device)).statusCode).toBe(429);
  });

  it('is rate-limited per address across accounts', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
      await attempt(`spray${i}@test.mutualis`, 'whatever password', '10.9.9.9');
    }
    const user = await createUser(t.db, { roles: ['agent'] });
    expect((await attempt(user.email, TEST_PASSWORD, '10.9.9.9')).statusCode).toBe(429);
    expect((await attempt(user.email, TEST_PASSWORD, '10.9.9.10')).statusCode).toBe(200);
  });

  it('behind a trusted proxy, throttles the address the proxy reports, not the proxy itself', async () => {
    const proxied = await createTestContext({ trustProxy: 1 });
    try {
      const viaProxy = (client: string, email: string, password: string) =>
        proxied.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email, password },
          remoteAddress: '10.0.0.254',
          headers: { 'x-forwarded-for': client },
        });
      for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
        await viaProxy('192.0.2.10', `spray${i}@test.mutualis`, 'whatever password');
      }
      const user = await createUser(proxied.db, { roles: ['agent'] });
      expect((await viaProxy('192.0.2.10', user.email, TEST_PASSWORD)).statusCode).toBe(429);
      expect((await viaProxy('192.0.2.11', user.email, TEST_PASSWORD)).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});
