import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../db/schema.ts';
import { createSheet, designerAndOthers } from '../../../test/catalog-fixtures.ts';
import { type Agent, createTestContext, type TestContext } from '../../../test/harness.ts';

let t: TestContext;
let rhone: string;
let developer: Agent; // CPAM-69
let otherDeveloper: Agent; // CPAM-13
let agent: Agent; // CPAM-13
beforeAll(async () => {
  t = await createTestContext();
  ({ rhone, developer, otherDeveloper, agent } = await designerAndOthers(t));
});
afterAll(() => t.close());

describe('usage by offices', () => {
  it('an office declares, updates and withdraws its use; the designer sees who uses it', async () => {
    const application = await createSheet(developer, rhone, { name: 'Gestion des réclamations' });
    const url = `/api/applications/${application.id}/usages`;
    expect((await agent.post(url, { userCount: 3 })).statusCode).toBe(403);
    expect(
      (
        await otherDeveloper.post(url, {
          since: '2024-09-01',
          userCount: 35,
          versionNumber: '2.1',
          comment: 'Service relations clients',
        })
      ).statusCode,
    ).toBe(201);
    expect((await otherDeveloper.post(url, { since: '2024-09-01', userCount: 40 })).statusCode).toBe(204);
    expect((await otherDeveloper.post(url, { userCount: 0 })).json().errors).toEqual([
      { field: 'userCount', message: "Le nombre d'utilisateurs est au moins 1." },
    ]);
    const usages = (await developer.get(url)).json();
    expect(usages).toEqual([
      expect.objectContaining({
        organisation: expect.objectContaining({ code: 'CPAM-13' }),
        userCount: 40,
        since: '2024-09-01',
      }),
    ]);
    expect((await otherDeveloper.get(`/api/applications/${application.id}`)).json()).toMatchObject({
      usageCount: 1,
      myUsage: { userCount: 40 },
    });
    expect((await otherDeveloper.request('DELETE', url)).statusCode).toBe(204);
    expect((await otherDeveloper.request('DELETE', url)).statusCode).toBe(404);
    expect((await developer.get(`/api/applications/${application.id}`)).json().usageCount).toBe(0);
    const actions = (
      await t.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.targetId, application.id))
        .orderBy(auditEvents.id)
    ).map((e) => e.action);
    expect(actions).toEqual(['application.create', 'usage.declare', 'usage.declare', 'usage.withdraw']);
  });
});
