import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterOf } from '../../../common/quarters.ts';
import type { MatchmakingDto } from '../../../common/schemas/matchmaking.ts';
import { type Agent, signUp, type TestContext } from '../../test/harness.ts';
import { declareProject, fire, type ProjectPeople, startProjectTests } from '../../test/project-fixtures.ts';

/** GET /api/matchmaking: needs without developers, capacity still to come, suggested matches and why. */
let t: TestContext;
let p: ProjectPeople;
/** A developer of CPAM-01 (Ain): the same region as the holder of the tests' needs, CPAM-69. */
let ain: Agent;
beforeAll(async () => {
  ({ t, p } = await startProjectTests());
  ain = (await signUp(t, { roles: ['developer'], organisationCode: 'CPAM-01' })).agent;
}, 60_000);
afterAll(() => t.close());

const QUARTER = quarterOf(new Date());
const read = async (agent: Agent, query = '') => {
  const response = await agent.get(`/api/matchmaking${query}`);
  expect(response.statusCode).toBe(200);
  return response.json() as MatchmakingDto;
};
const matchOf = (page: MatchmakingDto, projectId: string, office: string) =>
  page.matches.items.find((m) => m.project.id === projectId && m.organisation.code === office);
/** A need of CPAM-69 declared by its director (so no developer office), with its own words. */
const need = (words: string, domainCode = 'pilotage-statistiques') =>
  declareProject(p.director, {
    title: `Besoin ${words}`,
    need: `Les équipes attendent ${words} pour suivre les délais de remboursement chaque semaine.`,
    domainCode,
  });
const declare = (agent: Agent, body: Record<string, unknown>) =>
  agent.post('/api/capacities', { quarter: QUARTER, personDays: 30, skills: [], ...body });

describe('needs and capacities', () => {
  it('lists the needs without developers in an open phase, and the capacity of this quarter and later', async () => {
    const open = await need('cartographie des flux');
    const developed = await declareProject(p.developer, { title: 'Besoin déjà développé' });
    const abandoned = await need('abandonnée');
    expect((await fire(p.director, abandoned, 'abandon', { reason: 'Plus de besoin.' })).statusCode).toBe(
      200,
    );
    expect((await declare(p.otherDeveloper, { skills: ['Cartographie'], personDays: 25 })).statusCode).toBe(
      200,
    );
    expect((await declare(p.otherDeveloper, { quarter: '2020-T1', personDays: 50 })).statusCode).toBe(200);
    expect((await declare(p.otherDirector, { quarter: '2099-T1', personDays: 0 })).statusCode).toBe(200);

    const page = await read(p.agent);
    const ids = page.needs.items.map((n) => n.id);
    expect(ids).toContain(open.id);
    expect(ids).not.toContain(developed.id);
    expect(ids).not.toContain(abandoned.id);
    expect(page.needs.items.find((n) => n.id === open.id)).toMatchObject({
      phase: 'needExpressed',
      domain: { code: 'pilotage-statistiques' },
      holderOrganisation: { code: 'CPAM-69', region: 'auvergne-rhone-alpes' },
    });
    expect(page.needs.total).toBeGreaterThanOrEqual(page.needs.items.length);
    expect(page.quarter).toBe(QUARTER);
    const quarters = page.capacities.items.map((c) => `${c.organisation.code} ${c.quarter} ${c.personDays}`);
    expect(quarters).toContain(`CPAM-13 ${QUARTER} 25`);
    expect(quarters.filter((q) => q.includes('2020-T1') || q.includes('2099-T1'))).toEqual([]);
  });
});

