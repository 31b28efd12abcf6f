import { and, eq } from 'drizzle-orm';
import type { Role } from '../../common/roles.ts';
import type { Database } from '../db/client.ts';
import {
  referentApplications,
  regionalReferents,
  trainingRegistrations,
  trainingSessions,
} from '../db/schema.ts';
import type { Fixtures, RouteCase, Scope } from './authorization-matrix.table.ts';
import { createUser } from './harness.ts';

/** Rows the community cells need: a developer to read, applications and referents made per cell. */
export function communityFixtures(db: Database, officeId: Record<Scope, string>) {
  const developers: Partial<Record<Scope, string>> = {};
  return {
    async developerId(scope: Scope) {
      developers[scope] ??= (
        await createUser(db, {
          roles: ['developer'],
          organisationCode: scope === 'own' ? 'CPAM-67' : 'CPAM-13',
        })
      ).id;
      return developers[scope];
    },
    /** A pending application of the office (any earlier pending one for the region is withdrawn). */
    async pendingApplication(scope: Scope, region: 'guyane' | 'martinique' = 'guyane') {
      await db
        .update(referentApplications)
        .set({ state: 'withdrawn' })
        .where(
          and(
            eq(referentApplications.organisationId, officeId[scope]),
            eq(referentApplications.region, region),
            eq(referentApplications.state, 'pending'),
          ),
        );
      const [row] = await db
        .insert(referentApplications)
        .values({ organisationId: officeId[scope], region, motivation: 'Candidature de la matrice.' })
        .returning();
      return row as typeof referentApplications.$inferSelect;
    },
    /** Frees the pair (office, region) so that naming it again is allowed; returns the office. */
    async freeReferent(scope: Scope, region: string) {
      await db
        .delete(regionalReferents)
        .where(
          and(eq(regionalReferents.organisationId, officeId[scope]), eq(regionalReferents.region, region)),
        );
      return officeId[scope];
    },
    /** A referent of the office for the region, named afresh. */
    async referent(scope: Scope, region: 'martinique') {
      await this.freeReferent(scope, region);
      const [row] = await db
        .insert(regionalReferents)
        .values({ organisationId: officeId[scope], region })
        .returning({ id: regionalReferents.id });
      return row?.id as string;
    },
    /** A session of the CPAM du Bas-Rhin (a referent of the Grand Est), held: it began five days ago. */
    async session(capacity = 50) {
      const startsOn = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
      const [row] = await db
        .insert(trainingSessions)
        .values({
          region: 'grand-est',
          title: 'Session de la matrice',
          mode: 'remote',
          startsOn,
          endsOn: startsOn,
          capacity,
          trainerOrganisationId: officeId.own,
        })
        .returning();
      return row as typeof trainingSessions.$inferSelect;
    },
    /** A registration of a fresh developer of the office in a fresh session. */
    async registration(scope: Scope) {
      const session = await this.session();
      const developer = await createUser(db, {
        roles: ['developer'],
        organisationCode: scope === 'own' ? 'CPAM-67' : 'CPAM-68',
      });
      const [row] = await db
        .insert(trainingRegistrations)
        .values({
          sessionId: session.id,
          region: 'grand-est',
          developerUserId: developer.id,
          status: 'registered',
          prerequisites: { php: true, symfony: true, versioning: true, symfonyUsed: true },
        })
        .returning({ id: trainingRegistrations.id });
      return row?.id as string;
    },
    /** Withdraws the office's pending applications for Mayotte (which nothing ever covers). */
    async clearApplications() {
      await db
        .update(referentApplications)
        .set({ state: 'withdrawn' })
        .where(and(eq(referentApplications.region, 'mayotte'), eq(referentApplications.state, 'pending')));
    },
  };
}
export type CommunityFixtures = ReturnType<typeof communityFixtures>;

const everyone = (status: number) => () => status;
const only =
  (allowed: Role[], status: number) =>
  (role: Role): number =>
    allowed.includes(role) ? status : 403;
const DECIDERS: Role[] = ['itDirectorate', 'admin'];
/** The trainer office's referents and the DDSI: cells' callers are of the trainer office (own). */
const TRAINERS: Role[] = ['referent', ...DECIDERS];
const PREREQUISITES = { php: true, symfony: true, versioning: true, symfonyUsed: false };

