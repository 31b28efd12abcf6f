import type { Role } from '../../common/roles.ts';
import type { Database } from '../db/client.ts';
import {
  projectAttachments,
  projectComments,
  projectOffers,
  projectOffices,
  projects,
  sponsorshipRequests,
} from '../db/schema.ts';
import type { AttachmentFiles } from '../lib/attachment-files.ts';
import type { Cell, Fixtures, RouteCase, Scope } from './authorization-matrix.table.ts';
import { projectBody } from './project-fixtures.ts';

/**
 * The projects' rows of the authorization matrix. A project of the "own" office is held and developed by
 * the caller's office (CPAM-67); one of the "other" office by CPAM-13.
 */
export interface ProjectFixtures {
  fresh(scope: Scope, track?: 'nonStandard' | 'nationalParticipation'): Promise<string>;
  /** A pending sponsorship request of a fresh project, to a directorate (the caller's office or DDGOS). */
  sponsorship(scope: Scope, directorate: 'callerOffice' | 'ddgos'): Promise<string>;
  /** A pending offer of CPAM-69 to a fresh project. */
  offer(scope: Scope): Promise<string>;
  comment(projectId: string, authorId: string): Promise<string>;
  /** A PDF attached to the project, its bytes on disk. */
  attachment(projectId: string): Promise<string>;
}

/** A PDF as its bytes say (imported from the table, it would close an import cycle). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

export function projectFixtures(
  db: Database,
  files: AttachmentFiles,
  officeId: Record<Scope, string>,
  ddgos: string,
  lyon: string,
) {
  const one = async <T>(rows: Promise<T[]>) => {
    const [row] = await rows;
    if (!row) throw new Error('matrix row not inserted');
    return row;
  };
  const fixtures: ProjectFixtures = {
    async fresh(scope, track = 'nonStandard') {
      const { id } = await one(
        db
          .insert(projects)
          .values({
            ...projectBody({ track }),
            holderOrganisationId: officeId[scope],
          } as typeof projects.$inferInsert)
          .returning({ id: projects.id }),
      );
      await db
        .insert(projectOffices)
        .values({ projectId: id, organisationId: officeId[scope], role: 'developer' });
      return id;
    },
    async sponsorship(scope, directorate) {
      const projectId = await fixtures.fresh(scope);
      const row = await one(
        db
          .insert(sponsorshipRequests)
          .values({
            projectId,
            directorateId: directorate === 'ddgos' ? ddgos : officeId.own,
            pitch: 'Présentation du projet pour la matrice des droits.',
          })
          .returning({ id: sponsorshipRequests.id }),
      );
      return row.id;
    },
    async offer(scope) {
      const projectId = await fixtures.fresh(scope);
      const row = await one(
        db
          .insert(projectOffers)
          .values({ projectId, organisationId: lyon, kind: 'pilotSite', message: 'Nous serons site pilote.' })
          .returning({ id: projectOffers.id }),
      );
      return row.id;
    },
    async comment(projectId, authorId) {
      const row = await one(
        db
          .insert(projectComments)
          .values({ projectId, authorId, body: 'Un commentaire.' })
          .returning({ id: projectComments.id }),
      );
      return row.id;
    },
    async attachment(projectId) {
      const row = await one(
        db
          .insert(projectAttachments)
          .values({
            projectId,
            kind: 'document',
            fileName: 'note.pdf',
            mediaType: 'application/pdf',
            size: PDF.length,
            sha256: 'matrice',
          })
          .returning({ id: projectAttachments.id }),
      );
      await files.write(row.id, PDF);
      return row.id;
    },
  };
  return fixtures;
}

const everyone = (status: number) => () => status;
const only =
  (allowed: Role[], status: number) =>
  (role: Role): number =>
    allowed.includes(role) ? status : 403;
/** Those who run a project of the caller's office: its developers and director, the DDSI, admins. */
const runs = (status: number) => (role: Role, scope: Scope) =>
  role === 'admin' ||
  role === 'itDirectorate' ||
  ((role === 'developer' || role === 'officeDirector') && scope === 'own')
    ? status
    : 403;
/** The holder's side: its developers and director, admins. */
const holds = (status: number) => (role: Role, scope: Scope) =>
  role === 'admin' || ((role === 'developer' || role === 'officeDirector') && scope === 'own') ? status : 403;

const project = async ({ scope }: Cell, f: Fixtures) => f.projects.fresh(scope);

