import { eq } from 'drizzle-orm';
import type { Role } from '../../common/roles.ts';
import type { Database } from '../db/client.ts';
import {
  callAttachments,
  callEvaluators,
  callProposals,
  callQuestions,
  calls,
  organisations,
  proposalPartners,
} from '../db/schema.ts';
import type { AttachmentFiles } from '../lib/attachment-files.ts';
import type { Cell, Fixtures, RouteCase, Scope } from './authorization-matrix.table.ts';

// A file of its own: importing the table's would make a cycle (the table imports this file).
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * The calls' rows of the authorization matrix: a call of the "own" cell is issued by the caller's office
 * (CPAM-67), of the "other" cell by another office; each cell has its own call.
 */
export function callFixtures(db: Database, files: AttachmentFiles, officeId: Record<Scope, string>) {
  return {
    async call(cell: Cell, state: 'draft' | 'published' | 'underEvaluation' = 'published') {
      const [row] = await db
        .insert(calls)
        .values({
          title: `Appel ${cell.unique}`,
          context: 'Un besoin partagé.',
          issuerOrganisationId: officeId[cell.scope],
          scope: 'national',
          domainCode: 'relation-client',
          criteria: [{ label: 'Valeur', weight: 100 }],
          questionsUntil: '2099-01-10',
          proposalsUntil: '2099-01-15',
          selectionBy: '2099-02-01',
          state,
        })
        .returning({ id: calls.id });
      return row?.id as string;
    },
    /** A proposal to a call by an office (a third one: `null`), with a partner office when given. */
    async proposal(
      callId: string,
      organisationId: string | null,
      state: 'draft' | 'submitted' = 'draft',
      partnerId?: string,
    ) {
      const [third] = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.code, 'CPAM-51'));
      const [row] = await db
        .insert(callProposals)
        .values({
          callId,
          organisationId: organisationId ?? (third?.id as string),
          title: 'P',
          approach: 'A',
          state,
        })
        .returning({ id: callProposals.id });
      const id = row?.id as string;
      if (partnerId) await db.insert(proposalPartners).values({ proposalId: id, organisationId: partnerId });
      return id;
    },
    async evaluator(callId: string, userId: string) {
      await db.insert(callEvaluators).values({ callId, userId });
    },
    async question(callId: string) {
      const [row] = await db
        .insert(callQuestions)
        .values({ callId, question: 'Qui peut répondre ?' })
        .returning({ id: callQuestions.id });
      return row?.id as string;
    },
    async attachment(callId: string) {
      const [row] = await db
        .insert(callAttachments)
        .values({
          callId,
          kind: 'document',
          fileName: 'cahier.pdf',
          mediaType: 'application/pdf',
          size: PDF.length,
          sha256: 'matrice',
        })
        .returning({ id: callAttachments.id });
      await files.write(row?.id as string, PDF);
      return row?.id as string;
    },
  };
}
export type CallFixtures = ReturnType<typeof callFixtures>;

const ISSUERS: Role[] = ['officeDirector', 'sponsor'];
const everyone = (status: number) => () => status;
/** The issuer's director or sponsors (the own cell), and administrators anywhere. */
const issuerSide = (status: number) => (role: Role, scope: Scope) =>
  role === 'admin' || (ISSUERS.includes(role) && scope === 'own') ? status : 403;

export const CALL_MATRIX: Record<string, RouteCase> = {
  'GET /api/calls': {
    request: () => ({ url: '/api/calls?forMyOffice=true&state=published' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/calls': {
    request: (cell) => ({
      url: '/api/calls',
      body: {
        title: `Appel ${cell.unique}`,
        context: 'Un besoin partagé.',
        scope: 'national',
        domainCode: 'relation-client',
        questionsUntil: '2099-01-10',
        proposalsUntil: '2099-01-15',
        selectionBy: '2099-02-01',
      },
    }),
    expected: (role) => (role === 'admin' || ISSUERS.includes(role) ? 201 : 403),
    anonymous: 401,
  },
  'GET /api/calls/:id': {
    request: async (cell, f: Fixtures) => ({ url: `/api/calls/${await f.calls.call(cell)}` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'PATCH /api/calls/:id': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/calls/${await f.calls.call(cell)}`,
      body: { version: 1, title: `Appel revu ${cell.unique}` },
    }),
    expected: issuerSide(200),
    anonymous: 401,
  },
  'POST /api/calls/:id/questions': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/calls/${await f.calls.call(cell)}/questions`,
      body: { question: 'Les CGSS peuvent-elles répondre ?' },
    }),
    expected: everyone(201),
    anonymous: 401,
  },
  'PUT /api/calls/:id/questions/:questionId/answer': {
    request: async (cell, f: Fixtures) => {
      const callId = await f.calls.call(cell);
      return {
        url: `/api/calls/${callId}/questions/${await f.calls.question(callId)}/answer`,
        body: { version: 1, answer: 'Toutes les caisses.' },
      };
    },
    expected: issuerSide(200),
    anonymous: 401,
  },
  'GET /api/calls/:id/attachments': {
    request: async (cell, f: Fixtures) => ({ url: `/api/calls/${await f.calls.call(cell)}/attachments` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/calls/:id/attachments': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/calls/${await f.calls.call(cell)}/attachments`,
      upload: {
        file: { name: 'cahier.pdf', type: 'application/pdf', content: PDF },
        fields: { kind: 'document' },
      },
    }),
    expected: issuerSide(201),
    anonymous: 401,
  },
  'GET /api/calls/:id/attachments/:attachmentId': {
    request: async (cell, f: Fixtures) => {
      const id = await f.calls.call(cell);
      return { url: `/api/calls/${id}/attachments/${await f.calls.attachment(id)}` };
    },
    expected: everyone(200),
    anonymous: 401,
  },
  'DELETE /api/calls/:id/attachments/:attachmentId': {
    request: async (cell, f: Fixtures) => {
      const id = await f.calls.call(cell);
      return { url: `/api/calls/${id}/attachments/${await f.calls.attachment(id)}` };
    },
    expected: issuerSide(204),
    anonymous: 401,
  },
  'POST /api/calls/:id/transitions': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/calls/${await f.calls.call(cell, 'draft')}/transitions`,
      body: { action: 'publish', version: 1 },
    }),
    expected: issuerSide(200),
    anonymous: 401,
  },
};
