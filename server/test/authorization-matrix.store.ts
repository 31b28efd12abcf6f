import type { Role } from '../../common/roles.ts';
import type { Database } from '../db/client.ts';
import { deploymentRequests } from '../db/schema.ts';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from '../integrations/am-cloud.ts';
import type { Fixtures, RouteCase, Scope } from './authorization-matrix.table.ts';
import { createSheet } from './catalog-fixtures.ts';
import { type Agent, createUser } from './harness.ts';

/** The webhook secret of the matrix's application: its cells sign as the platform does. */
export const MATRIX_WEBHOOK_SECRET = 'secret-du-webhook-de-la-matrice';

let requests = 0;
/** Rows the Store's cells need: a sheet of the Store (labelled, on AM Cloud), a draft request, per cell. */
export function storeFixtures(db: Database, admin: Agent, officeId: Record<Scope, string>) {
  const storeSheet = async (scope: Scope = 'other') =>
    (
      await createSheet(admin, officeId[scope], {
        name: 'Application du Store de la matrice',
        track: 'labelling',
        hosting: 'amCloud',
        certificationStatus: 'labelled',
      })
    ).id;
  return {
    storeSheet,
    /** A draft request of the office, complete, for an application of the Store. */
    async draftRequest(scope: Scope) {
      requests += 1;
      const requester = await createUser(db, {
        roles: ['agent'],
        organisationCode: scope === 'own' ? 'CPAM-67' : 'CPAM-13',
      });
      const [row] = await db
        .insert(deploymentRequests)
        .values({
          reference: `DMD-MATRICE-${String(requests).padStart(4, '0')}`,
          applicationId: await storeSheet(),
          organisationId: officeId[scope],
          requestedBy: requester.id,
          expectedUsers: 10,
          wantedOn: '2027-01-01',
          environments: ['production'],
          dataProtection: {
            dpoInformed: true,
            processingRegisterUpdated: true,
            cnilFormalitiesDone: true,
            comment: '',
          },
        })
        .returning({ id: deploymentRequests.id, version: deploymentRequests.version });
      if (!row) throw new Error('request not inserted');
      return row;
    },
  };
}
export type StoreFixtures = ReturnType<typeof storeFixtures>;

let budgetYears = 0;
const everyone = (status: number) => () => status;
const only =
  (allowed: Role[], status: number) =>
  (role: Role): number =>
    allowed.includes(role) ? status : 403;
const REQUESTERS: Role[] = ['agent', 'developer'];
const NATIONAL: Role[] = ['admin', 'itDirectorate', 'governanceBoard', 'operationsDirectorate'];

