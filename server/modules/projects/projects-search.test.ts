import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_PHASES, PROJECT_SORTS } from '../../../common/projects.ts';
import { projectPageSchema } from '../../../common/schemas/project.ts';
import { PROJECT_TRACKS } from '../../../common/tracks.ts';
import { organisations, projectChanges, projects } from '../../db/schema.ts';
import { selectRows } from '../../lib/rows.ts';
import type { TestContext } from '../../test/harness.ts';
import {
  declareProject,
  type ProjectPeople,
  sponsor,
  startProjectTests,
} from '../../test/project-fixtures.ts';
import { projectTextQuery } from './projects-search.ts';
import { pruneProjectChanges } from './projects-snapshot.queries.ts';
import { projectSnapshot } from './projects-snapshot.ts';

/**
 * The project search runs over a per-process copy of the projects (projects-snapshot.ts): its counts and
 * orders against the same question asked of the database directly, and the copy read again after every
 * kind of write it copies.
 */
let t: TestContext;
let p: ProjectPeople;
beforeAll(async () => {
  ({ t, p } = await startProjectTests());
}, 60_000);
afterAll(() => t.close());

type Page = {
  total: number;
  items: {
    id: string;
    title: string;
    needsDevelopers: boolean;
    sponsorshipAccepted: boolean;
    holderOrganisation: { name: string };
  }[];
  facets: Record<string, { value: string; label: string; count: number }[]>;
};

const DOMAINS = ['ressources-humaines', 'prestations', 'relation-client'];
const WORDS = ['congés', 'indus', 'accueil', 'habilitations'];

/** The whole question asked of the database, row by row: the ids in order, and each facet's counts. */
async function naive(query: Record<string, string>) {
  const text = projectTextQuery(query.q);
  const tsquery = text ? sql`to_tsquery('french'::regconfig, f_unaccent(${text}))` : null;
  const column: Record<string, string> = {
    track: 'track',
    phase: 'phase',
    domain: 'domain_code',
    organisation: 'office_code',
    region: 'region',
    needsDevelopers: 'needs_developers::text',
  };
  const where = (except?: string) =>
    sql.join(
      [
        sql`TRUE`,
        ...Object.keys(column)
          .filter((facet) => facet !== except && query[facet])
          .map((facet) => sql`${sql.raw(column[facet] as string)} = ${query[facet]}`),
      ],
      sql` AND `,
    );
  const base = sql`WITH base AS (
    SELECT p.id, p.track, p.phase, p.domain_code, p.updated_at, f_unaccent(lower(p.title)) AS sort_title,
      o.code AS office_code, o.region, NOT EXISTS (SELECT 1 FROM project_offices po
        WHERE po.project_id = p.id AND po.role = 'developer') AS needs_developers,
      ${tsquery ? sql`ts_rank(p.search_vector, ${tsquery})` : sql`0`} AS rank
    FROM projects p JOIN organisations o ON o.id = p.holder_organisation_id
    WHERE ${tsquery ? sql`p.search_vector @@ ${tsquery}` : sql`TRUE`})`;
  const order: Record<string, string> = {
    relevance: 'rank DESC, updated_at DESC, id',
    updated: 'updated_at DESC, id',
    title: 'sort_title, id',
    phase: `array_position(ARRAY[${PROJECT_PHASES.map((x) => `'${x}'`).join(',')}], phase), updated_at DESC, id`,
  };
  const sort = query.sort ?? (text ? 'relevance' : 'updated');
  const ids = await selectRows<{ id: string }>(
    t.db,
    sql`${base} SELECT id FROM base WHERE ${where()} ORDER BY ${sql.raw(order[sort] as string)}`,
  );
  const facets: Record<string, { value: string; count: number }[]> = {};
  for (const [facet, expression] of Object.entries(column))
    facets[facet] = (
      await selectRows<{ value: string; count: string }>(
        t.db,
        sql`${base} SELECT ${sql.raw(expression)} AS value, count(*) AS count FROM base WHERE ${where(facet)}
          GROUP BY 1 ORDER BY count(*) DESC, 1`,
      )
    ).map((row) => ({ value: row.value, count: Number(row.count) }));
  return { ids: ids.map((r) => r.id), facets };
}

