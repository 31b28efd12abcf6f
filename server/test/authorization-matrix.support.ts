import type { Role } from '../../common/roles.ts';
import type { SupportFlow } from '../../common/support/vocabulary.ts';
import type { Database } from '../db/client.ts';
import { supportAttachments, supportTickets } from '../db/schema.ts';
import type { AttachmentFiles } from '../lib/attachment-files.ts';
import { markTrained } from '../modules/community/developers.queries.ts';
import type { Fixtures, RouteCase, Scope } from './authorization-matrix.table.ts';
import { createUser } from './harness.ts';
import { tinyPng } from './images.ts';

/**
 * The support rows of the authorization matrix, one fresh ticket per cell. The "own" cell's office (the
 * CPAM du Bas-Rhin, referent of the Grand Est) answers its tickets at level 1: a starter-kit ticket of the
 * Grand Est, a problem on a homologated application it designs; the "other" cell's tickets concern
 * Brittany and another designer only.
 */
export function supportFixtures(
  db: Database,
  files: AttachmentFiles,
  officeId: Record<Scope, string>,
  applicationId: Record<Scope, string>,
) {
  const openers: Partial<Record<Scope, Promise<{ id: string; organisationId: string }>>> = {};
  const openerOf = (scope: Scope) => {
    openers[scope] ??= createUser(db, {
      roles: ['developer', 'agent'],
      organisationCode: scope === 'own' ? 'CPAM-68' : 'CPAM-22',
    });
    return openers[scope];
  };
  return {
    async ticket(scope: Scope, flow: SupportFlow = 'starterKit', state: 'open' | 'resolved' = 'open') {
      const opener = await openerOf(scope);
      const [row] = await db
        .insert(supportTickets)
        .values({
          flow,
          subject: 'Ticket de la matrice',
          description: 'Un problème à régler.',
          openedBy: opener.id,
          openerOrganisationId: opener.organisationId,
          level1OrganisationIds: [officeId[scope]],
          ...(state === 'resolved'
            ? { state, resolution: 'Réglé par le référent.', resolvedAt: new Date() }
            : {}),
          ...(flow === 'starterKit'
            ? { region: scope === 'own' ? 'grand-est' : 'bretagne' }
            : { applicationId: applicationId[scope], designerOrganisationId: officeId[scope] }),
        })
        .returning({ id: supportTickets.id, version: supportTickets.version });
      return row as { id: string; version: number };
    },
    async attachment(ticketId: string) {
      const png = tinyPng();
      const [row] = await db
        .insert(supportAttachments)
        .values({
          ticketId,
          kind: 'screenshot',
          fileName: 'trace.png',
          mediaType: 'image/png',
          size: png.length,
          sha256: 'matrice',
        })
        .returning({ id: supportAttachments.id });
      await files.write(row?.id as string, png);
      return row?.id as string;
    },
    trained: (userId: string) => markTrained(db, userId, '2026-06-12'),
  };
}
export type SupportFixtures = ReturnType<typeof supportFixtures>;

const NATIONAL_TEAM: Role[] = ['itDirectorate', 'admin'];
/** The ticket's offices (own) and the national team (everywhere). */
const concerned = (status: number) => (role: Role, scope: Scope) =>
  scope === 'own' || NATIONAL_TEAM.includes(role) ? status : 403;

