import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../db/schema.ts';
import { createTestContext, signUp, type TestContext } from '../../test/harness.ts';

let t: TestContext;
/** What the test topic's handler saw, and whether it fails for now. */
const handled: number[] = [];
let failing = true;

beforeAll(async () => {
  t = await createTestContext(
    {},
    {
      extra: {
        outboxHandlers: {
          'test.flaky': async (_ctx, message) => {
            if (failing) throw new Error('le serveur distant ne répond pas');
            handled.push(message.id);
          },
        },
      },
    },
  );
});
afterAll(() => t.close());

/** A job of the test topic that has already used up its attempts. */
async function failedJob() {
  const [row] = await t.db
    .insert(outboxMessages)
    .values({
      topic: 'test.flaky',
      payload: {},
      attempts: 8,
      lastError: 'le serveur distant ne répond pas',
      failedAt: new Date(),
    })
    .returning({ id: outboxMessages.id });
  return row?.id as number;
}

describe('the administrators’ jobs page', () => {
  it('lists failed jobs with their error, retries one, and the retry runs it', async () => {
    const { agent: admin } = await signUp(t, { roles: ['admin'], organisationCode: 'CNAM-DDO' });
    const id = await failedJob();

    const failed = await admin.get('/api/admin/jobs?state=failed');
    expect(failed.statusCode).toBe(200);
    const page = failed.json();
    expect(page.items.map((j: { id: number }) => j.id)).toContain(id);
    expect(page.items.every((j: { state: string }) => j.state === 'failed')).toBe(true);
    expect(page.items.find((j: { id: number }) => j.id === id)).toMatchObject({
      topic: 'test.flaky',
      attempts: 8,
      lastError: 'le serveur distant ne répond pas',
    });
    expect(page.counts.failed).toBeGreaterThanOrEqual(1);
    expect(page.runner).toBe('inline');
    expect(page.mail.mode).toBe('log');

    failing = false;
    const retried = await admin.post(`/api/admin/jobs/${id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(handled).toContain(id);
    const [row] = await t.db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
    expect(row?.deliveredAt).not.toBeNull();
    expect(row?.failedAt).toBeNull();

    const delivered = await admin.get('/api/admin/jobs?state=delivered');
    expect(delivered.json().items.map((j: { id: number }) => j.id)).toContain(id);
    const again = await admin.post(`/api/admin/jobs/${id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/déjà été exécuté/);
  });

  it('refuses a job that does not exist and a bad state, in French', async () => {
    const { agent: admin } = await signUp(t, { roles: ['admin'], organisationCode: 'CNAM-DDO' });
    const missing = await admin.post('/api/admin/jobs/987654321/retry');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toBe('Ce travail est introuvable.');
    const bad = await admin.get('/api/admin/jobs?state=perdu');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('state');
  });

  it('is for administrators only', async () => {
    const { agent: director } = await signUp(t, { roles: ['officeDirector', 'operationsDirectorate'] });
    expect((await director.get('/api/admin/jobs')).statusCode).toBe(403);
    expect((await director.post(`/api/admin/jobs/${await failedJob()}/retry`)).statusCode).toBe(403);
  });
});