describe('the project search', () => {
  it('counts every facet and orders every sort as the database does, over the other filters', async () => {
    const holders = [p.developer, p.otherDeveloper, p.director, p.otherDirector];
    for (let k = 0; k < 24; k += 1) {
      const project = await declareProject(holders[k % 4] as (typeof holders)[number], {
        title: `${['Gestion', 'Suivi', 'Élan', 'étude'][k % 4]} des ${WORDS[k % 3]} n°${k % 5}`,
        need: `Les agents ont besoin d’un outil pour les ${WORDS[(k + 1) % 4]} et les ${WORDS[k % 2]}.`,
        domainCode: DOMAINS[k % 3],
        track: PROJECT_TRACKS[k % 3],
      });
      // Phases set in the database: the lifecycle is not what this test is about.
      await t.db
        .update(projects)
        .set({ phase: PROJECT_PHASES[k % 7], updatedAt: new Date(Date.UTC(2026, 0, 1 + (k % 6))) })
        .where(eq(projects.id, project.id));
    }
    const queries: Record<string, string>[] = [
      {},
      { q: 'indus' },
      { q: 'habilitations' },
      { q: 'gestion conges' },
      { domain: 'prestations' },
      { track: 'homologation', region: 'auvergne-rhone-alpes' },
      { phase: 'framing', domain: 'ressources-humaines' },
      { needsDevelopers: 'true' },
      { needsDevelopers: 'false', q: 'agents' },
      { organisation: 'CPAM-13', track: 'nonStandard' },
    ];
    let compared = 0;
    for (const query of queries)
      for (const sort of [undefined, ...PROJECT_SORTS]) {
        const asked = { ...query, ...(sort ? { sort } : {}) };
        const expected = await naive(asked);
        const page = (
          await p.agent.get(`/api/projects?${new URLSearchParams({ ...asked, pageSize: '100' })}`)
        ).json() as Page;
        // The route sends the presenter's page as it is: exactly the page the schema describes.
        expect(projectPageSchema.parse(page)).toEqual(page);
        expect(page.items.map((item) => item.id)).toEqual(expected.ids);
        expect(page.total).toBe(expected.ids.length);
        for (const [facet, counts] of Object.entries(expected.facets))
          expect(page.facets[facet]?.map(({ value, count }) => ({ value, count }))).toEqual(counts);
        compared += expected.ids.length;
      }
    // The comparison saw projects, not only empty lists.
    expect(compared).toBeGreaterThan(100);
    // Each card is the project's own page, summed up.
    const cards = (await p.agent.get('/api/projects?pageSize=30')).json() as Page;
    expect(cards.items.length).toBeGreaterThanOrEqual(24);
    for (const card of cards.items) {
      const project = (await p.agent.get(`/api/projects/${card.id}`)).json();
      expect(card).toEqual(
        Object.fromEntries(Object.keys(card).map((key) => [key, project[key as keyof typeof project]])),
      );
    }
  });

  it('sees every write it copies at once: a title, a developer office, a sponsorship, an office’s name', async () => {
    const project = await declareProject(p.director, { title: 'Pointage des navettes' });
    const orphans = async () =>
      ((await p.agent.get('/api/projects?q=navettes&needsDevelopers=true')).json() as Page).total;
    expect(await orphans()).toBe(1);

    const renamed = await p.director.patch(`/api/projects/${project.id}`, {
      version: project.version,
      title: 'Pointage des navettes fluviales',
    });
    expect(renamed.statusCode).toBe(200);
    const found = (await p.agent.get('/api/projects?q=fluviales')).json() as Page;
    expect(found.items.map((item) => item.id)).toEqual([project.id]);
    const similar = await p.agent.post('/api/similar', {
      title: 'Navettes fluviales',
      text: '',
      kinds: ['project'],
    });
    expect(similar.json().items.map((item: { id: string }) => item.id)).toContain(project.id);

    const developed = await p.director.patch(`/api/projects/${project.id}`, {
      version: renamed.json().version,
      developerOrganisationIds: [p.rhone],
    });
    expect(developed.statusCode).toBe(200);
    expect(await orphans()).toBe(0);

    await sponsor(p.director, p.sponsor, project.id, p.ddgos);
    const card = (await p.agent.get('/api/projects?q=fluviales')).json() as Page;
    expect(card.items[0]).toMatchObject({ sponsorshipAccepted: true });

    await t.db
      .update(organisations)
      .set({ name: 'CPAM du Rhône renommée' })
      .where(eq(organisations.id, p.rhone));
    const page = (await p.agent.get('/api/projects?q=fluviales')).json() as Page;
    expect(page.items[0]?.holderOrganisation.name).toBe('CPAM du Rhône renommée');
    expect(page.facets.organisation).toEqual([
      { value: 'CPAM-69', label: 'CPAM du Rhône renommée', count: 1 },
    ]);
  });

  it('keeps the same rows while nothing is written, and logs one change per writing transaction', async () => {
    const before = await projectSnapshot(t.db);
    expect((await projectSnapshot(t.db)).rows).toBe(before.rows);
    const [{ n: logged } = { n: 0 }] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(projectChanges);
    await declareProject(p.developer, { title: 'Registre des clés' });
    const after = await projectSnapshot(t.db);
    expect(after.rows).not.toBe(before.rows);
    expect(after.rows.length).toBe(before.rows.length + 1);
    // The declaration wrote the project, its developer office and its audit event in one transaction.
    const [{ n } = { n: 0 }] = await t.db.select({ n: sql<number>`count(*)::int` }).from(projectChanges);
    expect(n).toBe(logged + 1);

    await t.db.update(projectChanges).set({ at: new Date(Date.now() - 3 * 24 * 3600 * 1000) });
    await pruneProjectChanges(t.db, 24 * 3600 * 1000);
    const [{ n: kept } = { n: -1 }] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(projectChanges);
    expect(kept).toBe(0);
    expect((await projectSnapshot(t.db)).rows).toBe(after.rows);
  });
});