export const COMMUNITY_MATRIX: Record<string, RouteCase> = {
  'GET /api/developers': {
    request: () => ({ url: '/api/developers?q=php&trained=false' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/developers/:id': {
    request: async ({ scope }, f: Fixtures) => ({
      url: `/api/developers/${await f.community.developerId(scope)}`,
    }),
    expected: everyone(200),
    anonymous: 401,
  },
  // Each cell's caller is a fresh account: its first profile, without a version.
  'PUT /api/me/developer-profile': {
    request: () => ({
      url: '/api/me/developer-profile',
      body: {
        skills: ['Recette'],
        technologies: ['PHP'],
        applicationIds: [],
        projectIds: [],
        availableForCollaboration: true,
      },
    }),
    expected: only(['developer', 'referent'], 200),
    anonymous: 401,
  },
  'GET /api/referents/coverage': {
    request: () => ({ url: '/api/referents/coverage' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/referents': {
    request: async ({ scope }, f) => ({
      url: '/api/referents',
      body: { organisationId: await f.community.freeReferent(scope, 'la-reunion'), region: 'la-reunion' },
    }),
    expected: only(DECIDERS, 201),
    anonymous: 401,
  },
  'DELETE /api/referents/:id': {
    request: async ({ scope }, f) => ({
      url: `/api/referents/${await f.community.referent(scope, 'martinique')}`,
    }),
    expected: (role) => (DECIDERS.includes(role) ? 204 : 403),
    anonymous: 401,
  },
  'GET /api/referent-applications': {
    request: () => ({ url: '/api/referent-applications?state=pending' }),
    expected: everyone(200),
    anonymous: 401,
  },
  // The cell's office (CPAM du Bas-Rhin) applies for Mayotte, which no cell ever covers.
  'POST /api/referent-applications': {
    request: async (_cell, f) => {
      await f.community.clearApplications();
      return {
        url: '/api/referent-applications',
        body: { region: 'mayotte', motivation: 'Candidature portée par la matrice des droits.' },
      };
    },
    expected: only(['officeDirector'], 201),
    anonymous: 401,
  },
  // Own office: readable by everyone of the office; another office's: by the DDSI only.
  'GET /api/referent-applications/:id': {
    request: async ({ scope }, f) => ({
      url: `/api/referent-applications/${(await f.community.pendingApplication(scope)).id}`,
    }),
    expected: (role, scope) => (scope === 'own' || DECIDERS.includes(role) ? 200 : 403),
    anonymous: 401,
  },
  'POST /api/referent-applications/:id/transitions': {
    request: async ({ scope }, f) => {
      const application = await f.community.pendingApplication(scope);
      return {
        url: `/api/referent-applications/${application.id}/transitions`,
        body: { action: 'accept', version: application.version, input: {} },
      };
    },
    expected: only(DECIDERS, 200),
    anonymous: 401,
  },
  'GET /api/training-sessions': {
    request: () => ({ url: '/api/training-sessions?region=grand-est&state=published' }),
    expected: everyone(200),
    anonymous: 401,
  },
  // The cell's office, the CPAM du Bas-Rhin, is a referent of the Grand Est.
  'POST /api/training-sessions': {
    request: () => ({
      url: '/api/training-sessions',
      body: {
        region: 'grand-est',
        title: 'Session publiée',
        mode: 'remote',
        startsOn: '2027-02-01',
        capacity: 8,
      },
    }),
    expected: only(['referent'], 201),
    anonymous: 401,
  },
  'GET /api/training-sessions/:id': {
    request: async (_cell, f) => ({ url: `/api/training-sessions/${(await f.community.session()).id}` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/training-sessions/:id/invitation.ics': {
    request: async (_cell, f) => ({
      url: `/api/training-sessions/${(await f.community.session()).id}/invitation.ics`,
    }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/training-sessions/:id/transitions': {
    request: async (_cell, f) => {
      const session = await f.community.session();
      return {
        url: `/api/training-sessions/${session.id}/transitions`,
        body: { action: 'complete', version: session.version },
      };
    },
    expected: only(TRAINERS, 200),
    anonymous: 401,
  },
  // The caller asks for himself: developers may; a director asks for a developer of his office.
  'POST /api/training-requests': {
    request: async ({ actor }, f) => ({
      url: '/api/training-requests',
      body: {
        developerId: actor.id,
        sessionId: (await f.community.session()).id,
        prerequisites: PREREQUISITES,
      },
    }),
    expected: (role) => (role === 'developer' ? 201 : role === 'officeDirector' ? 422 : 403),
    anonymous: 401,
  },
  // Checking prerequisites: the trainer office's referents and the DDSI (other-office developers are refused).
  'POST /api/training-registrations/:id/actions': {
    request: async ({ scope }, f) => ({
      url: `/api/training-registrations/${await f.community.registration(scope)}/actions`,
      body: { action: 'checkPrerequisites' },
    }),
    expected: only(TRAINERS, 200),
    anonymous: 401,
  },
  'GET /api/training-demand': {
    request: () => ({ url: '/api/training-demand' }),
    expected: only(TRAINERS, 200),
    anonymous: 401,
  },
};
