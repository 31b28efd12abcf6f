import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createTestContext, createUser, TEST_PASSWORD, type TestContext } from '../../test/harness.ts';
import { DIRECTORY_CLIENT, DIRECTORY_SCOPES, startDirectory } from '../../test/oidc-provider.ts';

/** The whole sign-in through a real OpenID provider (oidc-provider) running in this process. */
const PORTAL = 'http://mutualis.test';
const people = {
  'claire.new': {
    email: 'claire.sso@test.mutualis',
    email_verified: true,
    name: 'Claire Nouvelle',
    office: 'CPAM-67',
  },
  'bruno.linked': {
    email: 'Bruno.SSO@test.mutualis',
    email_verified: true,
    name: 'Bruno Lié',
    groups: ['GRP-DEV'],
  },
  'ursula.unverified': { email: 'ursula.sso@test.mutualis', email_verified: false, office: 'CPAM-67' },
  'olivier.unknown': { email: 'olivier.sso@test.mutualis', email_verified: true, office: 'CPAM-999' },
  'nadia.nooffice': { email: 'nadia.sso@test.mutualis', email_verified: true },
  'remi.replay': { email: 'remi.sso@test.mutualis', email_verified: true, office: 'CPAM-67' },
  'sophie.state': { email: 'sophie.sso@test.mutualis', email_verified: true, office: 'CPAM-67' },
  'nathan.nonce': { email: 'nathan.sso@test.mutualis', email_verified: true, office: 'CPAM-67' },
  'agathe.admin': {
    email: 'agathe.sso@test.mutualis',
    email_verified: true,
    office: 'CPAM-67',
    groups: ['GRP-ADM'],
  },
};

let directory: Awaited<ReturnType<typeof startDirectory>>;
let t: TestContext;
let localOff: TestContext;

function directoryConfig(extra: Record<string, string> = {}) {
  const config = loadConfig({
    MUTUALIS_OIDC_ISSUER: directory.issuer,
    MUTUALIS_OIDC_CLIENT_ID: DIRECTORY_CLIENT.id,
    MUTUALIS_OIDC_CLIENT_SECRET: DIRECTORY_CLIENT.secret,
    MUTUALIS_OIDC_SCOPES: DIRECTORY_SCOPES,
    MUTUALIS_OIDC_CLAIM_OFFICE: 'office',
    ...extra,
  });
  return {
    publicUrl: PORTAL,
    oidc: config.oidc,
    localLogin: config.localLogin,
    breakGlassAdminEmail: config.breakGlassAdminEmail,
  };
}

beforeAll(async () => {
  directory = await startDirectory(people, PORTAL);
  t = await createTestContext(
    directoryConfig({ MUTUALIS_OIDC_ROLE_GROUPS: 'developer=GRP-DEV;admin=GRP-ADM,GRP-ADM2' }),
  );
  localOff = await createTestContext(
    directoryConfig({ MUTUALIS_LOCAL_LOGIN: 'false', MUTUALIS_BREAK_GLASS_ADMIN: 'secours@test.mutualis' }),
  );
}, 120_000);
afterAll(async () => {
  await Promise.all([t?.close(), localOff?.close()]);
  await directory?.close();
});

/** The portal's redirection to the directory: the provider's address and the pending sign-in cookie. */
async function start(context: TestContext) {
  const response = await context.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
  expect(response.statusCode).toBe(302);
  const pending = response.cookies.find((c) => c.name === 'mutualis_oidc');
  expect(pending?.httpOnly).toBe(true);
  return { location: String(response.headers.location), cookie: `mutualis_oidc=${pending?.value}` };
}

const callback = (context: TestContext, url: URL, cookie: string) =>
  context.app.inject({ method: 'GET', url: `${url.pathname}${url.search}`, headers: { cookie } });

async function signIn(personId: string, context = t) {
  const { location, cookie } = await start(context);
  const back = await directory.signIn(location, personId);
  return { back, cookie, response: await callback(context, back, cookie) };
}

async function me(context: TestContext, response: Awaited<ReturnType<typeof callback>>) {
  const session = response.cookies.find((c) => c.name === 'mutualis_session');
  expect(session?.sameSite).toBe('Strict');
  return context.app.inject({
    method: 'GET',
    url: '/api/me',
    headers: { cookie: `mutualis_session=${session?.value}` },
  });
}

function expectFrenchPage(response: Awaited<ReturnType<typeof callback>>, status: number, text: RegExp) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toContain('text/html');
  expect(response.body).toContain('<html lang="fr">');
  expect(response.body).toMatch(text);
  expect(response.cookies.find((c) => c.name === 'mutualis_session')).toBeUndefined();
}

