import type { Role } from '../../common/roles.ts';
import { agreementReaders, NATIONAL_READERS } from './authorization-matrix.compensation.ts';
import type { Fixtures, RouteCase } from './authorization-matrix.table.ts';

/**
 * The rows of statements and the network balance: statements are read like their agreement (the "own"
 * cell's office's, or any for the national readers), computed and validated by the DDO; the balance is
 * read by the national readers.
 */
const DDO_OR_ADMIN: Role[] = ['operationsDirectorate', 'admin'];

export const STATEMENT_MATRIX: Record<string, RouteCase> = {
  'GET /api/agreements/:id/statements': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/agreements/${await f.compensation.agreement(cell, 'active')}/statements`,
    }),
    expected: agreementReaders(200),
    anonymous: 401,
  },
  'POST /api/agreements/:id/statements': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/agreements/${await f.compensation.agreement(cell, 'active')}/statements`,
      body: { periodStart: '2025-01' },
    }),
    expected: (role) => (DDO_OR_ADMIN.includes(role) ? 201 : 403),
    anonymous: 401,
  },
  'GET /api/statements/:id': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/statements/${await f.compensation.statement(cell)}`,
    }),
    expected: agreementReaders(200),
    anonymous: 401,
  },
  'GET /api/statements/:id/export': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/statements/${await f.compensation.statement(cell)}/export?format=csv`,
    }),
    expected: agreementReaders(200),
    anonymous: 401,
  },
  'POST /api/statements/:id/transitions': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/statements/${await f.compensation.statement(cell)}/transitions`,
      body: { action: 'validate', version: 1 },
    }),
    expected: (role) => (role === 'operationsDirectorate' ? 200 : 403),
    anonymous: 401,
  },
  'GET /api/network-balance': {
    request: () => ({ url: '/api/network-balance' }),
    expected: (role) => (NATIONAL_READERS.includes(role) ? 200 : 403),
    anonymous: 401,
  },
};
