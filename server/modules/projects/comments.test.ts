import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { declareProject, type ProjectPeople, projectPeople } from '../../test/project-fixtures.ts';

/** The comment thread: Markdown, edited by its author within 15 minutes (clock injected), deleted by its author or an admin, audited. */
let t: TestContext;
let p: ProjectPeople;
let clock = new Date('2026-11-30T09:00:00Z');
beforeAll(async () => {
  t = await createTestContext({}, { now: () => clock });
  p = await projectPeople(t);
}, 60_000);
afterAll(() => t.close());

const minutes = (n: number) => {
  clock = new Date(clock.getTime() + n * 60_000);
};
type Thread = {
  items: {
    id: string;
    body: string;
    bodyHtml: string;
    editedAt: string | null;
    deleted: boolean;
    can: { edit: boolean; delete: boolean };
  }[];
};

describe('comments', () => {
  it('renders Markdown with raw HTML escaped, and lets its author edit it within 15 minutes only', async () => {
    const project = await declareProject(p.developer);
    const posted = await p.agent.post(`/api/projects/${project.id}/comments`, {
      body: '**Oui** <script>x</script>',
    });
    expect(posted.statusCode).toBe(201);
    const [comment] = (posted.json() as Thread).items;
    expect(comment?.bodyHtml).toContain('<strong>Oui</strong>');
    expect(comment?.bodyHtml).not.toContain('<script>');
    expect(comment?.can).toEqual({ edit: true, delete: true });
    const url = `/api/projects/${project.id}/comments/${comment?.id}`;

    expect((await p.developer.patch(url, { body: 'Réécrit par un autre' })).statusCode).toBe(403);
    minutes(14);
    const edited = await p.agent.patch(url, { body: 'Oui, et vite.' });
    expect(edited.statusCode).toBe(200);
    expect((edited.json() as Thread).items[0]).toMatchObject({
      body: 'Oui, et vite.',
      editedAt: clock.toISOString(),
    });
    minutes(2);
    const late = await p.agent.patch(url, { body: 'Trop tard' });
    expect(late.statusCode).toBe(422);
    expect(late.json().detail).toContain('dans les 15 minutes');
    expect(
      ((await p.agent.get(`/api/projects/${project.id}/comments`)).json() as Thread).items[0]?.can.edit,
    ).toBe(false);
  });

  it('is deleted by its author or an administrator, never by someone else; every change is audited', async () => {
    const project = await declareProject(p.developer);
    const thread = (
      await p.agent.post(`/api/projects/${project.id}/comments`, { body: 'Premier' })
    ).json() as Thread;
    // A minute apart: the thread is in the order they were written.
    minutes(1);
    const second = (
      await p.developer.post(`/api/projects/${project.id}/comments`, { body: 'Second' })
    ).json() as Thread;
    const [mine] = thread.items;
    const theirs = second.items[1];
    expect(
      (await p.developer.request('DELETE', `/api/projects/${project.id}/comments/${mine?.id}`)).statusCode,
    ).toBe(403);
    const byAuthor = await p.agent.request('DELETE', `/api/projects/${project.id}/comments/${mine?.id}`);
    expect((byAuthor.json() as Thread).items[0]).toMatchObject({ deleted: true, body: '', bodyHtml: '' });
    const byAdmin = await p.admin.request('DELETE', `/api/projects/${project.id}/comments/${theirs?.id}`);
    expect(byAdmin.statusCode).toBe(200);
    expect(
      (await p.agent.request('DELETE', `/api/projects/${project.id}/comments/${theirs?.id}`)).statusCode,
    ).toBe(404);
    const audit = (await p.admin.get(`/api/audit-events?targetType=project&targetId=${project.id}`)).json();
    const actions = (audit.items as { action: string }[]).map((e) => e.action);
    expect(actions.filter((a) => a === 'project.comment')).toHaveLength(2);
    expect(actions.filter((a) => a === 'project.deleteComment')).toHaveLength(2);
  });

  it('refuses an empty comment, naming the field', async () => {
    const project = await declareProject(p.developer);
    const response = await p.agent.post(`/api/projects/${project.id}/comments`, { body: '   ' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: 'body', message: 'Le commentaire est vide.' });
  });
});
