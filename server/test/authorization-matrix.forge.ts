import type { Role } from '../../common/roles.ts';
import type { RouteCase } from './authorization-matrix.table.ts';

const everyone = (status: number) => () => status;

/**
 * The forge's routes. The matrix runs without GitLab configured: an allowed creation answers 503 (« GitLab
 * n'est pas configuré »), the business status; creation itself is tested against a local GitLab
 * (modules/forge/forge.test.ts).
 */
export const FORGE_MATRIX: Record<string, RouteCase> = {
  'GET /api/applications/:id/forge-activity': {
    request: ({ scope }, f) => ({ url: `/api/applications/${f.applicationId[scope]}/forge-activity` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/applications/:id/builds': {
    request: ({ scope }, f) => ({ url: `/api/applications/${f.applicationId[scope]}/builds` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/projects/:id/forge-activity': {
    request: async ({ scope }, f) => ({
      url: `/api/projects/${await f.projects.fresh(scope)}/forge-activity`,
    }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/projects/:id/forge-project': {
    request: async ({ scope }, f) => ({
      url: `/api/projects/${await f.projects.fresh(scope)}/forge-project`,
    }),
    expected: everyone(200),
    anonymous: 401,
  },
  // The developers of the project's offices (its developer office is the caller's own), the DDSI, admins.
  'POST /api/projects/:id/forge-project': {
    request: async ({ scope }, f) => ({
      url: `/api/projects/${await f.projects.fresh(scope)}/forge-project`,
      body: {
        version: 1,
        name: 'Projet de la matrice',
        path: 'projet-matrice',
        visibility: 'private',
        description: '',
        defaultBranch: 'main',
        members: [],
      },
    }),
    expected: (role: Role, scope) =>
      role === 'admin' || role === 'itDirectorate' || (role === 'developer' && scope === 'own') ? 503 : 403,
    anonymous: 401,
  },
  'GET /api/packages': {
    request: () => ({ url: '/api/packages' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/admin/integrations': {
    request: () => ({ url: '/api/admin/integrations' }),
    expected: (role: Role) => (role === 'admin' || role === 'itDirectorate' ? 200 : 403),
    anonymous: 401,
  },
};