describe('sign-in with the directory', () => {
  it('asks for a code with PKCE S256, state and nonce', async () => {
    const { location } = await start(t);
    const url = new URL(location);
    expect(url.origin).toBe(directory.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBeTruthy();
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(`${PORTAL}/api/auth/oidc/callback`);
  });

  it('creates the account in the office the directory names, and opens the usual session', async () => {
    const { response } = await signIn('claire.new');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    const body = (await me(t, response)).json();
    expect(body.user.email).toBe('claire.sso@test.mutualis');
    expect(body.user.displayName).toBe('Claire Nouvelle');
    expect(body.organisation.code).toBe('CPAM-67');
    // Mapping configured, no group of it: the least role.
    expect(body.roles).toEqual(['agent']);
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
  });

  it('links an existing account by its verified e-mail, keeps its office and takes the roles of its groups', async () => {
    const existing = await createUser(t.db, {
      roles: ['agent'],
      email: 'bruno.sso@test.mutualis',
      organisationCode: 'CPAM-69',
    });
    const { response } = await signIn('bruno.linked');
    const body = (await me(t, response)).json();
    expect(body.user.id).toBe(existing.id);
    expect(body.organisation.code).toBe('CPAM-69');
    expect(body.roles).toEqual(['developer']);
  });

  it('grants the administrator role from its group', async () => {
    const { response } = await signIn('agathe.admin');
    expect((await me(t, response)).json().roles).toEqual(['admin']);
  });

  it('refuses an e-mail the directory has not verified', async () => {
    await createUser(t.db, { roles: ['admin'], email: 'ursula.sso@test.mutualis' });
    expectFrenchPage(
      (await signIn('ursula.unverified')).response,
      403,
      /n&#39;est pas vérifiée par l&#39;annuaire/,
    );
  });

  it('refuses an office unknown to Mutualis', async () => {
    expectFrenchPage((await signIn('olivier.unknown')).response, 403, /CPAM-999/);
  });

  it('leaves a newcomer without office to an administrator', async () => {
    expectFrenchPage(
      (await signIn('nadia.nooffice')).response,
      403,
      /administrateur de Mutualis doit créer votre compte/,
    );
  });

  it('refuses a code used twice', async () => {
    const { back, cookie, response } = await signIn('remi.replay');
    expect(response.statusCode).toBe(302);
    expectFrenchPage(await callback(t, back, cookie), 400, /déjà servi/);
  });

  it('refuses a return whose state is not the one sent', async () => {
    const { location, cookie } = await start(t);
    const back = await directory.signIn(location, 'sophie.state');
    back.searchParams.set('state', 'un-autre-etat');
    expectFrenchPage(await callback(t, back, cookie), 400, /paramètre state/);
    // Without the pending cookie at all, too.
    expectFrenchPage(await callback(t, back, ''), 400, /paramètre state/);
  });

  it('refuses an ID token whose nonce is not this sign-in’s', async () => {
    const { location, cookie } = await start(t);
    const back = await directory.signIn(location, 'nathan.nonce');
    const pending = JSON.parse(Buffer.from(cookie.split('=')[1] ?? '', 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...pending, nonce: 'un-autre-nonce' })).toString('base64url');
    expectFrenchPage(await callback(t, back, `mutualis_oidc=${forged}`), 400, /nonce/);
  });

  it('says where to sign out of the directory', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/api/config' })).json();
    expect(body.localLogin).toBe(true);
    const logout = new URL(body.singleSignOn.logoutUrl);
    expect(logout.origin).toBe(directory.issuer);
    expect(logout.searchParams.get('client_id')).toBe(DIRECTORY_CLIENT.id);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(`${PORTAL}/`);
  });
});

describe('local accounts switched off', () => {
  const passwordLogin = (email: string) =>
    localOff.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });

  it('refuses a password sign-in in French, but for the break-glass administrator', async () => {
    await createUser(localOff.db, { roles: ['agent'], email: 'local.agent@test.mutualis' });
    await createUser(localOff.db, { roles: ['admin'], email: 'secours@test.mutualis' });
    const refused = await passwordLogin('local.agent@test.mutualis');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toMatch(/connexion par mot de passe est désactivée/);
    expect((await passwordLogin('secours@test.mutualis')).statusCode).toBe(200);
    const config = (await localOff.app.inject({ method: 'GET', url: '/api/config' })).json();
    expect(config.localLogin).toBe(false);
  });

  it('still signs in with the directory', async () => {
    const { response } = await signIn('claire.new', localOff);
    expect((await me(localOff, response)).json().organisation.code).toBe('CPAM-67');
  });
});

describe('without a directory configured', () => {
  it('answers 404 in French: there is nothing to sign in with here', async () => {
    const plain = await createTestContext();
    try {
      const response = await plain.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(response.statusCode).toBe(404);
      expect(response.json().detail).toMatch(/n'est pas configurée/);
      expect((await plain.app.inject({ method: 'GET', url: '/api/config' })).json().singleSignOn).toBeNull();
    } finally {
      await plain.close();
    }
  }, 120_000);
});
