import type { Role } from '../../common/roles.ts';
import type { Database } from '../db/client.ts';
import { clubMeetings, clubMembers, clubWishes, clubWishVotes } from '../db/schema.ts';
import { everyone } from './authorization-matrix.cells.ts';
import type { Fixtures, RouteCase, Scope } from './authorization-matrix.table.ts';
import { createUser } from './harness.ts';

/**
 * The user clubs' rows of the authorization matrix. The cell's office (the CPAM du Bas-Rhin) designs the
 * "own" sheets — it animates their clubs — and is a member of one club of the other office's ("member"),
 * never of another ("outside"). Clubs are sheets made once; each cell makes its own wish, meeting or
 * membership in them.
 */
export function clubFixtures(
  db: Database,
  officeId: Record<Scope, string>,
  freshSheet: (scope: Scope, name?: string) => Promise<string>,
) {
  const sheets = new Map<string, Promise<string>>();
  const sheet = (key: string, scope: Scope) => {
    if (!sheets.has(key)) sheets.set(key, freshSheet(scope, `Club de la matrice (${key})`));
    return sheets.get(key) as Promise<string>;
  };
  let author: Promise<{ id: string }> | undefined;
  const authorOf = () => {
    author ??= createUser(db, { roles: ['agent'], organisationCode: 'CPAM-67' });
    return author;
  };
  const member = (applicationId: string, organisationId: string) =>
    db.insert(clubMembers).values({ applicationId, organisationId }).onConflictDoNothing();
  return {
    /** A club the own office designs ("own") or one of the other office's it does not belong to. */
    designed: (scope: Scope) => sheet(`conçu-${scope}`, scope),
    /** The other office's club the own office is a member of ("own"), or one it is not ("other"). */
    async voting(scope: Scope) {
      const id = await sheet(`vote-${scope}`, 'other');
      if (scope === 'own') await member(id, officeId.own);
      return id;
    },
    /** A club where the office of `scope` is a member, of the other office's: who takes it out. */
    async membership(scope: Scope) {
      const id = await sheet(`membre-${scope}`, scope === 'own' ? 'own' : 'other');
      const leaving = scope === 'own' ? officeId.other : officeId.own;
      await member(id, leaving);
      return { id, organisationId: leaving };
    },
    async wish(applicationId: string, options: { votedByOwn?: boolean } = {}) {
      const [row] = await db
        .insert(clubWishes)
        .values({
          applicationId,
          title: 'Évolution de la matrice',
          description: 'Une évolution souhaitée par un organisme.',
          authorId: (await authorOf()).id,
          authorOrganisationId: officeId.own,
        })
        .returning({ id: clubWishes.id, version: clubWishes.version });
      const wish = row as { id: string; version: number };
      if (options.votedByOwn)
        await db.insert(clubWishVotes).values({
          wishId: wish.id,
          organisationId: officeId.own,
          userId: (await authorOf()).id,
          value: 'for',
        });
      return wish;
    },
    async meeting(applicationId: string) {
      const [row] = await db
        .insert(clubMeetings)
        .values({
          applicationId,
          title: 'Réunion de la matrice',
          heldOn: '2026-05-12',
          agenda: '1. Feuille de route',
          createdBy: (await authorOf()).id,
        })
        .returning({ id: clubMeetings.id, version: clubMeetings.version });
      return row as { id: string; version: number };
    },
  };
}
export type ClubFixtures = ReturnType<typeof clubFixtures>;

/** The people who act for an office in a club; the designer office's developers and director animate. */
const MEMBER_ROLES: Role[] = ['agent', 'developer', 'officeDirector'];
const ANIMATOR_ROLES: Role[] = ['developer', 'officeDirector'];
const inScope = (roles: Role[], status: number) => (role: Role, scope: Scope) =>
  scope === 'own' && roles.includes(role) ? status : 403;
const clubs = (f: Fixtures) => f.clubs;

