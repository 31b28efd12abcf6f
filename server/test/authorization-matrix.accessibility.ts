import type { Database } from '../db/client.ts';
import { insertReport } from '../modules/accessibility/accessibility.queries.ts';
import { everyone, only } from './authorization-matrix.cells.ts';
import type { RouteCase } from './authorization-matrix.table.ts';

/** A fresh report per cell, received: taking it in hand is open to an administrator. */
export function accessibilityFixtures(db: Database) {
  return {
    async report() {
      return (
        await insertReport(db, {
          pageUrl: '/catalogue',
          description: 'Le bouton de recherche ne prend pas le focus.',
          email: 'signalement@exemple.fr',
          sourceKey: 'matrice',
        })
      ).id;
    },
  };
}
export type AccessibilityFixtures = ReturnType<typeof accessibilityFixtures>;

/** Anyone reports (each account counted on its own); only administrators read and handle the queue. */
export const ACCESSIBILITY_MATRIX: Record<string, RouteCase> = {
  'POST /api/accessibility-reports': {
    request: ({ unique }) => ({
      url: '/api/accessibility-reports',
      body: {
        pageUrl: '/catalogue',
        description: 'Le bouton de recherche ne prend pas le focus.',
        email: `${unique}@exemple.fr`,
      },
    }),
    expected: everyone(201),
    anonymous: 201,
  },
  'GET /api/accessibility-reports': {
    request: () => ({ url: '/api/accessibility-reports?state=received' }),
    expected: only(['admin'], 200),
    anonymous: 401,
  },
  'GET /api/accessibility-reports/:id': {
    request: async (_cell, f) => ({ url: `/api/accessibility-reports/${await f.accessibility.report()}` }),
    expected: only(['admin'], 200),
    anonymous: 401,
  },
  'POST /api/accessibility-reports/:id/transitions': {
    request: async (_cell, f) => ({
      url: `/api/accessibility-reports/${await f.accessibility.report()}/transitions`,
      body: { action: 'take', version: 1 },
    }),
    expected: only(['admin'], 200),
    anonymous: 401,
  },
};