export const PROJECT_MATRIX: Record<string, RouteCase> = {
  'GET /api/project-tracks': {
    request: () => ({ url: '/api/project-tracks?nationalNeed=true' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/projects': {
    request: () => ({ url: '/api/projects?q=cong%C3%A9s&track=nonStandard' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/projects': {
    request: ({ scope }, f) => ({
      url: '/api/projects',
      body: projectBody({ holderOrganisationId: f.officeId[scope] }),
    }),
    expected: (role, scope) =>
      role === 'admin' || role === 'itDirectorate'
        ? 201
        : ['developer', 'officeDirector', 'sponsor'].includes(role) && scope === 'own'
          ? 201
          : 403,
    anonymous: 401,
  },
  'GET /api/projects/:id': {
    request: async (cell, f) => ({ url: `/api/projects/${await project(cell, f)}` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'PATCH /api/projects/:id': {
    request: async (cell, f) => ({
      url: `/api/projects/${await project(cell, f)}`,
      body: { version: 1, title: 'Titre revu' },
    }),
    expected: runs(200),
    anonymous: 401,
  },
  'POST /api/projects/:id/transitions': {
    request: async (cell, f) => ({
      url: `/api/projects/${await project(cell, f)}/transitions`,
      body: { action: 'frame', version: 1 },
    }),
    expected: runs(200),
    anonymous: 401,
  },
  'GET /api/projects/:id/comments': {
    request: async (cell, f) => ({ url: `/api/projects/${await project(cell, f)}/comments` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/projects/:id/comments': {
    request: async (cell, f) => ({
      url: `/api/projects/${await project(cell, f)}/comments`,
      body: { body: 'Bonne idée.' },
    }),
    expected: everyone(201),
    anonymous: 401,
  },
  'PATCH /api/projects/:id/comments/:commentId': {
    // The caller's own comment, just written.
    request: async (cell, f) => {
      const id = await project(cell, f);
      return {
        url: `/api/projects/${id}/comments/${await f.projects.comment(id, cell.actor.id)}`,
        body: { body: 'Corrigé.' },
      };
    },
    expected: everyone(200),
    anonymous: 401,
  },
  'DELETE /api/projects/:id/comments/:commentId': {
    request: async (cell, f) => {
      const id = await project(cell, f);
      return { url: `/api/projects/${id}/comments/${await f.projects.comment(id, cell.actor.id)}` };
    },
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/projects/:id/sponsorship-requests': {
    request: async (cell, f) => ({
      url: `/api/projects/${await project(cell, f)}/sponsorship-requests`,
      body: { directorateId: f.ddgos, pitch: 'Un besoin national partagé par toutes les caisses.' },
    }),
    expected: holds(201),
    anonymous: 401,
  },
  'GET /api/sponsorship-requests': {
    request: () => ({ url: '/api/sponsorship-requests' }),
    expected: only(['sponsor', 'admin'], 200),
    anonymous: 401,
  },
  'POST /api/sponsorship-requests/:id/decision': {
    // Addressed to the caller's office (own) or to the DDGOS (other): only its sponsors decide.
    request: async ({ scope }, f) => ({
      url: `/api/sponsorship-requests/${await f.projects.sponsorship(scope, scope === 'own' ? 'callerOffice' : 'ddgos')}/decision`,
      body: { decision: 'accepted', rationale: 'Priorité nationale.', version: 1 },
    }),
    expected: (role, scope) => (role === 'sponsor' && scope === 'own' ? 200 : 403),
    anonymous: 401,
  },
  'POST /api/sponsorship-requests/:id/withdrawal': {
    request: async ({ scope }, f) => ({
      url: `/api/sponsorship-requests/${await f.projects.sponsorship(scope, 'ddgos')}/withdrawal`,
      body: { version: 1 },
    }),
    expected: holds(200),
    anonymous: 401,
  },
  'POST /api/projects/:id/offers': {
    // An office does not offer to the project it holds (422).
    request: async (cell, f) => ({
      url: `/api/projects/${await project(cell, f)}/offers`,
      body: { kind: 'developerCapacity', message: 'Deux développeurs disponibles.', personDays: 40 },
    }),
    expected: (role, scope) =>
      ['developer', 'officeDirector'].includes(role) ? (scope === 'own' ? 422 : 201) : 403,
    anonymous: 401,
  },
  'POST /api/offers/:id/decision': {
    request: async ({ scope }, f) => ({
      url: `/api/offers/${await f.projects.offer(scope)}/decision`,
      body: { decision: 'accepted', version: 1 },
    }),
    expected: holds(200),
    anonymous: 401,
  },
  'GET /api/capacities': {
    request: () => ({ url: '/api/capacities' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/matchmaking': {
    request: () => ({ url: '/api/matchmaking?region=grand-est' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/capacities': {
    request: () => ({
      url: '/api/capacities',
      body: { quarter: '2027-T1', personDays: 30, skills: ['PHP'] },
    }),
    expected: only(['developer', 'officeDirector'], 200),
    anonymous: 401,
  },
  'POST /api/projects/:id/contributions': {
    request: async ({ scope }, f) => ({
      url: `/api/projects/${await f.projects.fresh(scope, 'nationalParticipation')}/contributions`,
      body: {
        personName: 'Camille Martin',
        organisationId: f.officeId[scope],
        sharePercent: 50,
        startsOn: '2026-01-05',
        role: 'Développeuse',
      },
    }),
    expected: runs(201),
    anonymous: 401,
  },
  'GET /api/projects/:id/attachments': {
    request: async (cell, f) => ({ url: `/api/projects/${await project(cell, f)}/attachments` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/projects/:id/attachments': {
    request: async (cell, f) => ({
      url: `/api/projects/${await project(cell, f)}/attachments`,
      upload: {
        file: { name: 'note.pdf', type: 'application/pdf', content: PDF },
        fields: { kind: 'document' },
      },
    }),
    expected: runs(201),
    anonymous: 401,
  },
  'GET /api/projects/:id/attachments/:attachmentId': {
    request: async (cell, f) => {
      const id = await project(cell, f);
      return { url: `/api/projects/${id}/attachments/${await f.projects.attachment(id)}` };
    },
    expected: everyone(200),
    anonymous: 401,
  },
  'DELETE /api/projects/:id/attachments/:attachmentId': {
    request: async (cell, f) => {
      const id = await project(cell, f);
      return { url: `/api/projects/${id}/attachments/${await f.projects.attachment(id)}` };
    },
    expected: runs(204),
    anonymous: 401,
  },
  'POST /api/projects/:id/followers': {
    request: async (cell, f) => ({ url: `/api/projects/${await project(cell, f)}/followers` }),
    expected: everyone(204),
    anonymous: 401,
  },
  'DELETE /api/projects/:id/followers': {
    request: async (cell, f) => ({ url: `/api/projects/${await project(cell, f)}/followers` }),
    expected: everyone(204),
    anonymous: 401,
  },
};
