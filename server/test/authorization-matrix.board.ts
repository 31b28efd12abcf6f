import { BOARD_RUNNERS } from '../../common/board/permissions.ts';
import type { Role } from '../../common/roles.ts';
import type { Database } from '../db/client.ts';
import { boardDecisions, boardItems, boardMeetings } from '../db/schema.ts';
import type { Cell, Fixtures, RouteCase } from './authorization-matrix.table.ts';

/**
 * The governance board's rows of the authorization matrix: each cell gets its own item, meeting and
 * decision. The decision log and its feeds are public; the board is run by the DDO, the board's members
 * and administrators; a sponsor escalates a request made to its own directorate (the "own" cell's).
 */
export function boardFixtures(db: Database) {
  const first = async <T>(rows: Promise<T[]>) => (await rows)[0] as T;
  const fixtures = {
    async item(cell: Cell, meetingId: string | null = null) {
      const row = await first(
        db
          .insert(boardItems)
          .values({
            kind: 'compensation',
            title: `Question ${cell.unique}`,
            reason: 'Une question de compensation.',
            submittingOrganisationId: cell.actor.organisationId,
            state: meetingId ? 'scheduled' : 'waiting',
            meetingId,
          })
          .returning({ id: boardItems.id }),
      );
      return row.id;
    },
    async meeting(cell: Cell, state: 'planned' | 'held' | 'minutesPublished' = 'planned') {
      const row = await first(
        db
          .insert(boardMeetings)
          .values({ title: `Séance ${cell.unique}`, meetingOn: '2031-01-15', state })
          .returning({ id: boardMeetings.id }),
      );
      return row.id;
    },
    async decision(cell: Cell, published: boolean) {
      const meetingId = await fixtures.meeting(cell, published ? 'minutesPublished' : 'held');
      const itemId = await fixtures.item(cell, published ? null : meetingId);
      const row = await first(
        db
          .insert(boardDecisions)
          .values({
            meetingId,
            itemId,
            question: 'Faut-il compenser ?',
            outcome: 'approved',
            statement: 'Oui.',
            rationale: 'Parce que.',
            voteMode: 'consensus',
            ...(published
              ? { year: 2099, number: Number(cell.unique.replace(/\D/g, '')) || 1, publishedAt: new Date() }
              : {}),
          })
          .returning({ id: boardDecisions.id }),
      );
      return row.id;
    },
  };
  return fixtures;
}
export type BoardFixtures = ReturnType<typeof boardFixtures>;

const everyone = (status: number) => () => status;
const runners = (status: number) => (role: Role) => (BOARD_RUNNERS.includes(role) ? status : 403);
const decisionBody = (itemId: string) => ({
  itemId,
  question: 'Faut-il compenser ?',
  outcome: 'approved',
  statement: "L'instance approuve.",
  rationale: 'Le besoin est établi.',
  voteMode: 'consensus',
});

export const BOARD_MATRIX: Record<string, RouteCase> = {
  'GET /api/board/items': {
    request: () => ({ url: '/api/board/items' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/board/items/:id': {
    request: async (cell, f: Fixtures) => ({ url: `/api/board/items/${await f.board.item(cell)}` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/board/requests': {
    request: (cell) => ({
      url: '/api/board/requests',
      body: {
        kind: 'evolution',
        title: `Évolution ${cell.unique}`,
        reason: 'Un besoin partagé par le réseau.',
        evolutionTarget: 'portal',
      },
    }),
    expected: everyone(201),
    anonymous: 401,
  },
  'POST /api/board/escalations': {
    request: async ({ scope }, f: Fixtures) => ({
      url: '/api/board/escalations',
      body: {
        sponsorshipId: await f.projects.sponsorship(scope, scope === 'own' ? 'callerOffice' : 'ddgos'),
        reason: 'Arbitrage national.',
      },
    }),
    expected: (role, scope) =>
      BOARD_RUNNERS.includes(role) || (role === 'sponsor' && scope === 'own') ? 201 : 403,
    anonymous: 401,
  },
  'POST /api/board/items': {
    request: (cell) => ({
      url: '/api/board/items',
      body: { kind: 'compensation', title: `Compensation ${cell.unique}`, reason: 'Une question.' },
    }),
    expected: runners(201),
    anonymous: 401,
  },
  'GET /api/board/meetings': {
    request: () => ({ url: '/api/board/meetings' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/board/meetings': {
    request: (cell) => ({
      url: '/api/board/meetings',
      body: { title: `Séance ${cell.unique}`, meetingOn: '2031-02-01' },
    }),
    expected: runners(201),
    anonymous: 401,
  },
  'GET /api/board/meetings/:id': {
    request: async (cell, f: Fixtures) => ({ url: `/api/board/meetings/${await f.board.meeting(cell)}` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'PATCH /api/board/meetings/:id': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/board/meetings/${await f.board.meeting(cell)}`,
      body: { version: 1, location: 'Paris' },
    }),
    expected: runners(200),
    anonymous: 401,
  },
  'POST /api/board/meetings/:id/agenda': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/board/meetings/${await f.board.meeting(cell)}/agenda`,
      body: { itemId: await f.board.item(cell) },
    }),
    expected: runners(200),
    anonymous: 401,
  },
  'DELETE /api/board/meetings/:id/agenda/:itemId': {
    request: async (cell, f: Fixtures) => {
      const meetingId = await f.board.meeting(cell);
      return { url: `/api/board/meetings/${meetingId}/agenda/${await f.board.item(cell, meetingId)}` };
    },
    expected: runners(200),
    anonymous: 401,
  },
  'POST /api/board/meetings/:id/decisions': {
    request: async (cell, f: Fixtures) => {
      const meetingId = await f.board.meeting(cell, 'held');
      return {
        url: `/api/board/meetings/${meetingId}/decisions`,
        body: decisionBody(await f.board.item(cell, meetingId)),
      };
    },
    expected: runners(201),
    anonymous: 401,
  },
  'DELETE /api/board/decisions/:id': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/board/decisions/${await f.board.decision(cell, false)}`,
    }),
    expected: runners(200),
    anonymous: 401,
  },
  'POST /api/board/meetings/:id/transitions': {
    request: async (cell, f: Fixtures) => {
      const meetingId = await f.board.meeting(cell);
      await f.board.item(cell, meetingId);
      return { url: `/api/board/meetings/${meetingId}/transitions`, body: { action: 'hold', version: 1 } };
    },
    expected: runners(200),
    anonymous: 401,
  },
  'GET /api/board/decisions': {
    request: () => ({ url: '/api/board/decisions?q=compenser&outcome=approved' }),
    expected: everyone(200),
    anonymous: 200,
  },
  'GET /api/board/decisions/:id': {
    request: async (cell, f: Fixtures) => ({
      url: `/api/board/decisions/${await f.board.decision(cell, true)}`,
    }),
    expected: everyone(200),
    anonymous: 200,
  },
  'GET /api/board/decisions.atom': {
    request: () => ({ url: '/api/board/decisions.atom' }),
    expected: everyone(200),
    anonymous: 200,
  },
  'GET /api/board/decisions.rss': {
    request: () => ({ url: '/api/board/decisions.rss' }),
    expected: everyone(200),
    anonymous: 200,
  },
};