describe('suggested matches', () => {
  it('gives each match its reasons: skills the need mentions, domain, region, enough person-days', async () => {
    const open = await need('un tableau de bord décisionnel');
    // CPAM-01 knows the domain: it holds a project in it.
    await declareProject(ain, { title: 'Indicateurs de l’Ain', domainCode: 'pilotage-statistiques' });
    await declare(ain, { skills: ['Tableau de bord', 'COBOL'], personDays: 40 });

    const match = matchOf(await read(p.agent), open.id, 'CPAM-01');
    expect(match).toMatchObject({ organisation: { region: 'auvergne-rhone-alpes' }, offer: null });
    expect(match?.reasons).toEqual([
      { code: 'skills', params: { skills: ['Tableau de bord'] } },
      {
        code: 'sameDomain',
        params: { domain: 'Pilotage et statistiques', domainCode: 'pilotage-statistiques' },
      },
      { code: 'sameRegion', params: { region: 'auvergne-rhone-alpes' } },
      { code: 'enoughPersonDays', params: { personDays: expect.any(Number), minimum: 20 } },
    ]);
    expect(match?.score).toBeGreaterThan(0);
  });

  it('ranks the better match first, suggests nothing without anything in common, and shows an offer made', async () => {
    const open = await need('un export géomatique des agences', 'achats-logistique');
    await declare(p.otherDeveloper, { skills: ['Géomatique', 'Export', 'Agences'], personDays: 60 });
    await declare(ain, { skills: ['Géomatique'], personDays: 40 });
    const page = await read(p.agent);
    const ranked = page.matches.items.filter((m) => m.project.id === open.id);
    expect(ranked.map((m) => m.organisation.code)).toEqual(['CPAM-13', 'CPAM-01']);
    expect(ranked[0]?.reasons[0]).toEqual({
      code: 'skills',
      params: { skills: ['Géomatique', 'Export', 'Agences'] },
    });
    const scores = page.matches.items.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const unrelated = await need('une messagerie sécurisée', 'juridique-contentieux');
    expect(page.matches.items.some((m) => m.project.id === unrelated.id)).toBe(false);
    expect((await read(p.agent)).matches.items.filter((m) => m.project.id === unrelated.id)).toEqual([]);

    const offered = await p.otherDeveloper.post(`/api/projects/${open.id}/offers`, {
      kind: 'developerCapacity',
      message: 'Notre équipe connaît la géomatique.',
      personDays: 30,
    });
    expect(offered.statusCode).toBe(201);
    expect(matchOf(await read(p.agent), open.id, 'CPAM-13')?.offer).toEqual({
      id: offered.json().id,
      state: 'pending',
    });
  });
});

describe('filters and refusals', () => {
  it('filters the needs by domain and both lists by region', async () => {
    const legal = await need('un suivi des contentieux', 'juridique-contentieux');
    const byDomain = await read(p.agent, '?domain=juridique-contentieux');
    expect(byDomain.needs.items.map((n) => n.id)).toContain(legal.id);
    expect(byDomain.needs.items.every((n) => n.domain.code === 'juridique-contentieux')).toBe(true);

    await declare(p.otherDeveloper, { skills: ['Contentieux'] });
    const paca = await read(p.agent, '?region=provence-alpes-cote-d-azur');
    expect(paca.capacities.items.map((c) => c.organisation.code)).toContain('CPAM-13');
    expect(paca.capacities.items.every((c) => c.organisation.code === 'CPAM-13')).toBe(true);
    expect(paca.needs.items.map((n) => n.id)).not.toContain(legal.id);
    const ara = await read(p.agent, '?region=auvergne-rhone-alpes&domain=juridique-contentieux');
    expect(ara.needs.items.map((n) => n.id)).toContain(legal.id);
    expect(ara.capacities.items.map((c) => c.organisation.code)).not.toContain('CPAM-13');
  });

  it('refuses a stranger (401) and a bad filter (400, in French, naming it)', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/matchmaking' });
    expect(anonymous.statusCode).toBe(401);
    for (const [query, field] of [
      ['?region=atlantide', 'region'],
      ['?domain=Relation%20client', 'domain'],
    ] as const) {
      const refused = await p.agent.get(`/api/matchmaking${query}`);
      expect(refused.statusCode).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      const problem = refused.json() as { detail: string; errors: { field: string; message: string }[] };
      expect(problem.errors.map((e) => e.field)).toEqual([field]);
      expect(problem.errors[0]?.message).toMatch(/région|domaine/i);
    }
  });
});