export const STORE_MATRIX: Record<string, RouteCase> = {
  'GET /api/store': {
    request: () => ({ url: '/api/store?q=matrice&status=labelled' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/store/applications/:id': {
    request: async (_cell, f: Fixtures) => ({ url: `/api/store/applications/${await f.store.storeSheet()}` }),
    expected: everyone(200),
    anonymous: 401,
  },
  // Whoever's office uses the application reviews it (own: the office declared its use); others are refused.
  'PUT /api/store/applications/:id/review': {
    request: async ({ scope }, f: Fixtures) => {
      const id = await f.store.storeSheet();
      if (scope === 'own') await f.declareOwnUsage(id);
      return { url: `/api/store/applications/${id}/review`, body: { rating: 4, comment: 'Utile.' } };
    },
    expected: (_role: Role, scope: Scope) => (scope === 'own' ? 201 : 403),
    anonymous: 401,
  },
  // An office's agents and developers ask, always for their own office.
  'POST /api/deployment-requests': {
    request: async (_cell, f: Fixtures) => ({
      url: '/api/deployment-requests',
      body: {
        applicationId: await f.store.storeSheet(),
        expectedUsers: 10,
        wantedOn: '2027-01-01',
        environments: ['production'],
        dataProtection: { dpoInformed: true, processingRegisterUpdated: true, cnilFormalitiesDone: true },
      },
    }),
    expected: only(REQUESTERS, 201),
    anonymous: 401,
  },
  'GET /api/deployment-requests': {
    request: () => ({ url: '/api/deployment-requests?state=draft' }),
    expected: everyone(200),
    anonymous: 401,
  },
  // The office's own requests, and every one nationally.
  'GET /api/deployment-requests/:id': {
    request: async ({ scope }, f: Fixtures) => ({
      url: `/api/deployment-requests/${(await f.store.draftRequest(scope)).id}`,
    }),
    expected: (role: Role, scope: Scope) => (scope === 'own' || NATIONAL.includes(role) ? 200 : 403),
    anonymous: 401,
  },
  'PATCH /api/deployment-requests/:id': {
    request: async ({ scope }, f: Fixtures) => {
      const request = await f.store.draftRequest(scope);
      return {
        url: `/api/deployment-requests/${request.id}`,
        body: { expectedUsers: 12, version: request.version },
      };
    },
    expected: (role: Role, scope: Scope) => (scope === 'own' && REQUESTERS.includes(role) ? 200 : 403),
    anonymous: 401,
  },
  // Submitting a draft: the requesting office's agents and developers (the lifecycle's parties).
  'POST /api/deployment-requests/:id/transitions': {
    request: async ({ scope }, f: Fixtures) => {
      const request = await f.store.draftRequest(scope);
      return {
        url: `/api/deployment-requests/${request.id}/transitions`,
        body: { action: 'submit', version: request.version },
      };
    },
    expected: (role: Role, scope: Scope) => (scope === 'own' && REQUESTERS.includes(role) ? 200 : 403),
    anonymous: 401,
  },
  'GET /api/applications/:id/tenants': {
    request: async (_cell, f: Fixtures) => ({
      url: `/api/applications/${await f.store.storeSheet()}/tenants`,
    }),
    expected: only(NATIONAL, 200),
    anonymous: 401,
  },
  'GET /api/provisioning/status': {
    request: () => ({ url: '/api/provisioning/status' }),
    expected: only(['admin', 'itDirectorate'], 200),
    anonymous: 401,
  },
  // Hosting costs: governance reads them, the DDSI and administrators set the budgets.
  'GET /api/hosting/price-lists': {
    request: () => ({ url: '/api/hosting/price-lists' }),
    expected: only(NATIONAL, 200),
    anonymous: 401,
  },
  'GET /api/hosting/costs': {
    request: () => ({ url: '/api/hosting/costs?from=2026-01&to=2026-03' }),
    expected: only(NATIONAL, 200),
    anonymous: 401,
  },
  'GET /api/hosting/costs.xlsx': {
    request: () => ({ url: '/api/hosting/costs.xlsx?from=2026-01&to=2026-01' }),
    expected: only(NATIONAL, 200),
    anonymous: 401,
  },
  // A budget of a year of its own per cell (each cell creates one: 201).
  'PUT /api/hosting/budgets': {
    request: ({ scope }, f: Fixtures) => {
      budgetYears += 1;
      return {
        url: '/api/hosting/budgets',
        body: { organisationId: f.officeId[scope], year: 2030 + budgetYears, amountEuros: 1000 },
      };
    },
    expected: only(['admin', 'itDirectorate'], 201),
    anonymous: 401,
  },
  // Authenticated by the platform's signature, never by a session: the same answer with or without one.
  'POST /api/provisioning/webhook': {
    request: ({ unique }) => {
      const body = { eventId: `evt-${unique}`, tenantId: `inconnu-${unique}`, status: 'live' };
      return { url: '/api/provisioning/webhook', body, headers: signedWebhookHeaders(body) };
    },
    expected: everyone(200),
    anonymous: 200,
  },
};

/** The headers the platform signs a webhook body with (the matrix sends bodies as JSON objects). */
export function signedWebhookHeaders(body: unknown) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: signWebhook(MATRIX_WEBHOOK_SECRET, timestamp, JSON.stringify(body)),
  };
}
