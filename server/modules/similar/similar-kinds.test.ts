import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimilarResultDto } from '../../../common/schemas/similar.ts';
import { createSheet } from '../../test/catalog-fixtures.ts';
import { demoCatalogueContext } from '../../test/demo-catalogue-context.ts';
import type { Agent, TestContext } from '../../test/harness.ts';
import { declareProject } from '../../test/project-fixtures.ts';

let t: TestContext;
let agent: Agent;
let rhone: string;
beforeAll(async () => {
  ({ t, developer: agent, rhone } = await demoCatalogueContext());
});
afterAll(() => t.close());

const similar = async (body: Record<string, unknown>) => {
  const response = await agent.post('/api/similar', body);
  expect(response.statusCode).toBe(200);
  return response.json() as SimilarResultDto;
};
const codes = (result: SimilarResultDto) => result.items.map((item) => item.code);

describe('POST /api/similar', () => {
  it('ranks the sheets of a need across kinds, each with its kind, office, score and the words it shares', async () => {
    const result = await similar({
      title: 'Poser ses vacances',
      text: 'Les collaborateurs demandent leurs congés et le chef de service valide.',
    });
    expect(result.items.length).toBeGreaterThanOrEqual(3);
    expect(result.items.length).toBeLessThanOrEqual(5);
    const first = result.items[0];
    expect(first).toMatchObject({
      kind: 'application',
      id: expect.any(String),
      code: expect.any(String),
      office: { code: expect.any(String), name: expect.any(String) },
    });
    expect(['GESCONGES', 'ABSENCES-CONGES', 'CONGES-EXPRESS', 'PLANNING-ABSENCES']).toContain(first?.code);
    // The shared words are the sheet's, as it writes them: « vacances » met « congés ».
    expect(first?.sharedTerms.map((term) => term.toLowerCase())).toContain('congés');
    const scores = result.items.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((score) => score > 0 && score <= 1)).toBe(true);
  });

  it('finds a project in progress among the kinds, and its new title once it is edited', async () => {
    const project = await declareProject(agent, {
      title: 'Suivi des ornithorynques du littoral',
      need: 'Les équipes recensent les ornithorynques sur tableur et veulent une saisie partagée.',
    });
    const found = await similar({ title: 'Recensement des ornithorynques', kinds: ['project'] });
    expect(found.items[0]).toMatchObject({ kind: 'project', id: project.id, code: null });
    expect(found.items[0]?.office.code).toBe('CPAM-69');
    const edited = await agent.patch(`/api/projects/${project.id}`, {
      title: 'Suivi des échidnés du littoral',
      version: project.version,
    });
    expect(edited.statusCode).toBe(200);
    const after = await similar({ title: 'Les échidnés du littoral', kinds: ['project', 'application'] });
    expect(after.items.find((item) => item.id === project.id)?.title).toBe('Suivi des échidnés du littoral');
  });

  it('answers as many items as asked, of the kinds asked', async () => {
    const body = { title: 'Recouvrement des indus', text: '', kinds: ['application'], limit: 2 };
    const result = await similar(body);
    expect(codes(result)).toHaveLength(2);
    expect(codes(result)).toContain('RECOUVR-INDUS');
    expect(result.items.every((item) => item.kind === 'application')).toBe(true);
  });

  it('finds nothing for a need unlike any item', async () => {
    expect((await similar({ title: 'Xylophone quantique', text: 'Gravitation des tubas.' })).items).toEqual(
      [],
    );
    expect((await similar({ title: '', text: '' })).items).toEqual([]);
  });

  it('sees a sheet declared a moment ago, and no longer an archived one', async () => {
    const sheet = await createSheet(agent, rhone, {
      name: 'Cartographie des défibrillateurs',
      summary: 'Localisation des défibrillateurs des agences et contrôles annuels.',
    });
    const need = { title: 'Où sont les défibrillateurs', text: 'Carte des appareils de réanimation.' };
    expect(codes(await similar(need))[0]).toBe(sheet.code);
    const archived = await agent.post(`/api/applications/${sheet.id}/transitions`, {
      action: 'archive',
      version: sheet.version,
      input: { reason: 'Doublon de la fiche nationale' },
    });
    expect(archived.statusCode).toBe(200);
    expect(codes(await similar(need))).not.toContain(sheet.code);
  });

  it('answers the same question again at once, and anew once a project is declared', async () => {
    const need = { title: 'Baguage des goélands', text: 'Suivre les goélands bagués du port.' };
    const before = await similar({ ...need, kinds: ['project', 'application'] });
    expect(before.items.map((item) => item.title)).not.toContain('Baguage des goélands argentés');
    // The kinds in another order are the same question.
    expect(await similar({ ...need, kinds: ['application', 'project'] })).toEqual(before);
    const project = await declareProject(agent, {
      title: 'Baguage des goélands argentés',
      need: 'Les agents du port suivent les goélands bagués.',
    });
    const after = await similar({ ...need, kinds: ['project', 'application'] });
    expect(after.items[0]).toMatchObject({ id: project.id, kind: 'project' });
  });

  it('refuses bad input with a French 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ text: 'Un besoin' }, 'title', /titre est obligatoire/],
      [{ title: 'a'.repeat(201) }, 'title', /titre est limité à 200 caractères/],
      [{ title: 'Congés', text: 'a'.repeat(5001) }, 'text', /texte est limité à 5000 caractères/],
      [{ title: 'Congés', kinds: ['meeting'] }, 'kinds', /type d'élément n'existe pas/],
      [{ title: 'Congés', kinds: [] }, 'kinds', /en nomment un au moins/],
      [{ title: 'Congés', kinds: 'application' }, 'kinds', /liste/],
      [{ title: 'Congés', limit: 50 }, 'limit', /de 1 à 20/],
      [{ title: 'Congés', sort: 'score' }, 'sort', /n'existe pas/],
    ];
    for (const [body, field, message] of cases) {
      const response = await agent.post('/api/similar', body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json() as { detail: string; errors: { field: string; message: string }[] };
      expect(problem.detail).toContain(`« ${field}`);
      expect(problem.errors.map((error) => error.message).join(' ')).toMatch(message);
    }
  });
});
