import type { Role } from '../../common/roles.ts';
import { ACCEPTANCE_MATRIX, type AcceptanceFixtures } from './authorization-matrix.acceptance.ts';
import { ACCESSIBILITY_MATRIX, type AccessibilityFixtures } from './authorization-matrix.accessibility.ts';
import { ACCOUNT_MATRIX } from './authorization-matrix.accounts.ts';
import { BOARD_MATRIX, type BoardFixtures } from './authorization-matrix.board.ts';
import { CALL_MATRIX, type CallFixtures } from './authorization-matrix.calls.ts';
import { everyone, only } from './authorization-matrix.cells.ts';
import { CLUB_MATRIX, type ClubFixtures } from './authorization-matrix.clubs.ts';
import { COMMUNITY_MATRIX, type CommunityFixtures } from './authorization-matrix.community.ts';
import {
  AGREEMENT_MATRIX,
  COMPENSATION_MATRIX,
  type CompensationFixtures,
} from './authorization-matrix.compensation.ts';
import { EVALUATION_MATRIX, type EvaluationFixtures } from './authorization-matrix.evaluations.ts';
import { FORGE_MATRIX } from './authorization-matrix.forge.ts';
import { NOTIFICATION_MATRIX, type NotificationFixtures } from './authorization-matrix.notifications.ts';
import { PROJECT_MATRIX, type ProjectFixtures } from './authorization-matrix.projects.ts';
import { PROPOSAL_MATRIX } from './authorization-matrix.proposals.ts';
import { REFERENTIAL_MATRIX, type ReferentialFixtures } from './authorization-matrix.referential.ts';
import { STATEMENT_MATRIX } from './authorization-matrix.statements.ts';
import { STORE_MATRIX, type StoreFixtures } from './authorization-matrix.store.ts';
import { SUPPORT_MATRIX, type SupportFixtures } from './authorization-matrix.support.ts';
import { sheetBody, type UploadedFile } from './catalog-fixtures.ts';

/**
 * Every route the application serves × every role × {own office, other office}, plus a caller without a
 * session → the expected status. Each cell sends a valid request on rows made for it, so that an allowed
 * cell answers its success status (or the business status the table names, e.g. 422), and a refused one
 * exactly 401 or 403: a 400 or 404 is never taken for "allowed". A served route missing from this table
 * fails the test, and so does a row for a route that no longer exists.
 */
export type Scope = 'own' | 'other';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The caller of one cell: a fresh account of the CPAM du Bas-Rhin (the "own" office). */
export interface Cell {
  scope: Scope;
  actor: { id: string; email: string; organisationId: string };
  /** Unique within the run, for names, e-mails and codes. */
  unique: string;
}
export interface CellRequest {
  url: string;
  body?: unknown;
  /** Headers besides the session's (a webhook's signature). */
  headers?: Record<string, string>;
  upload?: { file: UploadedFile; fields?: Record<string, string> };
}
export interface RouteCase {
  /** Builds the rows this cell needs (its own, so that no cell sees another's writes) and the request. */
  request: (cell: Cell, fixtures: Fixtures) => CellRequest | Promise<CellRequest>;
  /** Status for a signed-in caller holding exactly `role`. */
  expected: (role: Role, scope: Scope) => number;
  /** Status without a session. */
  anonymous: number;
}

const EDITORS: Role[] = ['admin', 'itDirectorate', 'developer', 'officeDirector'];
/** Sheets: the DDSI and admins edit all; developers and directors the sheets of their own office. */
const mayEditSheet = (role: Role, scope: Scope) =>
  role === 'admin' || role === 'itDirectorate' || (EDITORS.includes(role) && scope === 'own');
const editSheet = (status: number) => (role: Role, scope: Scope) =>
  mayEditSheet(role, scope) ? status : 403;
const USAGE_DECLARERS: Role[] = ['officeDirector', 'developer', 'referent'];

const INVENTORY_HEADER =
  'Identifiant;Nom;Description courte;Domaine métier;Organisme concepteur;Filière;Cycle de vie;Hébergement';
