import type { Role } from '../../common/roles.ts';
import type { Database } from '../db/client.ts';
import {
  insertCurrentVersion,
  insertPage,
  insertProposal,
} from '../modules/referential/referential.queries.ts';
import type { RouteCase } from './authorization-matrix.table.ts';
import { createUser } from './harness.ts';

const everyone = (status: number) => () => status;

/** Rows the referential cells need: one page at its first version (written once), proposals made per cell. */
export function referentialFixtures(db: Database) {
  let shared: Promise<{ slug: string; versionId: string; authorId: string }> | null = null;
  const page = () => {
    shared ??= (async () => {
      const author = await createUser(db, { roles: ['referent'], organisationCode: 'CPAM-67' });
      const row = await insertPage(db, {
        slug: 'matrice-psram',
        category: 'psram',
        title: 'Page de la matrice',
      });
      const version = await insertCurrentVersion(db, row.id, {
        title: row.title,
        body: '# Page de la matrice\n\nContenu.',
        authorId: author.id,
      });
      return { slug: row.slug, versionId: version.id, authorId: author.id };
    })();
    return shared;
  };
  return {
    page,
    /** A proposal of a new page, open: accepting it never meets a page that moved. */
    async openProposal() {
      const { authorId } = await page();
      return (
        await insertProposal(db, {
          category: 'security',
          title: 'Proposition de la matrice',
          body: 'Contenu proposé.',
          rationale: 'Pour la matrice des droits.',
          authorId,
        })
      ).id;
    },
  };
}
export type ReferentialFixtures = ReturnType<typeof referentialFixtures>;

const MAINTAINERS: Role[] = ['itDirectorate', 'referent', 'admin'];
const draft = {
  title: 'Titre proposé',
  body: 'Contenu proposé par la matrice.',
  rationale: 'Pour la matrice des droits.',
};

/** Everyone signed in reads, proposes and votes; the DDSI and the referents (and admins) decide. */
export const REFERENTIAL_MATRIX: Record<string, RouteCase> = {
  'GET /api/referential/pages': {
    request: () => ({ url: '/api/referential/pages?q=matrice' }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/referential/pages/:key': {
    request: async (_cell, f) => ({ url: `/api/referential/pages/${(await f.referential.page()).slug}` }),
    expected: everyone(200),
    anonymous: 401,
  },
  'GET /api/referential/pages/:key/diff': {
    request: async (_cell, f) => ({
      url: `/api/referential/pages/${(await f.referential.page()).slug}/diff?from=1&to=1`,
    }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/referential/pages/:key/proposals': {
    request: async (_cell, f) => {
      const page = await f.referential.page();
      return {
        url: `/api/referential/pages/${page.slug}/proposals`,
        body: { baseVersionId: page.versionId, ...draft },
      };
    },
    expected: everyone(201),
    anonymous: 401,
  },
  'POST /api/referential/proposals': {
    request: () => ({ url: '/api/referential/proposals', body: { category: 'cnil', ...draft } }),
    expected: everyone(201),
    anonymous: 401,
  },
  'GET /api/referential/proposals/:id': {
    request: async (_cell, f) => ({
      url: `/api/referential/proposals/${await f.referential.openProposal()}`,
    }),
    expected: everyone(200),
    anonymous: 401,
  },
  'PUT /api/referential/proposals/:id/vote': {
    request: async (_cell, f) => ({
      url: `/api/referential/proposals/${await f.referential.openProposal()}/vote`,
      body: { value: 'up', comment: '' },
    }),
    expected: everyone(200),
    anonymous: 401,
  },
  'POST /api/referential/proposals/:id/transitions': {
    request: async (_cell, f) => ({
      url: `/api/referential/proposals/${await f.referential.openProposal()}/transitions`,
      body: { action: 'accept', version: 1 },
    }),
    expected: (role: Role) => (MAINTAINERS.includes(role) ? 200 : 403),
    anonymous: 401,
  },
};
