import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema.ts';
import {
  type Agent,
  createTestContext,
  createUser,
  login,
  organisationId,
  type TestContext,
} from './harness.ts';

/**
 * Measures of the security file (docs/security/) that no feature test held on its own: what every
 * answer carries, and how a password set through the API is stored.
 */
let t: TestContext;
let admin: Agent;
beforeAll(async () => {
  t = await createTestContext();
  const row = await createUser(t.db, { roles: ['admin'], organisationCode: 'CNAM-DDO' });
  admin = await login(t.app, row.email);
});
afterAll(() => t.close());

describe('what every answer carries', () => {
  it('keeps API answers out of browser and proxy caches (Cache-Control: no-store)', async () => {
    for (const url of ['/api/me', '/api/users', '/api/audit-events']) {
      const response = await admin.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    const refused = await t.app.inject({ url: '/api/me' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('turns off the browser features the portal does not use, on the API and the web app', async () => {
    for (const url of ['/api/config', '/health/live', '/']) {
      const policy = String((await t.app.inject({ url })).headers['permissions-policy']);
      for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()'])
        expect(policy, url).toContain(feature);
    }
  });

  it('does not say which server or framework answers', async () => {
    for (const url of ['/api/config', '/api/unknown', '/']) {
      const response = await t.app.inject({ url });
      expect(response.headers.server, url).toBeUndefined();
      expect(response.headers['x-powered-by'], url).toBeUndefined();
    }
  });

  it('forbids plugins, inline and foreign scripts, and foreign forms in its content security policy', async () => {
    const csp = String((await t.app.inject({ url: '/api/config' })).headers['content-security-policy']);
    for (const directive of [
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });

  it('grants no cross-origin access, whatever the Origin says', async () => {
    const origin = 'https://ailleurs.example';
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/me',
      headers: { origin, 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const read = await t.app.inject({ url: '/api/me', headers: { origin, cookie: admin.cookie } });
    expect(read.statusCode).toBe(200);
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
    expect(read.headers['access-control-allow-credentials']).toBeUndefined();
  });
});

describe('passwords', () => {
  /** An administrator creates an agent's account with this password. */
  const createAccount = async (email: string, password: string) =>
    admin.post('/api/users', {
      email,
      displayName: 'Compte de test',
      organisationId: await organisationId(t.db, 'CPAM-69'),
      roles: ['agent'],
      password,
    });

  it('stores a password set through the API as argon2id (19 MiB, 2 passes, its own salt), never in clear', async () => {
    const hashes: string[] = [];
    for (const email of ['hash.one@test.mutualis', 'hash.two@test.mutualis']) {
      const created = await createAccount(email, 'la même phrase de passe');
      expect(created.statusCode, created.body).toBe(201);
      const [row] = await t.db.select().from(users).where(eq(users.id, created.json().id));
      hashes.push(row?.passwordHash ?? '');
    }
    for (const hash of hashes) {
      // PHC string: $argon2id$v=19$<parameters>$<salt>$<hash>, salt of 16 bytes, hash of 32 (base64, unpadded).
      const [, algorithm, version, parameters, salt, digest] = hash.split('$');
      expect([algorithm, version]).toEqual(['argon2id', 'v=19']);
      expect(parameters?.split(',').sort()).toEqual(['m=19456', 'p=1', 't=2']);
      expect(salt).toMatch(/^[A-Za-z0-9+/]{22}$/);
      expect(digest).toMatch(/^[A-Za-z0-9+/]{43}$/);
      expect(hash).not.toContain('la même phrase de passe');
    }
    // Same password, different salts: two different hashes.
    expect(hashes[0]).not.toBe(hashes[1]);
  });

  it('refuses a password shorter than 12 characters, naming the field in French', async () => {
    const response = await createAccount('short.password@test.mutualis', 'trop court');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toContainEqual({
      field: 'password',
      message: 'Le mot de passe doit compter au moins 12 caractères.',
    });
  });

  it('takes a long passphrase of any printable characters whole, without composition rules, and refuses one over 200', async () => {
    // 64 characters: spaces, accents, an emoji, lower case only, no digit.
    const passphrase = 'le vieux phare de l’île tourne encore 🌊 quand la marée descend !';
    expect([...passphrase].length).toBe(64);
    const created = await createAccount('long.passphrase@test.mutualis', passphrase);
    expect(created.statusCode, created.body).toBe(201);
    const signIn = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'long.passphrase@test.mutualis', password },
      });
    expect((await signIn(passphrase)).statusCode).toBe(200);
    // Nothing is cut: the same passphrase short of its last character is a wrong password.
    expect((await signIn(passphrase.slice(0, -1))).statusCode).toBe(401);

    const tooLong = await createAccount('too.long@test.mutualis', 'x'.repeat(201));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors).toContainEqual({
      field: 'password',
      message: 'Le mot de passe est limité à 200 caractères.',
    });
  });
});

/** The code the server and the browser run, tests left out. */
const root = path.resolve(import.meta.dirname, '../..');
function sources(folder: string): { file: string; text: string }[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .map((name) => path.join(folder, name))
    .filter((file) => !file.includes(`${path.sep}test${path.sep}`))
    .map((file) => ({ file, text: readFileSync(path.join(root, file), 'utf8') }));
}
const shipped = [...sources('server'), ...sources('common'), ...sources('web/src')];

describe('the code it runs', () => {
  it('has no dynamic code, no disabled certificate check, no weak hash and no guessable random', () => {
    expect(shipped.length).toBeGreaterThan(300);
    const forbidden: [string, RegExp][] = [
      ['eval', /\beval\(|new Function\(/],
      ['certificate check turned off', /rejectUnauthorized\s*:\s*false|NODE_TLS_REJECT_UNAUTHORIZED/],
      ['weak hash', /createHash\(\s*['"](md5|sha1)['"]/i],
      ['Math.random', /Math\.random\(/],
    ];
    const found = shipped.flatMap(({ file, text }) =>
      forbidden.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${file}: ${what}`),
    );
    expect(found).toEqual([]);
  });

  it('keeps nothing in browser storage but the chosen language', () => {
    const users = sources('web/src').filter(({ text }) => /localStorage|sessionStorage|indexedDB/.test(text));
    expect(users.map((u) => u.file)).toEqual([path.join('web/src', 'i18n', 'index.ts')]);
    const keys = [...(users[0]?.text ?? '').matchAll(/localStorage\.setItem\(([^,]+),/g)].map((m) => m[1]);
    expect(keys).toEqual(['STORAGE_KEY']);
    expect(users[0]?.text).toContain("'mutualis.language'");
  });
});
