import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../common/roles.ts';
import { applicationAttachments } from '../db/schema.ts';
import { insertSession } from '../modules/auth/sessions.queries.ts';
import { createSheet, sheetBody } from './catalog-fixtures.ts';
import { createTestContext, createUser, login, TEST_PASSWORD, type TestContext } from './harness.ts';

/**
 * Every route × every role × {own office, other office} plus unauthenticated → the expected status.
 * A route the application serves that is missing from this table fails the test, and so does a row
 * for a route that no longer exists.
 */
type Scope = 'own' | 'other';
interface Fixture {
  ownApplicationId: string;
  otherApplicationId: string;
  ownArchivableId: string;
  otherArchivableId: string;
  ownAttachmentId: string;
  otherAttachmentId: string;
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
  /** Status for a signed-in actor holding exactly `role` (several when the outcome depends on earlier calls). */
  expected: (role: Role, scope: Scope) => number | number[];
  /** Status without a session. */
  anonymous: number;
}

const everyone = (status: number) => () => status;
const only =
  (allowed: Role[], status: number) =>
  (role: Role): number =>
    allowed.includes(role) ? status : 403;

const EDITORS: Role[] = ['admin', 'itDirectorate', 'developer', 'officeDirector'];
/** Sheets: the DDSI and admins edit all; developers and directors the sheets of their own office. */
const editSheet =
  (status: number | number[]) =>
  (role: Role, scope: Scope): number | number[] =>
    role === 'admin' || role === 'itDirectorate' || (EDITORS.includes(role) && scope === 'own')
      ? status
      : 403;
const app = (f: Fixture, s: Scope) => (s === 'own' ? f.ownApplicationId : f.otherApplicationId);
const USAGE_DECLARERS: Role[] = ['officeDirector', 'developer', 'referent'];

const MATRIX: Record<string, RouteCase> = {
  'GET /api/business-domains': {
    url: () => '/api/business-domains',
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/applications': {
    url: () => '/api/applications?q=gestion&track=homologation',
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/applications': {
    url: () => '/api/applications',
    body: (f, s) =>
      sheetBody(s === 'own' ? f.ownOrganisationId : f.otherOrganisationId, {
        name: `Application ${f.unique}`,
      }),
    expected: editSheet(201),
    anonymous: 401,
  },
  'GET /api/applications/:id': {
    url: (f, s) => `/api/applications/${app(f, s)}`,
    expected: everyone(200),
    anonymous: 401,
  },
  'PATCH /api/applications/:id': {
    url: (f, s) => `/api/applications/${app(f, s)}`,
    body: () => ({ version: 1 }),
    expected: editSheet(200),
    anonymous: 401,
  },
  'POST /api/applications/:id/transitions': {
    url: (f, s) => `/api/applications/${s === 'own' ? f.ownArchivableId : f.otherArchivableId}/transitions`,
    // The first party archives (200); the next ones hold a version that has moved (409).
    body: () => ({ action: 'archive', version: 1 }),
    expected: editSheet([200, 409]),
    anonymous: 401,
  },
  'GET /api/applications/:id/usages': {
    url: (f, s) => `/api/applications/${app(f, s)}/usages`,
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/applications/:id/usages': {
    url: (f, s) => `/api/applications/${app(f, s)}/usages`,
    body: () => ({ userCount: 12 }),
    expected: (role) => (USAGE_DECLARERS.includes(role) ? [201, 204] : 403),
    anonymous: 401,
  },
  'DELETE /api/applications/:id/usages': {
    url: (f, s) => `/api/applications/${app(f, s)}/usages`,
    expected: (role) => (USAGE_DECLARERS.includes(role) ? [204, 404] : 403),
    anonymous: 401,
  },
  'GET /api/usage-map': { url: () => '/api/usage-map', expected: everyone(200), anonymous: 401 },
  'GET /api/applications/import/template.csv': {
    url: () => '/api/applications/import/template.csv',
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/applications/import/template.xlsx': {
    url: () => '/api/applications/import/template.xlsx',
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/applications/import': {
    // A JSON body is refused (400) once the role may import; the per-row office check is in the import tests.
    url: () => '/api/applications/import?dryRun=true',
    body: () => ({}),
    expected: only(EDITORS, 400),
    anonymous: 401,
  },
  'GET /api/applications/export': {
    url: () => '/api/applications/export?format=json&track=homologation',
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/applications/:id/publiccode.yml': {
    url: (f, s) => `/api/applications/${app(f, s)}/publiccode.yml`,
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/applications/:id/attachments': {
    // Allowed editors reach the upload check (a JSON body → 400); others are refused before it.
    url: (f, s) => `/api/applications/${app(f, s)}/attachments`,
    body: () => ({}),
    expected: editSheet(400),
    anonymous: 401,
  },
  'GET /api/applications/:id/attachments/:attachmentId': {
    url: (f, s) =>
      `/api/applications/${app(f, s)}/attachments/${s === 'own' ? f.ownAttachmentId : f.otherAttachmentId}`,
    expected: everyone(200),
    anonymous: 401,
  },
  'DELETE /api/applications/:id/attachments/:attachmentId': {
    url: (f, s) =>
      `/api/applications/${app(f, s)}/attachments/${s === 'own' ? f.ownAttachmentId : f.otherAttachmentId}`,
    expected: editSheet([204, 404]),
    anonymous: 401,
  },
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
  'POST /api/users/:id/transitions': {
    url: (f, s) => `/api/users/${s === 'own' ? f.ownUserId : f.otherUserId}/transitions`,
    // The fixture accounts are active: reactivating is a wrong state (409) for the one who may fire it.
    body: () => ({ action: 'reactivate', version: 1 }),
    expected: only(['admin'], 409),
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
  const admin = await login(
    t.app,
    (await createUser(t.db, { roles: ['admin'], organisationCode: 'CNAM-DDO' })).email,
  );
  const sheet = async (organisationId: string, name: string) =>
    (await createSheet(admin, organisationId, { name })).id;
  const attach = async (applicationId: string) => {
    const [row] = await t.db
      .insert(applicationAttachments)
      .values({
        applicationId,
        kind: 'document',
        fileName: 'note.pdf',
        mediaType: 'application/pdf',
        size: 8,
        sha256: 'x',
        content: Buffer.from('%PDF-1.4'),
      })
      .returning({ id: applicationAttachments.id });
    return row?.id as string;
  };
  const ownApplicationId = await sheet(own.organisationId, 'Application du Bas-Rhin');
  const otherApplicationId = await sheet(other.organisationId, 'Application des Bouches-du-Rhône');
  base = {
    ownApplicationId,
    otherApplicationId,
    ownArchivableId: await sheet(own.organisationId, 'Application à archiver (Bas-Rhin)'),
    otherArchivableId: await sheet(other.organisationId, 'Application à archiver (Bouches-du-Rhône)'),
    ownAttachmentId: await attach(ownApplicationId),
    otherAttachmentId: await attach(otherApplicationId),
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
    const method = route.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'DELETE';
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
          if (!(Array.isArray(expected) ? expected : [expected]).includes(response.statusCode)) {
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
