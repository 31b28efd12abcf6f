import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../test/harness.ts';
import {
  declareProject,
  fire,
  type ProjectPeople,
  projectBody,
  startProjectTests,
} from '../../test/project-fixtures.ts';

/** Declaring, editing and finding projects; the track guide. */
let t: TestContext;
let p: ProjectPeople;
beforeAll(async () => {
  ({ t, p } = await startProjectTests());
}, 60_000);
afterAll(() => t.close());

type Page = {
  total: number;
  items: { id: string; title: string; needsDevelopers: boolean }[];
  facets: Record<string, { value: string; label: string; count: number }[]>;
};
const titles = (page: Page) => page.items.map((i) => i.title).sort((a, b) => a.localeCompare(b, 'fr'));

describe('declaring and editing', () => {
  it('declares for the declarant’s office, which develops it when the declarant is a developer', async () => {
    const project = await declareProject(p.developer, {
      contacts: [{ name: 'Nadia Garnier', role: 'Cheffe de projet' }],
    });
    expect(project).toMatchObject({
      phase: 'needExpressed',
      holderOrganisation: { code: 'CPAM-69' },
      developerOrganisations: [{ code: 'CPAM-69' }],
      contacts: [{ name: 'Nadia Garnier', role: 'Cheffe de projet', email: null }],
      delivers: 'catalogueSheet',
      version: 1,
    });
    expect(project.descriptionHtml).toContain('<h2>Objectif</h2>');
    const byDirector = await declareProject(p.director);
    expect(byDirector).toMatchObject({ developerOrganisations: [], needsDevelopers: true });
  });

  it('refuses a declaration for another office, an unknown domain, and a missing track, in French naming the field', async () => {
    const other = await p.developer.post('/api/projects', projectBody({ holderOrganisationId: p.marseille }));
    expect(other.statusCode).toBe(403);
    const domain = await p.developer.post('/api/projects', projectBody({ domainCode: 'astrologie' }));
    expect(domain.statusCode).toBe(422);
    expect(domain.json().errors[0]).toMatchObject({ field: 'domainCode' });
    const noTrack = await p.developer.post('/api/projects', projectBody({ track: undefined }));
    expect(noTrack.statusCode).toBe(400);
    expect(noTrack.json().errors[0]).toMatchObject({
      field: 'track',
      message: 'La filière est obligatoire : choisissez-en une (le guide vous aide).',
    });
    const owner = await p.developer.post('/api/projects', projectBody({ owningDirectorateId: p.ddgos }));
    expect(owner.json().errors[0].field).toBe('owningDirectorateId');
    expect((await p.agent.post('/api/projects', projectBody())).statusCode).toBe(403);
  });

  it('edits with the version read: a stale version is 409, a director of another office 403, nothing changed keeps the version', async () => {
    const project = await declareProject(p.developer);
    const same = await p.developer.patch(`/api/projects/${project.id}`, { version: 1, title: project.title });
    expect(same.json().version).toBe(1);
    const edited = await p.director.patch(`/api/projects/${project.id}`, {
      version: 1,
      need: 'Un besoin mieux décrit par la direction pour tous les agents.',
      plannedDates: { development: { start: '2027-01-04', end: '2027-06-30' } },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      version: 2,
      plannedDates: { development: { start: '2027-01-04' } },
    });
    const stale = await p.developer.patch(`/api/projects/${project.id}`, {
      version: 1,
      title: 'Autre titre',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain('Rechargez-le');
    expect(
      (await p.otherDirector.patch(`/api/projects/${project.id}`, { version: 2, title: 'Pris' })).statusCode,
    ).toBe(403);
    const backwards = await p.developer.patch(`/api/projects/${project.id}`, {
      version: 2,
      plannedDates: { acceptance: { start: '2027-06-30', end: '2027-01-04' } },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().detail).toContain('se termine après avoir commencé');
  });
});

describe('the list', () => {
  it('finds by French words on title, need and description, without accents, with facets over the other filters', async () => {
    // Words no other test of this file uses: the projects of the other tests stay out of these results.
    const rhone = await declareProject(p.developer, {
      title: 'Éclairages hivernaux des sites du Rhône',
      track: 'homologation',
    });
    await declareProject(p.otherDeveloper, {
      title: 'Planning de l’accueil',
      need: 'Les éclairages des salles d’attente et les horaires de l’accueil changent chaque hiver.',
    });
    await declareProject(p.otherDirector, {
      title: 'Suivi des indus',
      need: 'Relancer les indus non recouvrés sans tableur.',
    });
    await fire(p.developer, rhone, 'frame');

    const found = (await p.agent.get('/api/projects?q=eclairage')).json() as Page;
    expect(titles(found)).toEqual(['Éclairages hivernaux des sites du Rhône', 'Planning de l’accueil']);
    // The title weighs more than the need.
    expect(found.items[0]?.title).toBe('Éclairages hivernaux des sites du Rhône');
    const prefix = (await p.agent.get('/api/projects?q=recouvr')).json() as Page;
    expect(titles(prefix)).toEqual(['Suivi des indus']);

    const filtered = (await p.agent.get('/api/projects?q=eclairage&track=homologation')).json() as Page;
    expect(titles(filtered)).toEqual(['Éclairages hivernaux des sites du Rhône']);
    // The track facet ignores the track filter; the phase facet follows it.
    expect(filtered.facets.track).toEqual(
      expect.arrayContaining([
        { value: 'homologation', label: 'Homologation', count: 1 },
        { value: 'nonStandard', label: 'Hors standard', count: 1 },
      ]),
    );
    expect(filtered.facets.phase).toEqual([{ value: 'framing', label: 'Cadrage', count: 1 }]);
    expect(filtered.facets.organisation).toEqual([
      { value: 'CPAM-69', label: expect.stringContaining('Rhône'), count: 1 },
    ]);

    const orphan = (await p.agent.get('/api/projects?q=indus&needsDevelopers=true')).json() as Page;
    expect(orphan.items.map((i) => i.needsDevelopers)).toEqual([true]);
    const region = (
      await p.agent.get('/api/projects?q=eclairage&region=provence-alpes-cote-d-azur')
    ).json() as Page;
    expect(titles(region)).toEqual(['Planning de l’accueil']);
  });

  it('pages and sorts, and answers a bad filter in French naming it', async () => {
    for (const title of ['Bêta', 'Alpha', 'Gamma'])
      await declareProject(p.ddsi, { title: `Tri ${title}`, holderOrganisationId: p.drp });
    const page = (
      await p.agent.get('/api/projects?organisation=CNAM-DRP&sort=title&pageSize=2&page=2')
    ).json() as Page;
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.title)).toEqual(['Tri Gamma']);
    const bad = await p.agent.get('/api/projects?track=fastTrack');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'track', message: 'Filière inconnue.' });
  });
});

describe('the track guide', () => {
  it('gives every track its obligations and recommends one from the answers', async () => {
    const guide = (await p.agent.get('/api/project-tracks?otherOffices=true&nationalNeed=false')).json();
    expect(guide.tracks.map((x: { code: string }) => x.code)).toEqual([
      'labelling',
      'homologation',
      'nonStandard',
      'nationalParticipation',
    ]);
    expect(guide.tracks[2].obligations.find((o: { code: string }) => o.code === 'hosting').text.fr).toContain(
      "Jamais d'hébergement AM Cloud",
    );
    expect(guide.recommendation.track).toBe('homologation');
    expect(guide.questions).toHaveLength(4);
  });
});
