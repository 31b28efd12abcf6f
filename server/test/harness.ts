import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../common/roles.ts';
import { type App, buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Database, DatabaseHandle } from '../db/client.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { findOrganisationByCode } from '../modules/organisations/organisations.queries.ts';
import { insertUser } from '../modules/users/users.queries.ts';
import { createTestDatabase } from './database.ts';

export const TEST_PASSWORD = 'correct horse battery';
let testPasswordHash: Promise<string> | undefined;

export interface TestContext {
  app: App;
  db: Database;
  handle: DatabaseHandle;
  config: Config;
  close(): Promise<void>;
}

type AppOptions = Omit<Parameters<typeof buildApp>[0], 'db' | 'config'>;

export async function createTestContext(
  overrides: Partial<Config> = {},
  appOptions: AppOptions = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  // Files (attachments) go to a data directory of the test's own, removed with it.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mutualis-test-data-'));
  const config = {
    ...loadConfig({ MUTUALIS_LOG_LEVEL: 'silent', MUTUALIS_DEMO: 'false' }),
    dataDir,
    ...overrides,
  };
  const app = await buildApp({ db: database.db, config, logger: false, ...appOptions });
  return {
    app,
    db: database.db,
    handle: database,
    config,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let userCounter = 0;
/** Inserts a real user row; the password is TEST_PASSWORD unless given. */
export async function createUser(
  db: Database,
  input: {
    roles: Role[];
    organisationCode?: string;
    email?: string;
    displayName?: string;
    password?: string;
  },
) {
  const organisation = await findOrganisationByCode(db, input.organisationCode ?? 'CPAM-69');
  if (!organisation) throw new Error(`unknown office ${input.organisationCode}`);
  userCounter += 1;
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = input.password ? await hashPassword(input.password) : await testPasswordHash;
  return insertUser(db, {
    email: input.email ?? `user${userCounter}.${input.roles.join('-').toLowerCase()}@test.mutualis`,
    displayName: input.displayName ?? `Utilisateur ${userCounter}`,
    organisationId: organisation.id,
    roles: input.roles,
    passwordHash,
  });
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A signed-in browser: carries the session cookie and the CSRF header like the web app does. */
export interface Agent {
  /** The application this agent is signed in to. */
  app: App;
  cookie: string;
  csrfToken: string;
  request(
    method: Method,
    url: string,
    body?: unknown,
    options?: { csrf?: boolean },
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export async function login(app: App, email: string, password = TEST_PASSWORD): Promise<Agent> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200)
    throw new Error(`login failed for ${email}: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'mutualis_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `mutualis_session=${setCookie.value}`;
  const csrfToken = response.json().csrfToken as string;
  const request: Agent['request'] = (method, url, body, options = {}) =>
    app.inject({
      method,
      url,
      headers: { cookie, ...(options.csrf === false ? {} : { 'x-csrf-token': csrfToken }) },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    app,
    cookie,
    csrfToken,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body),
    patch: (url, body) => request('PATCH', url, body),
  };
}

export async function organisationId(db: Database, code: string) {
  const organisation = await findOrganisationByCode(db, code);
  if (!organisation) throw new Error(`unknown office ${code}`);
  return organisation.id;
}

/** A new account, signed in: its row and its browser. */
export async function signUp(t: Pick<TestContext, 'app' | 'db'>, input: Parameters<typeof createUser>[1]) {
  const user = await createUser(t.db, input);
  return { user, agent: await login(t.app, user.email) };
}
