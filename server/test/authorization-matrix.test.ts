import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../common/roles.ts';
import { insertSession } from '../modules/auth/sessions.queries.ts';
import { createTestContext, createUser, TEST_PASSWORD, type TestContext } from './harness.ts';

/**
 * Every route × every role × {own office, other office} plus unauthenticated → the expected status.
 * A route the application serves that is missing from this table fails the test, and so does a row
 * for a route that no longer exists.
 */
type Scope = 'own' | 'other';
interface Fixture {
  ownUserId: string;
  otherUserId: string;
  ownOrganisationId: string;
  otherOrganisationId: string;
  actorEmail: string;
  unique: string;
}
interface RouteCase {
  url: (f: Fixture, scope: Scope) => string;
  body?: (f: Fixture, scope: Scope) => unknown;
  /** Status for a signed-in actor holding exactly `role`. */
  expected: (role: Role, scope: Scope) => number;
  /** Status without a session. */
  anonymous: number;
}

const everyone = (status: number) => () => status;
const only =
  (allowed: Role[], status: number) =>
  (role: Role): number =>
    allowed.includes(role) ? status : 403;

const MATRIX: Record<string, RouteCase> = {
  'GET /health/live': { url: () => '/health/live', expected: everyone(200), anonymous: 200 },
  'GET /health/ready': { url: () => '/health/ready', expected: everyone(200), anonymous: 200 },
  'GET /api/openapi.json': { url: () => '/api/openapi.json', expected: everyone(200), anonymous: 200 },
  'GET /api/config': { url: () => '/api/config', expected: everyone(200), anonymous: 200 },
  'POST /api/auth/login': {
    url: () => '/api/auth/login',
    body: (f) => ({ email: f.actorEmail, password: TEST_PASSWORD }),
    expected: everyone(200),
    anonymous: 401, // no such account for the anonymous caller
  },
  'POST /api/auth/logout': { url: () => '/api/auth/logout', expected: everyone(204), anonymous: 401 },
  'GET /api/me': { url: () => '/api/me', expected: everyone(200), anonymous: 401 },
  'POST /api/me/password': {
    url: () => '/api/me/password',
    body: (f) => ({ currentPassword: TEST_PASSWORD, newPassword: `nouvelle phrase ${f.unique}` }),
    expected: everyone(204),
    anonymous: 401,
  },
  'GET /api/organisations': { url: () => '/api/organisations', expected: everyone(200), anonymous: 401 },
  'GET /api/organisations/:id': {
    url: (f, s) => `/api/organisations/${s === 'own' ? f.ownOrganisationId : f.otherOrganisationId}`,
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/users': {
    url: () => '/api/users',
    expected: only(['admin', 'officeDirector'], 200),
    anonymous: 401,
  },
  'GET /api/users/:id': {
    url: (f, s) => `/api/users/${s === 'own' ? f.ownUserId : f.otherUserId}`,
    expected: (role, scope) =>
      role === 'admin' || (role === 'officeDirector' && scope === 'own') ? 200 : 403,
    anonymous: 401,
  },
  'POST /api/users': {
    url: () => '/api/users',
    body: (f, s) => ({
      email: `created.${f.unique}@test.mutualis`,
      displayName: 'Compte créé',
      organisationId: s === 'own' ? f.ownOrganisationId : f.otherOrganisationId,
      roles: ['agent'],
      password: 'une phrase de passe longue',
    }),
    expected: only(['admin'], 201),
    anonymous: 401,
  },
  'PATCH /api/users/:id': {
    url: (f, s) => `/api/users/${s === 'own' ? f.ownUserId : f.otherUserId}`,
    body: () => ({ version: 1 }),
    expected: only(['admin'], 200),
    anonymous: 401,
  },
  'GET /api/audit-events': {
    url: () => '/api/audit-events',
    expected: only(['admin', 'operationsDirectorate'], 200),
    anonymous: 401,
  },
  'GET /api/audit-events/actions': {
    url: () => '/api/audit-events/actions',
    expected: only(['admin', 'operationsDirectorate'], 200),
    anonymous: 401,
  },
};

let t: TestContext;
let base: Omit<Fixture, 'actorEmail' | 'unique'>;
beforeAll(async () => {
  t = await createTestContext();
  const own = await createUser(t.db, { roles: ['agent'], organisationCode: 'CPAM-67' });
  const other = await createUser(t.db, { roles: ['agent'], organisationCode: 'CPAM-13' });
  base = {
    ownUserId: own.id,
    otherUserId: other.id,
    ownOrganisationId: own.organisationId,
    otherOrganisationId: other.organisationId,
  };
});
afterAll(() => t.close());

let counter = 0;
async function signedInAs(role: Role) {
  counter += 1;
  const actor = await createUser(t.db, { roles: [role], organisationCode: 'CPAM-67' });
  const session = await insertSession(t.db, {
    userId: actor.id,
    ip: '127.0.0.1',
    userAgent: 'matrix',
    timeouts: { idleMinutes: 30, absoluteHours: 1 },
  });
  return { actor, session, unique: `${role.toLowerCase()}${counter}` };
}

describe('authorization matrix', () => {
  it('covers every route the application serves, and nothing else', () => {
    expect([...t.app.routeAccess.keys()].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [route, spec] of Object.entries(MATRIX)) {
    const method = route.split(' ')[0] as 'GET' | 'POST' | 'PATCH';
    it(`${route}: every role, own and other office, and anonymous`, async () => {
      const failures: string[] = [];
      for (const role of ROLES) {
        for (const scope of ['own', 'other'] as const) {
          const { actor, session, unique } = await signedInAs(role);
          const fixture = { ...base, actorEmail: actor.email, unique };
          const response = await t.app.inject({
            method,
            url: spec.url(fixture, scope),
            headers: { cookie: `mutualis_session=${session.token}`, 'x-csrf-token': session.csrfToken },
            ...(spec.body ? { payload: spec.body(fixture, scope) as object } : {}),
          });
          const expected = spec.expected(role, scope);
          if (response.statusCode !== expected) {
            failures.push(
              `${role}/${scope}: expected ${expected}, got ${response.statusCode} ${response.body}`,
            );
          }
        }
      }
      const fixture = { ...base, actorEmail: 'anonymous@test.mutualis', unique: `anon${++counter}` };
      const anonymous = await t.app.inject({
        method,
        url: spec.url(fixture, 'own'),
        ...(spec.body ? { payload: spec.body(fixture, 'own') as object } : {}),
      });
      if (anonymous.statusCode !== spec.anonymous) {
        failures.push(`anonymous: expected ${spec.anonymous}, got ${anonymous.statusCode}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
