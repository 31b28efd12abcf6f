import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../test/harness.ts';
import {
  declareProject,
  type ProjectPeople,
  projectBody,
  startProjectTests,
} from '../../test/project-fixtures.ts';

/** What the declarant confirmed the project does not duplicate: recorded at declaration, shown on the project. */
let t: TestContext;
let p: ProjectPeople;
beforeAll(async () => {
  ({ t, p } = await startProjectTests());
}, 60_000);
afterAll(() => t.close());

describe('the duplicate check of a declaration', () => {
  it('records the similar items the declarant was shown and confirmed, in the project and its audit event', async () => {
    const seen = await declareProject(p.developer, { title: 'Circuit des demandes de congés' });
    const project = await declareProject(p.developer, {
      title: 'Congés des agents en ligne',
      notDuplicateOf: [
        { kind: 'project', id: seen.id, title: 'Circuit des demandes de congés', score: 0.42 },
      ],
    });
    const read = (await p.admin.get(`/api/projects/${project.id}`)).json();
    expect(read.duplicateCheck).toMatchObject({
      confirmedAt: expect.any(String),
      items: [{ kind: 'project', id: seen.id, title: 'Circuit des demandes de congés', score: 0.42 }],
    });
    const audit = (await p.admin.get(`/api/audit-events?targetType=project&targetId=${project.id}`)).json();
    const created = (audit.items as { action: string; after: Record<string, unknown> }[]).find(
      (e) => e.action === 'project.create',
    );
    expect(created?.after.duplicateCheck).toMatchObject({ items: [{ id: seen.id }] });
    // Nothing shown, nothing recorded.
    const alone = (await p.admin.get(`/api/projects/${seen.id}`)).json();
    expect(alone.duplicateCheck).toBeNull();
  });

  it('refuses a malformed item with a French 400 naming the field, and writes nothing', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { kind: 'meeting', id: '00000000-0000-4000-8000-000000000000', title: 'x', score: 0.5 },
        /Type d'élément inconnu/,
      ],
      [{ kind: 'project', id: 'abc', title: 'x', score: 0.5 }, /identifiant de l'élément semblable/],
      [{ kind: 'project', id: '00000000-0000-4000-8000-000000000000', title: 'x', score: 2 }, /de 0 à 1/],
    ];
    for (const [item, message] of cases) {
      const response = await p.developer.post(
        '/api/projects',
        projectBody({ title: 'Refusé pour doublon mal formé', notDuplicateOf: [item] }),
      );
      expect(response.statusCode).toBe(400);
      const problem = response.json();
      expect(problem.errors.some((e: { field: string }) => e.field.startsWith('notDuplicateOf'))).toBe(true);
      expect(JSON.stringify(problem.errors)).toMatch(message);
    }
    const list = (await p.admin.get('/api/projects?q=doublon%20mal%20formé')).json();
    expect(list.total).toBe(0);
  });
});