export const CLUB_MATRIX: Record<string, RouteCase> = {
  'GET /api/applications/:id/club': {
    request: ({ scope }, f) => ({ url: `/api/applications/${f.applicationId[scope]}/club` }),
    expected: everyone(200),
    anonymous: 401,
  },
  // An office joins another's club; the designer office animates its own without joining it.
  'PUT /api/applications/:id/club/membership': {
    request: async ({ scope }, f) => ({
      url: `/api/applications/${await clubs(f).designed(scope)}/club/membership`,
    }),
    expected: (role, scope) => (scope === 'other' && MEMBER_ROLES.includes(role) ? 200 : 403),
    anonymous: 401,
  },
  // "own": the designer office takes a member out; "other": the office leaves another's club.
  'DELETE /api/applications/:id/club/members/:organisationId': {
    request: async ({ scope }, f) => {
      const { id, organisationId } = await clubs(f).membership(scope);
      return { url: `/api/applications/${id}/club/members/${organisationId}` };
    },
    expected: (role, scope) => ((scope === 'own' ? ANIMATOR_ROLES : MEMBER_ROLES).includes(role) ? 200 : 403),
    anonymous: 401,
  },
  'POST /api/applications/:id/club/posts': {
    request: async ({ scope }, f) => ({
      url: `/api/applications/${await clubs(f).designed(scope)}/club/posts`,
      body: { title: 'Actualité', body: 'Une **nouvelle** version.' },
    }),
    expected: inScope(ANIMATOR_ROLES, 201),
    anonymous: 401,
  },
  'POST /api/applications/:id/club/meetings': {
    request: async ({ scope }, f) => ({
      url: `/api/applications/${await clubs(f).designed(scope)}/club/meetings`,
      body: { title: 'Réunion', heldOn: '2026-06-02', agenda: '1. Bilan' },
    }),
    expected: inScope(ANIMATOR_ROLES, 201),
    anonymous: 401,
  },
  'PATCH /api/club-meetings/:id': {
    request: async ({ scope }, f) => {
      const meeting = await clubs(f).meeting(await clubs(f).designed(scope));
      return {
        url: `/api/club-meetings/${meeting.id}`,
        body: { minutes: 'Compte rendu.', version: meeting.version },
      };
    },
    expected: inScope(ANIMATOR_ROLES, 200),
    anonymous: 401,
  },
  'POST /api/applications/:id/club/wishes': {
    request: async ({ scope }, f) => ({
      url: `/api/applications/${await clubs(f).voting(scope)}/club/wishes`,
      body: { title: 'Une évolution', description: 'Une évolution souhaitée par un membre.' },
    }),
    expected: inScope(MEMBER_ROLES, 201),
    anonymous: 401,
  },
  'GET /api/club-wishes/:id': {
    request: async ({ scope }, f) => ({
      url: `/api/club-wishes/${(await clubs(f).wish(await clubs(f).voting(scope))).id}`,
    }),
    expected: everyone(200),
    anonymous: 401,
  },
  'PUT /api/club-wishes/:id/vote': {
    request: async ({ scope }, f) => ({
      url: `/api/club-wishes/${(await clubs(f).wish(await clubs(f).voting(scope))).id}/vote`,
      body: { value: 'for' },
    }),
    expected: inScope(MEMBER_ROLES, 200),
    anonymous: 401,
  },
  'DELETE /api/club-wishes/:id/vote': {
    request: async ({ scope }, f) => ({
      url: `/api/club-wishes/${(await clubs(f).wish(await clubs(f).voting(scope), { votedByOwn: true })).id}/vote`,
    }),
    expected: inScope(MEMBER_ROLES, 200),
    anonymous: 401,
  },
  // Answering a wish is the designer office's (its developers and director).
  'POST /api/club-wishes/:id/transitions': {
    request: async ({ scope }, f) => {
      const wish = await clubs(f).wish(await clubs(f).designed(scope));
      return {
        url: `/api/club-wishes/${wish.id}/transitions`,
        body: { action: 'plan', version: wish.version, input: { plannedVersion: '3.0' } },
      };
    },
    expected: inScope(ANIMATOR_ROLES, 200),
    anonymous: 401,
  },
};
