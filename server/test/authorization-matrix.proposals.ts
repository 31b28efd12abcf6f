import type { Role } from '../../common/roles.ts';
import type { Fixtures, RouteCase, Scope } from './authorization-matrix.table.ts';

/**
 * The proposals' rows of the authorization matrix: a proposal of the "own" cell is the caller's office's
 * (CPAM-67), of the "other" cell another office's; calls as in authorization-matrix.calls.ts. A proposal
 * the caller may not read answers 404, as a call's draft does.
 */
const ISSUERS: Role[] = ['officeDirector', 'sponsor'];
const ANSWERING: Role[] = ['developer', 'officeDirector'];
const issuerSide = (status: number) => (role: Role, scope: Scope) =>
  role === 'admin' || (ISSUERS.includes(role) && scope === 'own') ? status : 403;
const ownOrAdmin = (status: number) => (role: Role, scope: Scope) =>
  scope === 'own' || role === 'admin' ? status : 404;

export const PROPOSAL_MATRIX: Record<string, RouteCase> = {
  'GET /api/calls/:id/proposals': {
    request: async (cell, f: Fixtures) => ({ url: `/api/calls/${await f.calls.call(cell)}/proposals` }),
    expected: () => 200,
    anonymous: 401,
  },
  'POST /api/calls/:id/proposals': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/calls/${await f.calls.call(cell)}/proposals`,
      body: { title: `Proposition ${cell.unique}`, approach: 'Reprendre un module existant.' },
    }),
    expected: (role) => (ANSWERING.includes(role) ? 201 : 403),
    anonymous: 401,
  },
  'GET /api/proposals/:id': {
    request: async (cell, f: Fixtures) => {
      const callId = await f.calls.call(cell);
      return { url: `/api/proposals/${await f.calls.proposal(callId, f.officeId[cell.scope])}` };
    },
    expected: ownOrAdmin(200),
    anonymous: 401,
  },
  'PATCH /api/proposals/:id': {
    request: async (cell, f: Fixtures) => {
      const callId = await f.calls.call(cell);
      return {
        url: `/api/proposals/${await f.calls.proposal(callId, f.officeId[cell.scope])}`,
        body: { version: 1, team: 'Deux développeurs.' },
      };
    },
    expected: (role, scope) => (!ANSWERING.includes(role) ? 403 : scope === 'own' ? 200 : 404),
    anonymous: 401,
  },
  'POST /api/proposals/:id/partners/:organisationId/confirmation': {
    request: async (cell, f: Fixtures) => {
      const callId = await f.calls.call(cell);
      const partner = f.officeId[cell.scope];
      const id = await f.calls.proposal(callId, null, 'draft', partner);
      return { url: `/api/proposals/${id}/partners/${partner}/confirmation` };
    },
    expected: (role, scope) => (role !== 'officeDirector' ? 403 : scope === 'own' ? 200 : 404),
    anonymous: 401,
  },
  'POST /api/proposals/:id/transitions': {
    request: async (cell, f: Fixtures) => {
      const callId = await f.calls.call(cell);
      return {
        url: `/api/proposals/${await f.calls.proposal(callId, f.officeId[cell.scope])}/transitions`,
        body: { action: 'withdraw', version: 1, input: { reason: 'Le besoin est couvert.' } },
      };
    },
    expected: (role, scope) => (ANSWERING.includes(role) && scope === 'own' ? 200 : 403),
    anonymous: 401,
  },
  'PUT /api/calls/:id/evaluators': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/calls/${await f.calls.call(cell)}/evaluators`,
      body: { version: 1, userIds: [cell.actor.id] },
    }),
    expected: issuerSide(200),
    anonymous: 401,
  },
  'GET /api/calls/:id/evaluation': {
    request: async (cell, f: Fixtures) => ({ url: `/api/calls/${await f.calls.call(cell)}/evaluation` }),
    expected: issuerSide(200),
    anonymous: 401,
  },
  'GET /api/calls/:id/evaluation.xlsx': {
    request: async (cell, f: Fixtures) => ({ url: `/api/calls/${await f.calls.call(cell)}/evaluation.xlsx` }),
    expected: issuerSide(200),
    anonymous: 401,
  },
  'PUT /api/proposals/:id/scores': {
    request: async (cell, f: Fixtures) => {
      const callId = await f.calls.call(cell, 'underEvaluation');
      const id = await f.calls.proposal(callId, null, 'submitted');
      // The caller evaluates the call of its own cell only.
      if (cell.scope === 'own') await f.calls.evaluator(callId, cell.actor.id);
      return { url: `/api/proposals/${id}/scores`, body: { scores: [{ criterion: 0, score: 4 }] } };
    },
    expected: (role, scope) => (scope === 'own' ? 200 : role === 'admin' ? 403 : 404),
    anonymous: 401,
  },
  'POST /api/calls/:id/selection': {
    request: async (cell, f: Fixtures) => {
      const callId = await f.calls.call(cell, 'underEvaluation');
      const proposalId = await f.calls.proposal(callId, null, 'submitted');
      return {
        url: `/api/calls/${callId}/selection`,
        body: {
          version: 1,
          rationale: 'La meilleure note.',
          choices: [{ proposalId, selected: true, rationale: 'La meilleure note.' }],
        },
      };
    },
    expected: issuerSide(200),
    anonymous: 401,
  },
};