export const SUPPORT_MATRIX: Record<string, RouteCase> = {
  'GET /api/support-tickets': {
    request: () => ({ url: '/api/support-tickets?flow=starterKit&state=open&level=1' }),
    expected: () => 200,
    anonymous: 401,
  },
  // The caller is trained first: developers and referents open a starter-kit ticket; the others may not.
  'POST /api/support-tickets': {
    request: async ({ actor }, f: Fixtures) => {
      await f.support.trained(actor.id);
      return {
        url: '/api/support-tickets',
        body: { flow: 'starterKit', subject: 'Question', description: 'Une question sur le starter kit.' },
      };
    },
    expected: (role) => (role === 'developer' || role === 'referent' ? 201 : 403),
    anonymous: 401,
  },
  'GET /api/support-tickets/:id': {
    request: async ({ scope }, f: Fixtures) => ({
      url: `/api/support-tickets/${(await f.support.ticket(scope)).id}`,
    }),
    expected: concerned(200),
    anonymous: 401,
  },
  'POST /api/support-tickets/:id/messages': {
    request: async ({ scope }, f: Fixtures) => ({
      url: `/api/support-tickets/${(await f.support.ticket(scope)).id}/messages`,
      body: { body: 'Un message.' },
    }),
    expected: concerned(201),
    anonymous: 401,
  },
  // Level 1 of a Grand Est ticket: the own office's referents only.
  'PUT /api/support-tickets/:id/assignee': {
    request: async ({ scope }, f: Fixtures) => {
      const ticket = await f.support.ticket(scope);
      return {
        url: `/api/support-tickets/${ticket.id}/assignee`,
        body: { assigneeId: null, version: ticket.version },
      };
    },
    expected: (role, scope) => (role === 'referent' && scope === 'own' ? 200 : 403),
    anonymous: 401,
  },
  'POST /api/support-tickets/:id/attachments': {
    request: async ({ scope }, f: Fixtures) => ({
      url: `/api/support-tickets/${(await f.support.ticket(scope)).id}/attachments`,
      upload: {
        file: { name: 'trace.png', type: 'image/png', content: tinyPng() },
        fields: { kind: 'screenshot' },
      },
    }),
    expected: concerned(201),
    anonymous: 401,
  },
  'GET /api/support-tickets/:id/attachments/:attachmentId': {
    request: async ({ scope }, f: Fixtures) => {
      const { id } = await f.support.ticket(scope);
      return { url: `/api/support-tickets/${id}/attachments/${await f.support.attachment(id)}` };
    },
    expected: concerned(200),
    anonymous: 401,
  },
  'DELETE /api/support-tickets/:id/attachments/:attachmentId': {
    request: async ({ scope }, f: Fixtures) => {
      const { id } = await f.support.ticket(scope);
      return { url: `/api/support-tickets/${id}/attachments/${await f.support.attachment(id)}` };
    },
    expected: concerned(204),
    anonymous: 401,
  },
  'POST /api/starter-kit-tickets/:id/transitions': {
    request: async ({ scope }, f: Fixtures) => {
      const ticket = await f.support.ticket(scope);
      return {
        url: `/api/starter-kit-tickets/${ticket.id}/transitions`,
        body: { action: 'escalate', version: ticket.version, input: { note: 'Pour le niveau 2.' } },
      };
    },
    expected: (role, scope) => (role === 'referent' && scope === 'own' ? 200 : 403),
    anonymous: 401,
  },
  // A resolved starter-kit ticket becomes a referential proposal: its referents' and the national team's.
  'POST /api/support-tickets/:id/referential-proposal': {
    request: async ({ scope }, f: Fixtures) => ({
      url: `/api/support-tickets/${(await f.support.ticket(scope, 'starterKit', 'resolved')).id}/referential-proposal`,
    }),
    expected: (role, scope) =>
      NATIONAL_TEAM.includes(role) || (role === 'referent' && scope === 'own') ? 201 : 403,
    anonymous: 401,
  },
  // Level 1 of a homologated application is its designer office: its agents and developers resolve.
  'POST /api/application-tickets/:id/transitions': {
    request: async ({ scope }, f: Fixtures) => {
      const ticket = await f.support.ticket(scope, 'application');
      return {
        url: `/api/application-tickets/${ticket.id}/transitions`,
        body: { action: 'resolve', version: ticket.version, input: { resolution: 'Réglé.' } },
      };
    },
    expected: (role, scope) => ((role === 'agent' || role === 'developer') && scope === 'own' ? 200 : 403),
    anonymous: 401,
  },
};