export const PDF = Buffer.from(
  '%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** The rows of the test database the cells use: shared ones (read only) and fresh ones (one per cell). */
export interface Fixtures {
  officeId: Record<Scope, string>;
  applicationId: Record<Scope, string>;
  attachmentId: Record<Scope, string>;
  userId: Record<Scope, string>;
  freshSheet(scope: Scope): Promise<string>;
  freshAttachment(applicationId: string): Promise<string>;
  /** A new agent's account (named `displayName` when given). */
  freshUser(scope: Scope, displayName?: string): Promise<string>;
  /** The version the site settings are at now. */
  siteSettingsVersion(): Promise<number>;
  /** The own office declares that it uses the sheet (through its director). */
  declareOwnUsage(applicationId: string): Promise<void>;
  /** Projects, sponsorships, offers, comments (authorization-matrix.projects.ts). */
  projects: ProjectFixtures;
  /** Grids and evaluations (authorization-matrix.evaluations.ts). */
  evaluations: EvaluationFixtures;
  /** Acceptance campaigns and reports (authorization-matrix.acceptance.ts). */
  acceptance: AcceptanceFixtures;
  /** Jobs and notifications (authorization-matrix.notifications.ts). */
  notifications: NotificationFixtures;
  /** The Store, deployment requests and tenants (authorization-matrix.store.ts). */
  store: StoreFixtures;
  /** Developers, referents and applications (authorization-matrix.community.ts). */
  community: CommunityFixtures;
  /** Calls for projects (authorization-matrix.calls.ts). */
  calls: CallFixtures;
  /** The governance board (authorization-matrix.board.ts). */
  board: BoardFixtures;
  /** Support tickets (authorization-matrix.support.ts). */
  support: SupportFixtures;
  /** Referential pages and proposals (authorization-matrix.referential.ts). */
  referential: ReferentialFixtures;
  /** Accessibility reports (authorization-matrix.accessibility.ts). */
  accessibility: AccessibilityFixtures;
  /** Effort and agreements (authorization-matrix.compensation.ts). */
  compensation: CompensationFixtures;
  /** User clubs (authorization-matrix.clubs.ts). */
  clubs: ClubFixtures;
  ddgos: string;
}

export const MATRIX: Record<string, RouteCase> = {
  'GET /api/business-domains': {
    request: () => ({ url: '/api/business-domains' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/applications': {
    request: () => ({ url: '/api/applications?q=gestion&track=homologation' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/applications': {
    request: ({ scope, unique }, f) => ({
      url: '/api/applications',
      body: sheetBody(f.officeId[scope], { name: `Application ${unique}` }),
    }),
    expected: editSheet(201),
    anonymous: 401,
  },
  'GET /api/applications/:id': {
    request: ({ scope }, f) => ({ url: `/api/applications/${f.applicationId[scope]}` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'PATCH /api/applications/:id': {
    request: async ({ scope, unique }, f) => ({
      url: `/api/applications/${await f.freshSheet(scope)}`,
      body: { version: 1, summary: `Résumé revu pour la cellule ${unique}.` },
    }),
    expected: editSheet(200),
    anonymous: 401,
  },
  'POST /api/applications/:id/transitions': {
    // Archiving is the sheet's writers' transition (certification's parties are checked in its tests).
    request: async ({ scope }, f) => ({
      url: `/api/applications/${await f.freshSheet(scope)}/transitions`,
      body: { action: 'archive', version: 1, input: { reason: 'Remplacée' } },
    }),
    expected: editSheet(200),
    anonymous: 401,
  },
  'PUT /api/applications/:id/replacement': {
    // A fresh sheet retired in favour of the shared sheet of the other office.
    request: async ({ scope }, f) => ({
      url: `/api/applications/${await f.freshSheet(scope)}/replacement`,
      body: { version: 1, replacedById: f.applicationId.other },
    }),
    expected: editSheet(200),
    anonymous: 401,
  },
  // The portal's statistics: the DDO, the governance board and administrators.
  'GET /api/statistics': {
    request: () => ({ url: '/api/statistics?from=2026-01&to=2026-03' }),
    expected: only(['operationsDirectorate', 'governanceBoard', 'admin'], 200),
    anonymous: 401,
  },
  'GET /api/statistics.xlsx': {
    request: () => ({ url: '/api/statistics.xlsx?from=2026-01&to=2026-01&figure=support' }),
    expected: only(['operationsDirectorate', 'governanceBoard', 'admin'], 200),
    anonymous: 401,
  },
  'GET /api/applications/:id/usages': {
    request: ({ scope }, f) => ({ url: `/api/applications/${f.applicationId[scope]}/usages` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/applications/:id/usages': {
    // A sheet the caller's office has not declared yet: the declaration is a creation.
    request: async ({ scope }, f) => ({
      url: `/api/applications/${await f.freshSheet(scope)}/usages`,
      body: { userCount: 12 },
    }),
    expected: only(USAGE_DECLARERS, 201),
    anonymous: 401,
  },
  'DELETE /api/applications/:id/usages': {
    // A sheet the caller's office has declared: there is a usage to withdraw.
    request: async ({ scope }, f) => {
      const id = await f.freshSheet(scope);
      await f.declareOwnUsage(id);
      return { url: `/api/applications/${id}/usages` };
    },
    expected: only(USAGE_DECLARERS, 204),
    anonymous: 401,
  },
  'GET /api/usage-map': {
    request: () => ({ url: '/api/usage-map' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/usage-map/redundancies': {
    request: () => ({ url: '/api/usage-map/redundancies?page=1&pageSize=5' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/applications/similar': {
    request: () => ({ url: '/api/applications/similar?name=Gestion%20des%20cong%C3%A9s' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/similar': {
    request: () => ({
      url: '/api/similar',
      body: { title: 'Gestion des congés', text: 'Demandes de vacances des agents.' },
    }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/applications/import/template.csv': {
    request: () => ({ url: '/api/applications/import/template.csv' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/applications/import/template.xlsx': {
    request: () => ({ url: '/api/applications/import/template.xlsx' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/applications/import': {
    // One sheet of the own or the other office: a developer or director of the own office may not write
    // the other office's sheets, which the import reports on the row (422, nothing written).
    request: ({ scope, unique }) => ({
      url: '/api/applications/import',
      upload: {
        file: {
          name: 'inventaire.csv',
          type: 'text/csv',
          content: [
            INVENTORY_HEADER,
            `MX-${unique.toUpperCase()};Application ${unique};Application importée par la matrice des droits.;Ressources humaines;${scope === 'own' ? 'CPAM-67' : 'CPAM-13'};Hors standard;En production;Serveur de l'organisme`,
          ].join('\n'),
        },
      },
    }),
    expected: (role, scope) => (!EDITORS.includes(role) ? 403 : mayEditSheet(role, scope) ? 200 : 422),
    anonymous: 401,
  },
  'GET /api/applications/export': {
    request: () => ({ url: '/api/applications/export?format=json&track=homologation' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/applications/:id/publiccode.yml': {
    request: ({ scope }, f) => ({ url: `/api/applications/${f.applicationId[scope]}/publiccode.yml` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/applications/:id/attachments': {
    request: async ({ scope }, f) => ({
      url: `/api/applications/${await f.freshSheet(scope)}/attachments`,
      upload: {
        file: { name: 'note.pdf', type: 'application/pdf', content: PDF },
        fields: { kind: 'document' },
      },
    }),
    expected: editSheet(201),
    anonymous: 401,
  },
  'GET /api/applications/:id/attachments/:attachmentId': {
    request: ({ scope }, f) => ({
      url: `/api/applications/${f.applicationId[scope]}/attachments/${f.attachmentId[scope]}`,
    }),
    expected: everyone(200),
    anonymous: 401,
  },
  'DELETE /api/applications/:id/attachments/:attachmentId': {
    request: async ({ scope }, f) => {
      const id = await f.freshSheet(scope);
      return { url: `/api/applications/${id}/attachments/${await f.freshAttachment(id)}` };
    },
    expected: editSheet(204),
    anonymous: 401,
  },
  'GET /health/live': { request: () => ({ url: '/health/live' }), expected: everyone(200), anonymous: 200 },
  'GET /health/ready': { request: () => ({ url: '/health/ready' }), expected: everyone(200), anonymous: 200 },
  // No token configured in the matrix: the metrics answer whoever reaches them (metrics.test.ts: with one).
  'GET /metrics': { request: () => ({ url: '/metrics' }), expected: everyone(200), anonymous: 200 },
  'GET /api/openapi.json': {
    request: () => ({ url: '/api/openapi.json' }),
    expected: everyone(200),
    anonymous: 200,
  },
  'GET /api/config': { request: () => ({ url: '/api/config' }), expected: everyone(200), anonymous: 200 },
  // The legal notice's settings: read by anyone, written by administrators (each with the version it reads).
  'GET /api/site-settings': {
    request: () => ({ url: '/api/site-settings' }),
    expected: everyone(200),
    anonymous: 200,
  },
  'PUT /api/site-settings': {
    request: async ({ unique }, f) => ({
      url: '/api/site-settings',
      body: {
        version: await f.siteSettingsVersion(),
        publisherName: "Caisse nationale de l'Assurance Maladie",
        publisherAddress: '50 avenue du Professeur André Lemierre\n75986 Paris Cedex 20',
        publicationDirector: `Directeur de la cellule ${unique}`,
        hostName: 'DDSI — AM Cloud',
        hostAddress: '50 avenue du Professeur André Lemierre\n75986 Paris Cedex 20',
      },
    }),
    expected: only(['admin'], 200),
    anonymous: 401,
  },
  'GET /api/audit-events': {
    request: () => ({ url: '/api/audit-events' }),
    // The DDSI reads the events on the sheets only (a scope in SQL, see the audit tests).
    expected: only(['admin', 'operationsDirectorate', 'itDirectorate'], 200),
    anonymous: 401,
  },
  ...ACCOUNT_MATRIX,
  ...PROJECT_MATRIX,
  ...FORGE_MATRIX,
  ...EVALUATION_MATRIX,
  ...ACCEPTANCE_MATRIX,
  ...NOTIFICATION_MATRIX,
  ...STORE_MATRIX,
  ...COMMUNITY_MATRIX,
  ...CALL_MATRIX,
  ...PROPOSAL_MATRIX,
  ...BOARD_MATRIX,
  ...SUPPORT_MATRIX,
  ...REFERENTIAL_MATRIX,
  ...ACCESSIBILITY_MATRIX,
  ...COMPENSATION_MATRIX,
  ...AGREEMENT_MATRIX,
  ...CLUB_MATRIX,
  ...STATEMENT_MATRIX,
  'GET /api/audit-events/actions': {
    request: () => ({ url: '/api/audit-events/actions' }),
    expected: only(['admin', 'operationsDirectorate', 'itDirectorate'], 200),
    anonymous: 401,
  },

  // Outside the policy table: the API documentation (public, like the OpenAPI document it shows)…
  'GET /api/docs': { request: () => ({ url: '/api/docs' }), expected: everyone(200), anonymous: 200 },
  'GET /api/docs/json': {
    request: () => ({ url: '/api/docs/json' }),
    expected: everyone(200),
    anonymous: 200,
  },
  'GET /api/docs/yaml': {
    request: () => ({ url: '/api/docs/yaml' }),
    expected: everyone(200),
    anonymous: 200,
  },
  'GET /api/docs/static/index.html': {
    // Swagger UI sends its page's old address to the documentation's address.
    request: () => ({ url: '/api/docs/static/index.html' }),
    expected: everyone(302),
    anonymous: 302,
  },
  'GET /api/docs/static/swagger-initializer.js': {
    request: () => ({ url: '/api/docs/static/swagger-initializer.js' }),
    expected: everyone(200),
    anonymous: 200,
  },
  'GET /api/docs/static/*': {
    request: () => ({ url: '/api/docs/static/swagger-ui.css' }),
    expected: everyone(200),
    anonymous: 200,
  },
  // …and the web app: its page and its files, public (the app asks for a session itself).
  'GET /': { request: () => ({ url: '/' }), expected: everyone(200), anonymous: 200 },
  'GET /*': { request: () => ({ url: '/assets/app.js' }), expected: everyone(200), anonymous: 200 },
};

/** What answers a path no route matches: the web app for a deep link, a problem+json 404 otherwise. */
export const FALLBACK: { method: Method; url: string; status: number; type: string }[] = [
  { method: 'GET', url: '/organismes/quelque-part?onglet=1', status: 200, type: 'text/html' },
  { method: 'GET', url: '/assets/absent.js', status: 404, type: 'application/problem+json' },
  { method: 'GET', url: '/api/absent', status: 404, type: 'application/problem+json' },
  { method: 'GET', url: '/health/absent', status: 404, type: 'application/problem+json' },
  { method: 'POST', url: '/organismes', status: 404, type: 'application/problem+json' },
];
