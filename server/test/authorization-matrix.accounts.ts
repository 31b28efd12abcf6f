import { everyone, only } from './authorization-matrix.cells.ts';
import type { RouteCase } from './authorization-matrix.table.ts';
import { TEST_PASSWORD } from './harness.ts';

/** Sign-in, one's own account, the offices' directory, the home page and the administration of accounts. */
export const ACCOUNT_MATRIX: Record<string, RouteCase> = {
  'POST /api/auth/login': {
    // The caller's own credentials; without a session too: signing in is what gives one.
    request: ({ actor }) => ({
      url: '/api/auth/login',
      body: { email: actor.email, password: TEST_PASSWORD },
    }),
    expected: everyone(200),
    anonymous: 200,
  },
  // Sign-in with the directory: public (it is what gives a session). The matrix runs without a directory
  // configured, so both answer 404 (« n'est pas configurée »); the flow is tested in auth/oidc.test.ts.
  'GET /api/auth/oidc/start': {
    request: () => ({ url: '/api/auth/oidc/start' }),
    expected: everyone(404),
    anonymous: 404,
  },
  'GET /api/auth/oidc/callback': {
    request: () => ({ url: '/api/auth/oidc/callback?code=abc&state=def' }),
    expected: everyone(404),
    anonymous: 404,
  },
  'POST /api/auth/logout': {
    request: () => ({ url: '/api/auth/logout' }),
    expected: everyone(204),
    anonymous: 401,
  },
  'GET /api/me': { request: () => ({ url: '/api/me' }), expected: everyone(200), anonymous: 401 },
  'POST /api/me/password': {
    request: ({ unique }) => ({
      url: '/api/me/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: `nouvelle phrase ${unique}` },
    }),
    expected: everyone(204),
    anonymous: 401,
  },
  'GET /api/me/export': {
    request: () => ({ url: '/api/me/export' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/organisations': {
    request: () => ({ url: '/api/organisations' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/organisations/:id': {
    request: ({ scope }, f) => ({ url: `/api/organisations/${f.officeId[scope]}` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/organisations/:id/portfolio': {
    request: ({ scope }, f) => ({ url: `/api/organisations/${f.officeId[scope]}/portfolio` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/organisations/:id/designed-applications': {
    request: ({ scope }, f) => ({ url: `/api/organisations/${f.officeId[scope]}/designed-applications` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/organisations/:id/used-applications': {
    request: ({ scope }, f) => ({ url: `/api/organisations/${f.officeId[scope]}/used-applications` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/home': {
    // Every role has a home page; what it holds depends on the role (server/modules/home/home.test.ts).
    request: () => ({ url: '/api/home' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/users': {
    request: () => ({ url: '/api/users' }),
    expected: only(['admin', 'officeDirector'], 200),
    anonymous: 401,
  },
  'GET /api/users/:id': {
    request: ({ scope }, f) => ({ url: `/api/users/${f.userId[scope]}` }),
    expected: (role, scope) =>
      role === 'admin' || (role === 'officeDirector' && scope === 'own') ? 200 : 403,
    anonymous: 401,
  },
  'GET /api/users/:id/export': {
    request: ({ scope }, f) => ({ url: `/api/users/${f.userId[scope]}/export?format=html` }),
    // An office's director reads the office's accounts but does not answer access requests.
    expected: only(['admin'], 200),
    anonymous: 401,
  },
  'POST /api/users/:id/erasure': {
    request: async ({ scope, unique }, f) => ({
      url: `/api/users/${await f.freshUser(scope, `Personne à effacer ${unique}`)}/erasure`,
      body: { version: 1, confirmation: `Personne à effacer ${unique}` },
    }),
    expected: only(['admin'], 200),
    anonymous: 401,
  },
  'POST /api/users': {
    request: ({ scope, unique }, f) => ({
      url: '/api/users',
      body: {
        email: `created.${unique}@test.mutualis`,
        displayName: 'Compte créé',
        organisationId: f.officeId[scope],
        roles: ['agent'],
        password: 'une phrase de passe longue',
      },
    }),
    expected: only(['admin'], 201),
    anonymous: 401,
  },
  'PATCH /api/users/:id': {
    request: async ({ scope }, f) => ({
      url: `/api/users/${await f.freshUser(scope)}`,
      body: { version: 1, displayName: 'Nom revu par la matrice' },
    }),
    expected: only(['admin'], 200),
    anonymous: 401,
  },
  'POST /api/users/:id/transitions': {
    request: async ({ scope }, f) => ({
      url: `/api/users/${await f.freshUser(scope)}/transitions`,
      body: { action: 'deactivate', version: 1 },
    }),
    expected: only(['admin'], 200),
    anonymous: 401,
  },
};
